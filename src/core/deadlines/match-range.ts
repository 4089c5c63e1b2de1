import { at, bareMonthRe, fromRe, numberRe, sepRe, timeRe, weekdayRe } from "./deadline-patterns.js";
import { matchPoint, type PointMatch, point } from "./match-period.js";

/** A period from one point to another, as written. */
export interface RangeMatch {
  from: boolean;
  a: PointMatch;
  b: PointMatch;
  /** The folded separator word: "-", ",", "va", "den", "den het", "den truoc" … */
  sep: string;
}

/** Reads a period from A to B: "Từ ngày A đến ngày B", "A – B", "15-16/5/2024", "tháng 3, 4/2024". */
export function matchRange(
  f: string,
  pos: number,
  whole: boolean,
): { range: RangeMatch; end: number } | null {
  // "Từ thứ Hai 19/4 đến hết thứ Sáu 23/4", "thứ Năm 20/5 và thứ Sáu 21/5": a day may follow its weekday.
  const afterWeekday = (q: number) => q + (at(weekdayRe, f, q)?.[0].length ?? 0);
  // "… đến 17h00 ngày 14/5/2027": the hour the span ends at, before its last day.
  const afterTime = (q: number) => q + (at(timeRe, f, q)?.[0].length ?? 0);
  const from = at(fromRe, f, pos);
  let p = afterWeekday(from ? pos + from[0].length : pos);
  let a = matchPoint(f, p);
  if (!a) {
    const n = at(numberRe, f, p);
    if (n) a = point(n, p, "number", { day: Number(n[2]), hasNgay: Boolean(n[1]) });
  }
  if (!a) return null;
  if (!from && a.type !== "day" && a.type !== "month" && a.type !== "number") return null;
  const sep = at(sepRe, f, a.end);
  if (!sep) return null;
  const sepWord = (sep[1] ?? sep[2] ?? "").trim();
  const list = sepWord === "," || sepWord === "va";
  // In prose a list writes the year once, at its end ("ngày 15, 16/5/2024", "tháng 3, 4/2024"); after
  // "từ" or a written year a comma ends the phrase: "Từ ngày 15/5/2024, các đơn vị …", "tháng 8/2025, 12 trường".
  if (list && (from || (!whole && (a.year !== undefined || a.schoolYear !== undefined)))) return null;
  p = afterWeekday(afterTime(a.end + sep[0].length));
  let b = matchPoint(f, p);
  if ((!b || b.type === "number") && a.type === "month") {
    const n = at(bareMonthRe, f, p);
    // In prose a bare number is a month only when a year, "từ" or "đến" makes it one: "tháng 9 - 12/2024".
    if (n && (n[2] || whole || from || (!list && sepWord !== "-"))) {
      b = point(n, p, "month", { month: Number(n[1]), year: n[2] ? Number(n[2]) : undefined });
    }
  }
  if (!b || b.type === "now") return null;
  if (!from) {
    const days = (a.type === "day" || a.type === "number") && b.type === "day";
    const months = a.type === "month" && b.type === "month";
    if (!days && !months) return null;
  } else if (a.type === "number" && b.type !== "day") {
    return null;
  }
  return { range: { from: Boolean(from), a, b, sep: sepWord }, end: b.end };
}
