import {
  at,
  beforeRe,
  byRe,
  hourSpanRe,
  labelRe,
  listedDaysRe,
  modifierRe,
  neutralRe,
  timeRe,
  weekdayRe,
} from "./deadline-patterns.js";
import { matchPoint, type PointMatch } from "./match-period.js";
import { matchRange, type RangeMatch } from "./match-range.js";

/** A whole deadline expression as written, with where each part stands in the folded text. */
export interface ExpressionMatch {
  start: number;
  end: number;
  /** Where the words worth reporting start: after a "Thời gian …:" label or a "trong"/"vào". */
  keepFrom: number;
  /** "Hạn chót …:" makes the day a deadline; "Thời gian …:" only introduces it. */
  label: "deadline" | "time" | null;
  lead: "before" | "by" | "neutral" | null;
  leadWord: string;
  /** A time of day before the day ("trước 17 giờ ngày 20/5"): that day itself is still in time. */
  timed: boolean;
  /** "cuối", "đầu", "giữa", "hết": kept in the words, the window stays the period's. */
  modifier: string | null;
  range: RangeMatch | null;
  point: PointMatch | null;
}

/** Reads "[trước|chậm nhất …] [17 giờ] [thứ Hai,] [cuối] <period>" at `pos`. */
function matchLeadPoint(
  f: string,
  pos: number,
): { point: PointMatch; timed: boolean; modifier: string | null; end: number } | null {
  let p = pos;
  const time = at(timeRe, f, p);
  if (time) p += time[0].length;
  // "chậm nhất ngày thứ Sáu, 23 tháng 4 …": the weekday may stand between "ngày" and the day.
  const dayWord = /ngay\s+/y;
  dayWord.lastIndex = p;
  if (dayWord.test(f) && at(weekdayRe, f, dayWord.lastIndex)) p = dayWord.lastIndex;
  const weekday = at(weekdayRe, f, p);
  if (weekday) p += weekday[0].length;
  const modifier = time || weekday ? null : at(modifierRe, f, p);
  if (modifier) p += modifier[0].length;
  const found = matchPoint(f, p);
  if (!found || found.type === "now") return null;
  // A time of day belongs to a day; "trước 30 h" of anything else is not a deadline.
  if (time && found.type !== "day") return null;
  return { point: found, timed: Boolean(time), modifier: modifier?.[1] ?? null, end: found.end };
}

function bodyAt(f: string, pos: number, whole: boolean): ExpressionMatch | null {
  const base = { start: pos, keepFrom: pos, label: null, timed: false, modifier: null } as const;
  const fits = (end: number) => !whole || end === f.length;
  const range = matchRange(f, pos, whole);
  if (range && fits(range.end)) {
    return { ...base, end: range.end, lead: null, leadWord: "", range: range.range, point: null };
  }
  const before = at(beforeRe, f, pos);
  if (before) {
    const read = matchLeadPoint(f, pos + before[0].length);
    if (read && fits(read.end)) {
      return { ...base, ...read, lead: "before", leadWord: "truoc", range: null };
    }
  }
  const by = at(byRe, f, pos);
  if (by) {
    const read = matchLeadPoint(f, pos + by[0].length);
    if (read && fits(read.end)) return { ...base, ...read, lead: "by", leadWord: by[1] ?? "", range: null };
  }
  const plain = matchLeadPoint(f, pos);
  if (plain && fits(plain.end)) return { ...base, ...plain, lead: null, leadWord: "", range: null };
  // "Từ 7h30 đến 11h00 các ngày 14 và 15/5/2027", "các ngày 14, 15/5": the hours and "các" lead the days.
  const lead = at(hourSpanRe, f, pos) ?? at(listedDaysRe, f, pos);
  if (lead) {
    const inner = bodyAt(f, pos + lead[0].length, whole);
    if (inner) return { ...inner, start: pos, keepFrom: pos, timed: true };
  }
  return null;
}

function leadBodyAt(f: string, pos: number, whole: boolean): ExpressionMatch | null {
  const neutral = at(neutralRe, f, pos);
  if (neutral) {
    const inner = bodyAt(f, pos + neutral[0].length, whole);
    if (inner) {
      const led = inner.lead ?? "neutral";
      return { ...inner, start: pos, lead: led, leadWord: inner.lead ? inner.leadWord : (neutral[1] ?? "") };
    }
  }
  return bodyAt(f, pos, whole);
}

/**
 * Reads the deadline expression that starts at `pos` of folded words; with `whole`, only one that
 * ends exactly at the end of `f`. Exported for the finder, which reads sentences with the same rules.
 */
export function matchDeadlineExpression(f: string, pos: number, whole: boolean): ExpressionMatch | null {
  const label = at(labelRe, f, pos);
  if (label) {
    const inner = leadBodyAt(f, pos + label[0].length, whole);
    if (inner) {
      const deadline = label[1] !== "thoi gian";
      // "Hạn chót nộp …: 15/4/2025" needs its label to say "by"; "Thời hạn …: trước ngày …" does not.
      const keepLabel = deadline && inner.lead !== "before" && inner.lead !== "by";
      return {
        ...inner,
        start: pos,
        keepFrom: keepLabel ? pos : inner.keepFrom,
        label: deadline ? "deadline" : "time",
      };
    }
  }
  return leadBodyAt(f, pos, whole);
}
