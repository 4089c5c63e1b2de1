import { addDays, lastDayOfMonth, monthSpan, weekOfMonth } from "./calendar-days.js";
import { checkMonth, dayWindow, refuseDay } from "./date-window.js";
import type { Window, Words, YearHint } from "./evaluation-terms.js";
import type { PointMatch } from "./match-period.js";
import { calendarDivisionYear, schoolYearFor, yearOf } from "./period-years.js";
import type { DeadlineContext } from "./types.js";

/** The window of days one period names in the document's context. */
export function evalPoint(pm: PointMatch, ctx: DeadlineContext, words: Words, hint?: YearHint): Window {
  switch (pm.type) {
    case "day":
    case "number": {
      const month = pm.month ?? 0;
      checkMonth(month, pm, words);
      // "30/2" is refused as a date before its missing year is: no year has it.
      const day = pm.day ?? 0;
      if (day < 1 || day > lastDayOfMonth(2000, month)) refuseDay(pm, day, month, null, words);
      return dayWindow(pm, pm.day ?? 0, month, yearOf(pm, month, ctx, words, hint), words);
    }
    case "month": {
      const month = pm.month ?? 0;
      checkMonth(month, pm, words);
      return monthSpan(yearOf(pm, month, ctx, words, hint), month);
    }
    case "week": {
      const month = pm.month ?? 0;
      checkMonth(month, pm, words);
      // Weeks run Monday–Sunday (DESIGN.md §4) and belong to the month that holds their Thursday.
      const year = yearOf(pm, month, ctx, words, hint);
      const one = weekOfMonth(year, month, pm.week ?? 1);
      const more = (pm.weeks ?? 1) - 1;
      // "hai tuần đầu": from the first week on; "hai tuần cuối": back from the last.
      return pm.week === 0
        ? { start: addDays(one.start, -7 * more), end: one.end }
        : { start: one.start, end: addDays(one.end, 7 * more) };
    }
    case "quarter": {
      const first = ((pm.quarter ?? 1) - 1) * 3 + 1;
      const year = pm.year ?? hint?.(first) ?? calendarDivisionYear(pm, first + 2, ctx, words);
      return { start: monthSpan(year, first).start, end: monthSpan(year, first + 2).end };
    }
    case "half": {
      const [first, last] = pm.half === "first" ? [1, 6] : [7, 12];
      const year = pm.year ?? hint?.(first) ?? calendarDivisionYear(pm, last, ctx, words);
      return { start: monthSpan(year, first).start, end: monthSpan(year, last).end };
    }
    case "semester": {
      const semester = pm.semester === 2 ? 2 : 1;
      const y = ctx.calendar.year(schoolYearFor(pm, ctx, words, semester));
      return semester === 1
        ? { start: y.opening, end: y.semester1End }
        : { start: addDays(y.semester1End, 1), end: y.semester2End };
    }
    case "school_year": {
      const y = ctx.calendar.year(schoolYearFor(pm, ctx, words, null));
      return { start: y.opening, end: y.yearEnd };
    }
    case "year":
      return { start: `${pm.year}-01-01`, end: `${pm.year}-12-31` };
    case "now":
      return { start: ctx.issuedOn ?? null, end: ctx.issuedOn ?? null };
  }
}
