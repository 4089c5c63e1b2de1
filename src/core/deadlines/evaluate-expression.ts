import { addDays } from "./calendar-days.js";
import { Refusal, type Words } from "./evaluation-terms.js";
import type { ExpressionMatch } from "./match-expression.js";
import { evalPoint } from "./period-window.js";
import { evalRange } from "./range-window.js";
import type { DeadlineContext, DeadlineKind, DeadlineResult } from "./types.js";

/** A read deadline with its kind and window. */
export const success = (
  raw: string,
  kind: DeadlineKind,
  start: string | null,
  due: string | null,
): DeadlineResult => ({
  ok: true,
  deadline: { raw, kind, start, due },
});

// The words that name the end of a period.
const endModifiers = new Set(["het", "cuoi", "ket thuc"]);

/** Turns a matched expression into a deadline: its window, and whether it is a day, a limit or a span. */
export function evaluate(
  e: ExpressionMatch,
  raw: string,
  ctx: DeadlineContext,
  words: Words,
): DeadlineResult {
  if (e.range) {
    const w = evalRange(e.range, ctx, words);
    return success(raw, "range", w.start, w.end);
  }
  const pm = e.point;
  if (!pm) throw new Refusal("unrecognised", `"${raw}" names no day or period`);
  const w = evalPoint(pm, ctx, words);
  // "trước khi kết thúc học kỳ I", "trước cuối tháng 5": before the period's end, not its start.
  if (e.lead === "before" && e.modifier !== null && endModifiers.has(e.modifier) && w.end)
    return success(raw, "before", null, addDays(w.end, -1));
  if (e.lead === "before") {
    if (!w.start) throw new Refusal("unrecognised", `"${raw}" names no day to be before`);
    // "Trước 17 giờ ngày 20/5": work handed in on the 20th before five o'clock is in time.
    return e.timed ? success(raw, "by", null, w.start) : success(raw, "before", null, addDays(w.start, -1));
  }
  // "hết ngày 20/10", "cuối ngày 20/10": the end of a day is a deadline, not an appointment.
  const endOfDay = pm.type === "day" && (e.modifier === "het" || e.modifier === "cuoi");
  if (e.lead === "by" || e.label === "deadline" || endOfDay) return success(raw, "by", null, w.end);
  switch (pm.type) {
    case "day":
    case "number":
      return success(raw, "on", w.start, w.end);
    case "month":
    case "quarter":
    case "semester":
    case "school_year":
      return success(raw, pm.type, w.start, w.end);
    default:
      return success(raw, "range", w.start, w.end);
  }
}
