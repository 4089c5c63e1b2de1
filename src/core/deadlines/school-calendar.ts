import { z } from "zod";
import { isRealDate } from "./calendar-days.js";
import type { SchoolCalendar, SchoolYearDates } from "./types.js";

/**
 * The Ministry's yearly time frames (khung kế hoạch thời gian năm học), keyed by the year a school year
 * starts in. Semester 1 ends "before" a day and the year "before 31/05": the last day is the day before.
 */
export const defaultSchoolYears: Readonly<Record<number, Readonly<SchoolYearDates>>> = Object.freeze({
  2022: {
    opening: "2022-09-05",
    semester1End: "2023-01-14",
    semester2End: "2023-05-24",
    yearEnd: "2023-05-30",
  },
  2023: {
    opening: "2023-09-05",
    semester1End: "2024-01-17",
    semester2End: "2024-05-24",
    yearEnd: "2024-05-30",
  },
  // QĐ 2045/QĐ-BGDĐT: semester 1 before 18/01/2025, the year before 31/05/2025.
  2024: {
    opening: "2024-09-05",
    semester1End: "2025-01-17",
    semester2End: "2025-05-24",
    yearEnd: "2025-05-30",
  },
  2025: {
    opening: "2025-09-05",
    semester1End: "2026-01-17",
    semester2End: "2026-05-24",
    yearEnd: "2026-05-30",
  },
});

/** The usual pattern, for years the Ministry's table above does not hold yet. */
function patternYear(startYear: number): SchoolYearDates {
  return {
    opening: `${startYear}-09-05`,
    semester1End: `${startYear + 1}-01-17`,
    semester2End: `${startYear + 1}-05-24`,
    yearEnd: `${startYear + 1}-05-30`,
  };
}

/** The school calendar: defaults, then the pattern, with an officer's overrides on top. */
export function createSchoolCalendar(
  overrides: Record<number, Partial<SchoolYearDates>> = {},
): SchoolCalendar {
  // Copied so that a caller changing its object later cannot move deadlines already read.
  const own = new Map(Object.entries(overrides).map(([year, dates]) => [Number(year), { ...dates }]));
  return {
    year(startYear) {
      return { ...(defaultSchoolYears[startYear] ?? patternYear(startYear)), ...own.get(startYear) };
    },
  };
}

const realDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be written yyyy-mm-dd")
  .refine(isRealDate, "is not a real date");

const fields = ["opening", "semester1End", "semester2End", "yearEnd"] as const;

const yearDates = z
  .object({
    opening: realDay.optional(),
    semester1End: realDay.optional(),
    semester2End: realDay.optional(),
    yearEnd: realDay.optional(),
  })
  .strict()
  .superRefine((dates, ctx) => {
    // The days given must come in the school year's order; the missing ones come from the defaults.
    const given = fields.filter((field) => dates[field] !== undefined);
    for (let i = 1; i < given.length; i++) {
      const earlier = given[i - 1];
      const later = given[i];
      if (earlier && later && (dates[later] ?? "") < (dates[earlier] ?? "")) {
        ctx.addIssue({ code: "custom", path: [later], message: `comes before ${earlier}` });
      }
    }
  });

/** The overrides file: { "2026-2027": { opening?, semester1End?, semester2End?, yearEnd? } }. */
export const schoolCalendarOverridesSchema = z.record(z.string(), yearDates).superRefine((years, ctx) => {
  for (const key of Object.keys(years)) {
    const m = /^(\d{4})-(\d{4})$/.exec(key);
    if (!m || Number(m[2]) !== Number(m[1]) + 1) {
      ctx.addIssue({ code: "custom", path: [key], message: "is not a school year written like 2026-2027" });
    }
  }
});

/** Validates an overrides file's JSON into overrides keyed by the school year's first year. */
export function parseSchoolCalendarOverrides(json: unknown): Record<number, Partial<SchoolYearDates>> {
  const parsed = schoolCalendarOverridesSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${issue?.path.join(".") || "calendar"} ${issue?.message ?? "is invalid"}`);
  }
  const out: Record<number, Partial<SchoolYearDates>> = {};
  for (const [key, dates] of Object.entries(parsed.data)) {
    const clean: Partial<SchoolYearDates> = {};
    for (const field of fields) {
      const value = dates[field];
      if (value !== undefined) clean[field] = value;
    }
    out[Number(key.slice(0, 4))] = clean;
  }
  return out;
}
