import { readJsonFileOf } from "../config/read-json-file.js";
import { ErrorCode, ThiduaError } from "../errors.js";
import { createSchoolCalendar, parseSchoolCalendarOverrides } from "./school-calendar.js";
import type { SchoolCalendar } from "./types.js";

/** The school calendar: the Ministry defaults, with the officer's overrides file when one is configured. */
export function loadSchoolCalendar(path: string | undefined): SchoolCalendar {
  if (!path) return createSchoolCalendar();
  const json = readJsonFileOf("THIDUA_SCHOOL_CALENDAR", path, "The school calendar");
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
