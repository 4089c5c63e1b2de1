import { readFileSync } from "node:fs";
import { ErrorCode, ThiduaError } from "../errors.js";
import { createSchoolCalendar, parseSchoolCalendarOverrides } from "./school-calendar.js";
import type { SchoolCalendar } from "./types.js";

/** The school calendar: the Ministry defaults, with the officer's overrides file when one is configured. */
export function loadSchoolCalendar(path: string | undefined): SchoolCalendar {
  if (!path) return createSchoolCalendar();
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ThiduaError(
      ErrorCode.ConfigInvalid,
      `THIDUA_SCHOOL_CALENDAR cannot be read as JSON (${reason}): point it at a JSON file shaped as the README's "The school calendar" shows`,
      { cause: error, params: { variable: "THIDUA_SCHOOL_CALENDAR" } },
    );
  }
  try {
    return createSchoolCalendar(parseSchoolCalendarOverrides(json));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ThiduaError(
      ErrorCode.ConfigInvalid,
      `THIDUA_SCHOOL_CALENDAR is not a valid calendar: ${reason}`,
      {
        cause: error,
        params: { variable: "THIDUA_SCHOOL_CALENDAR" },
      },
    );
  }
}
