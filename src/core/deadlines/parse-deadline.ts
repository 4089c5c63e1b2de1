import { fold } from "../text/fold.js";
import { addDays, isoDay, lastDayOfMonth, monthSpan } from "./calendar-days.js";
import type { DeadlineContext, DeadlineFailure, DeadlineKind, DeadlineResult } from "./types.js";

// The grammar works on folded words (lower case, no diacritics, đ → d, every dash "-", single spaces):
// the finder folds a whole sentence the same way, so both read exactly the same expressions.

/** Removes markup, composes Unicode and folds spaces: the document's own words, as kept in `raw`. */
export function cleanDeadlineWords(text: string): string {
  return text
    .normalize("NFC")
    .replace(/~~[^~]*~~/g, "") // struck-through words are withdrawn text
    .replace(/\*+/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Folds words for matching: the core fold, with every kind of dash written "-". */
export function foldDeadlineWords(text: string): string {
  return fold(text).replace(/[‐-―−]/g, "-");
}

// ---------------------------------------------------------------------------------------------------
// Shapes: what the words say, before any calendar is consulted.

type PointType = "day" | "month" | "quarter" | "semester" | "school_year" | "half" | "year" | "now";

/** One period as written; numbers are as the document gives them, nothing is inferred yet. */
export interface PointMatch {
  type: PointType | "number";
  start: number;
  end: number;
  day?: number;
  month?: number;
  year?: number;
  quarter?: number;
  semester?: number;
  half?: "first" | "second";
  /** A school year as written ("2024 - 2025" → [2024, 2025]); checked when evaluated. */
  schoolYear?: [number, number];
  /** Written with "ngày", which a bare number in prose is not. */
  hasNgay: boolean;
}

interface RangeMatch {
  from: boolean;
  a: PointMatch;
  b: PointMatch;
  /** The folded separator word: "-", ",", "va", "den", "den het", "den truoc" … */
  sep: string;
}

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

const sticky = (source: string) => new RegExp(source, "y");
const romans: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
const numeral = (token: string | undefined) => romans[token ?? ""] ?? Number(token);
const fullYear = (token: string) => (token.length === 2 ? 2000 + Number(token) : Number(token));
/** "2024-25" and "2024-2025" alike give the second year in full. */
const secondYear = (first: number, token: string) =>
  token.length === 2
    ? first - (first % 100) + Number(token) + (Number(token) < first % 100 ? 100 : 0)
    : Number(token);

const wordDateRe = sticky(
  String.raw`(ngay\s*)?(?<!\d)(\d{1,2})\s*thang\s*(\d{1,2})(?!\d)(?:\s*,?\s*(?:nam\s*)?(\d{4})(?!\d))?`,
);
// A date without a year must not be followed by another separator and digit: "15-16/5" is two days.
const slashDateRe = sticky(
  String.raw`(ngay\s*)?(?<!\d)(\d{1,2})\s*([/.])\s*(\d{1,2})(?!\d)(?:\s*\3\s*(\d{4}|\d{2})(?!\d)|\s*,?\s*nam\s*(\d{4})(?!\d)|(?!\s*[/.]\s*\d))`,
);
const dashDateRe = sticky(
  String.raw`(ngay\s*)?(?<!\d)(\d{1,2})-(\d{1,2})(?!\d)(?:-(\d{4}|\d{2})(?!\d)|\s*,?\s*nam\s*(\d{4})(?!\d)|(?![/.\-]\s*\d))`,
);
const monthRe = sticky(
  String.raw`thang\s*(\d{1,2})(?!\d)(?:\s*,?\s*nam hoc\s*(\d{4})\s*-\s*(\d{4}|\d{2})(?!\d)|\s*(?:nam|[/.\-,])?\s*(\d{4})(?!\d))?`,
);
const quarterRe = sticky(
  String.raw`quy\s*(iv|iii|ii|i|[1-4])(?![a-z\d])(?:\s*(?:nam|[/.\-,])?\s*(\d{4})(?!\d))?`,
);
const semesterRe = sticky(
  String.raw`(?:hoc\s*k[yi]|hk)\s*(ii|i|[12])(?![a-z\d])(?:\s*[,(\-]?\s*(?:cua\s+)?(?:nam hoc\s*)?(\d{4})\s*-\s*(\d{4}|\d{2})(?!\d)\s*\)?)?`,
);
const schoolYearRe = sticky(
  String.raw`nam hoc(?:\s*[(\-]?\s*(\d{4})\s*-\s*(\d{4}|\d{2})(?!\d)\s*\)?|\s+(?:nay|hien tai|moi)(?![a-z]))?(?![a-z])`,
);
const halfRe = sticky(
  String.raw`(?:0?6|sau)\s*thang\s*(dau|cuoi)\s*nam(?!\s*hoc)(?:\s*\(?\s*(\d{4})(?!\d)\s*\)?)?`,
);
const yearRe = sticky(String.raw`nam\s*(\d{4})(?!\d)(?!\s*-\s*\d)`);
const nowRe = sticky(
  "(?:nay|bay gio|hien nay|hien tai|thoi diem nay|ngay ban hanh(?: ke hoach| van ban)?)(?![a-z])",
);
const numberRe = sticky(String.raw`(ngay\s*)?(?<!\d)(\d{1,2})(?![\d/.]|\s*thang)`);
const bareMonthRe = sticky(String.raw`(?<!\d)(\d{1,2})(?!\d)(?:\s*(?:nam|[/.\-])?\s*(\d{4})(?!\d))?`);

const labelRe = sticky(
  String.raw`(thoi gian|thoi han|han chot|han cuoi|han nop|han)(?![a-z])[^:;.\d]{0,80}?:\s*`,
);
const neutralRe = sticky(
  String.raw`(trong thoi gian|trong suot|trong khoang|trong|vao khoang|vao|du kien(?: (?:vao|trong|to chuc))?|khoang|nhan dip|dip)(?![a-z])(?:\s+cac(?![a-z]))?\s*`,
);
const modifierRe = sticky(String.raw`(cuoi|dau|giua|het|suot)(?![a-z])\s*`);
const beforeRe = sticky(String.raw`truoc(?![a-z])\s*`);
const byRe = sticky(
  String.raw`(cham nhat|muon nhat|han chot|han cuoi|han nop|thoi han(?: nop)?|khong qua|khong muon hon|khong cham hon|den het|toi het|den|toi)(?![a-z])(?:\s*(?:la|vao|trong|den het|den|toi)(?![a-z]))*\s*:?\s*`,
);
const timeRe = sticky(
  String.raw`\d{1,2}\s*(?:gio|h|g)(?:\s*\d{2}(?!\d)(?:\s*(?:phut|p|'))?)?(?![a-z\d])(?:\s+(?:sang|chieu|toi)(?![a-z]))?\s*(?:[,\-]\s*)?(?:(?:cua|vao)\s+)?`,
);
const weekdayRe = sticky(String.raw`(?:thu\s*(?:hai|ba|tu|nam|sau|bay|[2-7])|chu nhat)(?![a-z\d])\s*,?\s*`);
const fromRe = sticky(String.raw`(?:bat dau\s+)?tu(?![a-z])\s*`);
const sepRe = sticky(
  String.raw`\s*(?:(-|,|va(?![a-z]))|(cho den het|cho den|den het|den truoc|den|toi het|toi truoc|toi)(?![a-z]))\s*(?:(?:het|cuoi)(?![a-z])\s*)?`,
);

function at(pattern: RegExp, text: string, pos: number): RegExpExecArray | null {
  pattern.lastIndex = pos;
  return pattern.exec(text);
}

function point(
  m: RegExpExecArray,
  pos: number,
  type: PointMatch["type"],
  fields: Partial<PointMatch>,
): PointMatch {
  return { type, start: pos, end: pos + m[0].length, hasNgay: false, ...fields };
}

/** Reads one period (a day, month, quarter, semester, school year, half, year or "nay") at `pos`. */
function matchPoint(f: string, pos: number): PointMatch | null {
  let m = at(wordDateRe, f, pos);
  if (m) {
    const year = m[4] ? Number(m[4]) : undefined;
    return point(m, pos, "day", { day: Number(m[2]), month: Number(m[3]), year, hasNgay: Boolean(m[1]) });
  }
  m = at(slashDateRe, f, pos) ?? at(dashDateRe, f, pos);
  if (m) {
    const slash = m[3] === "/" || m[3] === ".";
    const [day, month, y2, y4] = slash ? [m[2], m[4], m[5], m[6]] : [m[2], m[3], m[4], m[5]];
    const written = y2 ?? y4;
    return point(m, pos, "day", {
      day: Number(day),
      month: Number(month),
      year: written ? fullYear(written) : undefined,
      hasNgay: Boolean(m[1]),
    });
  }
  m = at(monthRe, f, pos);
  if (m) {
    const first = m[2] ? Number(m[2]) : undefined;
    return point(m, pos, "month", {
      month: Number(m[1]),
      year: m[4] ? Number(m[4]) : undefined,
      schoolYear: first !== undefined && m[3] ? [first, secondYear(first, m[3])] : undefined,
    });
  }
  m = at(quarterRe, f, pos);
  if (m) return point(m, pos, "quarter", { quarter: numeral(m[1]), year: m[2] ? Number(m[2]) : undefined });
  m = at(semesterRe, f, pos);
  if (m) {
    const first = m[2] ? Number(m[2]) : undefined;
    return point(m, pos, "semester", {
      semester: numeral(m[1]),
      schoolYear: first !== undefined && m[3] ? [first, secondYear(first, m[3])] : undefined,
    });
  }
  m = at(schoolYearRe, f, pos);
  if (m) {
    const first = m[1] ? Number(m[1]) : undefined;
    return point(m, pos, "school_year", {
      schoolYear: first !== undefined && m[2] ? [first, secondYear(first, m[2])] : undefined,
    });
  }
  m = at(halfRe, f, pos);
  if (m) {
    return point(m, pos, "half", {
      half: m[1] === "dau" ? "first" : "second",
      year: m[2] ? Number(m[2]) : undefined,
    });
  }
  m = at(yearRe, f, pos);
  if (m) return point(m, pos, "year", { year: Number(m[1]) });
  m = at(nowRe, f, pos);
  if (m) return point(m, pos, "now", {});
  return null;
}

/** Reads "[trước|chậm nhất …] [17 giờ] [thứ Hai,] [cuối] <period>" at `pos`. */
function matchLeadPoint(
  f: string,
  pos: number,
): { point: PointMatch; timed: boolean; modifier: string | null; end: number } | null {
  let p = pos;
  const time = at(timeRe, f, p);
  if (time) p += time[0].length;
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

/** Reads a period from A to B: "Từ ngày A đến ngày B", "A – B", "15-16/5/2024", "tháng 3, 4/2024". */
function matchRange(f: string, pos: number, whole: boolean): { range: RangeMatch; end: number } | null {
  const from = at(fromRe, f, pos);
  let p = from ? pos + from[0].length : pos;
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
  p = a.end + sep[0].length;
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

// ---------------------------------------------------------------------------------------------------
// Evaluation: the calendar window the words name in the document's context.

class Refusal extends Error {
  constructor(
    readonly reason: DeadlineFailure,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** A window of days, both ends inclusive. */
interface Window {
  start: string | null;
  end: string | null;
}

type Words = (start: number, end: number) => string;
/** A year for a month the words leave without one, taken from the other end of a range. */
type YearHint = (month: number) => number;

const monthNames = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** The year a month without one falls in (DESIGN.md §4). */
function documentYear(month: number, ctx: DeadlineContext): number | null {
  if (ctx.schoolYearStart !== undefined) return month >= 8 ? ctx.schoolYearStart : ctx.schoolYearStart + 1;
  return ctx.calendarYear ?? null;
}

function yearOf(pm: PointMatch, month: number, ctx: DeadlineContext, words: Words, hint?: YearHint): number {
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
function calendarDivisionYear(pm: PointMatch, lastMonth: number, ctx: DeadlineContext, words: Words): number {
  return ctx.calendarYear ?? yearOf(pm, lastMonth, ctx, words);
}

function schoolYearStartOf(pm: PointMatch, words: Words): number {
  const [first, second] = pm.schoolYear ?? [0, 0];
  if (second !== first + 1) {
    throw new Refusal(
      "unknown_school_year",
      `"${words(pm.start, pm.end)}" is not a school year: ${second} does not follow ${first}`,
    );
  }
  return first;
}

function checkMonth(month: number, pm: PointMatch, words: Words): void {
  if (month < 1 || month > 12) {
    throw new Refusal("impossible_date", `"${words(pm.start, pm.end)}": there is no month ${month}`);
  }
}

function dayWindow(pm: PointMatch, day: number, month: number, year: number, words: Words): Window {
  checkMonth(month, pm, words);
  const iso = isoDay(year, month, day);
  if (!iso) refuseDay(pm, day, month, year, words);
  return { start: iso, end: iso };
}

function refuseDay(pm: PointMatch, day: number, month: number, year: number | null, words: Words): never {
  const name = monthNames[month - 1] ?? "";
  const detail =
    day < 1 || day > 31
      ? `no month has a day ${day}`
      : year === null || day > lastDayOfMonth(2000, month)
        ? `${name} never has a day ${day}`
        : `${name} ${year} has ${lastDayOfMonth(year, month)} days`;
  throw new Refusal("impossible_date", `"${words(pm.start, pm.end)}" is not a real date: ${detail}`);
}

function schoolYearFor(pm: PointMatch, ctx: DeadlineContext, words: Words, semester: number | null): number {
  if (pm.schoolYear) return schoolYearStartOf(pm, words);
  if (ctx.schoolYearStart !== undefined) return ctx.schoolYearStart;
  // A calendar-year plan: semester 2 of 2023 and "năm học" belong to 2022–2023, semester 1 to 2023–2024.
  if (ctx.calendarYear !== undefined) return semester === 1 ? ctx.calendarYear : ctx.calendarYear - 1;
  throw new Refusal(
    "unknown_school_year",
    `"${words(pm.start, pm.end)}" names no school year, and the plan states none`,
  );
}

function evalPoint(pm: PointMatch, ctx: DeadlineContext, words: Words, hint?: YearHint): Window {
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

/** Whether a period's year is left to its context (a range's other end, or the document). */
function lacksYear(pm: PointMatch): boolean {
  if (pm.type === "number") return true;
  if (pm.type === "day" || pm.type === "month" || pm.type === "quarter" || pm.type === "half") {
    return pm.year === undefined && pm.schoolYear === undefined;
  }
  return false;
}

const yearMonth = (iso: string) => [Number(iso.slice(0, 4)), Number(iso.slice(5, 7))] as const;

function evalRange(r: RangeMatch, ctx: DeadlineContext, words: Words): Window {
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

const success = (
  raw: string,
  kind: DeadlineKind,
  start: string | null,
  due: string | null,
): DeadlineResult => ({
  ok: true,
  deadline: { raw, kind, start, due },
});

function evaluate(e: ExpressionMatch, raw: string, ctx: DeadlineContext, words: Words): DeadlineResult {
  if (e.range) {
    const w = evalRange(e.range, ctx, words);
    return success(raw, "range", w.start, w.end);
  }
  const pm = e.point;
  if (!pm) throw new Refusal("unrecognised", `"${raw}" names no day or period`);
  const w = evalPoint(pm, ctx, words);
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

const unscheduledRe =
  /(?<![a-z])(theo lich|theo ke hoach|theo huong dan|theo thong bao|theo yeu cau|theo tien do|khi co (?:yeu cau|van ban|thong bao|chi dao)|thuong xuyen|dinh ky|(?:hang|moi) (?:ngay|tuan|thang|quy|nam|ky|dot)|lien tuc|dot xuat|kip thoi|ca nam|suot nam)(?![a-z])/;
const trailingPunctuation = /[\s.,;:!?]+$/;
const trailingAside = /\s*\([^()]*\)$/; // "(thứ Hai)", "(theo dấu bưu điện)"
const trailingRecurrence = /\s*,?\s*(?:hang|moi) nam(?: hoc)?$/; // "trước ngày 20/10 hằng năm"

/** Where the words could end: as written, without a closing aside, without "hằng năm". */
function endings(f: string, wrapped: boolean): string[] {
  let base = f.replace(trailingPunctuation, "");
  if (wrapped) base = base.replace(/\)$/, "").replace(trailingPunctuation, "");
  const out = [base];
  const noAside = base.replace(trailingAside, "").replace(trailingPunctuation, "");
  if (noAside !== base) out.push(noAside);
  const noRecurrence = noAside.replace(trailingRecurrence, "");
  if (noRecurrence !== noAside) out.push(noRecurrence);
  return out;
}

function failure(raw: string, reason: DeadlineFailure, detail: string): DeadlineResult {
  return { ok: false, raw, reason, detail };
}

/** Reads one deadline expression (an appendix cell, or words found in a sentence) into its window. */
export function parseDeadline(text: string, ctx: DeadlineContext): DeadlineResult {
  let raw = "";
  try {
    raw = cleanDeadlineWords(String(text));
    if (!raw) return failure(raw, "empty", "There are no words to read as a deadline");
    const f = foldDeadlineWords(raw);
    // Quote the document's own words when folding kept every position (it does for Vietnamese).
    const source = f.length === raw.length ? raw : f;
    const words: Words = (start, end) => source.slice(start, end).trim();
    const lead = /^[\s(\-+•·]*/.exec(f)?.[0] ?? "";
    const lo = lead.length;
    for (const candidate of endings(f, lead.includes("("))) {
      if (candidate.length <= lo) continue;
      const e = matchDeadlineExpression(candidate, lo, true);
      if (e) return evaluate(e, raw, ctx, words);
    }
    if (unscheduledRe.test(f)) return success(raw, "unscheduled", null, null);
    const partial = matchDeadlineExpression(f, lo, false);
    if (partial) {
      return failure(
        raw,
        "unrecognised",
        `"${words(partial.end, f.length)}" after "${words(lo, partial.end)}" is not part of a deadline`,
      );
    }
    const detail = /\d/.test(f)
      ? `No deadline form matches "${raw}"`
      : `"${raw}" names no date, period or schedule word`;
    return failure(raw, "unrecognised", detail);
  } catch (error) {
    if (error instanceof Refusal) return failure(raw, error.reason, error.detail);
    return failure(raw, "unrecognised", `"${raw}" could not be read`);
  }
}
