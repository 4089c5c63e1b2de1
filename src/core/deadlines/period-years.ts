import { Refusal, type Words, type YearHint } from "./evaluation-terms.js";
import type { PointMatch } from "./match-period.js";
import type { DeadlineContext } from "./types.js";

/** The year a month without one falls in (DESIGN.md §4). */
function documentYear(month: number, ctx: DeadlineContext): number | null {
  if (ctx.schoolYearStart !== undefined) return month >= 8 ? ctx.schoolYearStart : ctx.schoolYearStart + 1;
  return ctx.calendarYear ?? null;
}

/** The year a month of this period falls in: as written, from a hint, or from the document. */
export function yearOf(
  pm: PointMatch,
  month: number,
  ctx: DeadlineContext,
  words: Words,
  hint?: YearHint,
): number {
  if (pm.year !== undefined) return pm.year;
  if (pm.schoolYear) return month >= 8 ? schoolYearStartOf(pm, words) : schoolYearStartOf(pm, words) + 1;
  const year = hint?.(month) ?? documentYear(month, ctx);
  if (year === null) {
    throw new Refusal(
      "missing_year",
      `"${words(pm.start, pm.end)}" has no year, and the plan states neither a school year nor a calendar year`,
    );
  }
  return year;
}

/**
 * Quarters and halves divide the calendar year, so the plan's calendar year comes first; a plan with
 * only a school year places them by their last month (quý IV of 2024–2025 is in 2024).
 */
export function calendarDivisionYear(
  pm: PointMatch,
  lastMonth: number,
  ctx: DeadlineContext,
  words: Words,
): number {
  return ctx.calendarYear ?? yearOf(pm, lastMonth, ctx, words);
}

/** The first year of the school year written with the period; refuses years that do not follow. */
export function schoolYearStartOf(pm: PointMatch, words: Words): number {
  const [first, second] = pm.schoolYear ?? [0, 0];
  if (second !== first + 1) {
    throw new Refusal(
      "unknown_school_year",
      `"${words(pm.start, pm.end)}" is not a school year: ${second} does not follow ${first}`,
    );
  }
  return first;
}

/** The school year a semester or "năm học" falls in: as written, or from the plan. */
export function schoolYearFor(
  pm: PointMatch,
  ctx: DeadlineContext,
  words: Words,
  semester: number | null,
): number {
  if (pm.schoolYear) return schoolYearStartOf(pm, words);
  if (ctx.schoolYearStart !== undefined) return ctx.schoolYearStart;
  // A calendar-year plan: semester 2 of 2023 and "năm học" belong to 2022–2023, semester 1 to 2023–2024.
  if (ctx.calendarYear !== undefined) return semester === 1 ? ctx.calendarYear : ctx.calendarYear - 1;
  throw new Refusal(
    "unknown_school_year",
    `"${words(pm.start, pm.end)}" names no school year, and the plan states none`,
  );
}
