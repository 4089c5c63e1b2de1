import { addDays } from "./calendar-days.js";
import { dayWindow } from "./date-window.js";
import { Refusal, type Window, type Words } from "./evaluation-terms.js";
import type { PointMatch } from "./match-period.js";
import type { RangeMatch } from "./match-range.js";
import { evalPoint } from "./period-window.js";
import type { DeadlineContext } from "./types.js";

/** Whether a period's year is left to its context (a range's other end, or the document). */
function lacksYear(pm: PointMatch): boolean {
  if (pm.type === "number") return true;
  if (pm.type === "day" || pm.type === "month" || pm.type === "quarter" || pm.type === "half") {
    return pm.year === undefined && pm.schoolYear === undefined;
  }
  return false;
}

const yearMonth = (iso: string) => [Number(iso.slice(0, 4)), Number(iso.slice(5, 7))] as const;

/** The window of a range, each end lending its year to the other; refuses lists and reversed ranges. */
export function evalRange(r: RangeMatch, ctx: DeadlineContext, words: Words): Window {
  const { a, b } = r;
  let first: Window;
  let last: Window;
  if (a.type === "number") {
    // "15 - 28/5/2024": the first day is in the last day's month.
    last = evalPoint(b, ctx, words);
    const [year, month] = yearMonth(last.start ?? "");
    first = dayWindow(a, a.day ?? 0, month, year, words);
  } else if (lacksYear(a) && !lacksYear(b)) {
    // "Từ 20/12 đến 10/01/2024": the start takes the end's year, or the year before when it wraps.
    last = evalPoint(b, ctx, words);
    const anchor = last.end;
    const hint = anchor
      ? (m: number) => yearMonth(anchor)[0] - (m > yearMonth(anchor)[1] ? 1 : 0)
      : undefined;
    first = evalPoint(a, ctx, words, hint);
  } else {
    first = evalPoint(a, ctx, words);
    const anchor = first.start;
    // "Từ 20/12/2023 đến 10/01": the end takes the start's year, or the year after when it wraps.
    const hint =
      anchor && lacksYear(b)
        ? (m: number) => yearMonth(anchor)[0] + (m < yearMonth(anchor)[1] ? 1 : 0)
        : undefined;
    last = evalPoint(b, ctx, words, hint);
  }
  const start = first.start;
  const due =
    r.sep === "den truoc" || r.sep === "toi truoc" ? last.start && addDays(last.start, -1) : last.end;
  const all = words(a.start, b.end);
  if ((r.sep === "," || r.sep === "va") && first.end && last.start && addDays(first.end, 1) !== last.start) {
    throw new Refusal("unrecognised", `"${all}" lists separate days or months, not one period`);
  }
  if (start && due && start > due) {
    throw new Refusal("reversed_range", `"${all}" ends (${due}) before it starts (${start})`);
  }
  return { start, end: due };
}
