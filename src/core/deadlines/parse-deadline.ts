import { fold } from "../text/fold.js";
import { addDays, isoDay, monthSpan } from "./calendar-days.js";
import type { Deadline, DeadlineContext, DeadlineFailure, DeadlineKind, DeadlineResult } from "./types.js";

/** A period the words name: a day, a month, a quarter, a semester, a school year, a year or "now". */
interface Point {
  kind: "day" | "month" | "quarter" | "semester" | "school_year" | "year" | "half" | "now";
  start: string | null;
  end: string | null;
  /** True when the year was written, not inferred (a range's start borrows its end's year). */
  explicitYear: boolean;
  month?: number;
  day?: number;
}

class Refusal extends Error {
  constructor(
    readonly reason: DeadlineFailure,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** Removes markup, composes Unicode and folds spaces: the document's own words, as kept in `raw`. */
export function cleanDeadlineWords(text: string): string {
  return text
    .normalize("NFC")
    .replace(/~~[^~]*~~/g, "")
    .replace(/\*+/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Folds words for matching: the core fold, with every kind of dash written "-". */
export function foldDeadlineWords(text: string): string {
  return fold(text).replace(/[‐-―−]/g, "-");
}

const romans: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
const toNumber = (token: string) => romans[token] ?? Number(token);
const fullYear = (token: string) => (token.length === 2 ? 2000 + Number(token) : Number(token));

// Sticky patterns, each tried at a position of the folded text.
const slashDate = /(?:ngay\s*)?(?<!\d)(\d{1,2})\s*([/.])\s*(\d{1,2})(?!\d)(?:\s*\2\s*(\d{4}|\d{2})(?!\d))?/y;
const dashDate = /(?:ngay\s*)?(?<!\d)(\d{1,2})-(\d{1,2})(?!\d)(?:-(\d{4}|\d{2})(?!\d))?/y;
const wordDate = /(?:ngay\s*)?(?<!\d)(\d{1,2})\s+thang\s+(\d{1,2})(?!\d)(?:\s*(?:nam|,)?\s*(\d{4})(?!\d))?/y;
const monthWords = /thang\s+(\d{1,2})(?!\d)(?:\s*(?:nam|\/|-|\.)\s*(\d{4})(?!\d))?/y;
const quarterWords = /quy\s+(iv|iii|ii|i|[1-4])(?![a-z\d])(?:\s*(?:nam|\/|-)\s*(\d{4})(?!\d))?/y;
const semesterWords =
  /(?:hoc ky|hk)\s*(ii|i|[12])(?![a-z\d])(?:\s*(?:cua\s+)?(?:nam hoc\s*)?(\d{4})\s*-\s*(\d{4})(?!\d))?/y;
const schoolYearWords = /nam hoc(?:\s+(\d{4})\s*-\s*(\d{4})(?!\d))?/y;
const halfWords = /6 thang (dau|cuoi) nam(?:\s+(\d{4})(?!\d))?/y;
const yearWords = /nam\s+(\d{4})(?!\d)(?!\s*-\s*\d)/y;
const nowWords = /(?:nay|bay gio|hien nay)\b/y;
const bareDay = /(?:ngay\s*)?(?<!\d)(\d{1,2})(?![\d/.])/y;

function at(pattern: RegExp, text: string, pos: number): RegExpExecArray | null {
  pattern.lastIndex = pos;
  return pattern.exec(text);
}

/** The year a month without one falls in (DESIGN.md §4). */
function yearFor(month: number, ctx: DeadlineContext): number | null {
  if (ctx.schoolYearStart !== undefined) return month >= 8 ? ctx.schoolYearStart : ctx.schoolYearStart + 1;
  return ctx.calendarYear ?? null;
}

function needYear(month: number, ctx: DeadlineContext, words: string): number {
  const year = yearFor(month, ctx);
  if (year === null)
    throw new Refusal("missing_year", `"${words}" gives no year and the document states none`);
  return year;
}

function dayPoint(d: number, m: number, y: string | undefined, ctx: DeadlineContext, words: string): Point {
  if (m < 1 || m > 12 || d < 1 || d > 31) throw new Refusal("impossible_date", `"${words}" is not a date`);
  const year = y ? fullYear(y) : needYear(m, ctx, words);
  const day = isoDay(year, m, d);
  if (!day) throw new Refusal("impossible_date", `"${words}" is not a day of the calendar`);
  return { kind: "day", start: day, end: day, explicitYear: Boolean(y), month: m, day: d };
}

function schoolYearStartOf(
  first: string | undefined,
  second: string | undefined,
  words: string,
): number | null {
  if (!first || !second) return null;
  if (Number(second) !== Number(first) + 1) {
    throw new Refusal("unknown_school_year", `"${words}" names no school year (${first} - ${second})`);
  }
  return Number(first);
}

type Reader = (m: RegExpExecArray, ctx: DeadlineContext) => Point;

function semesterPoint(m: RegExpExecArray, ctx: DeadlineContext): Point {
  const semester = toNumber(m[1] ?? "");
  let startYear = schoolYearStartOf(m[2], m[3], m[0]) ?? ctx.schoolYearStart ?? null;
  if (startYear === null && ctx.calendarYear !== undefined) {
    // A calendar-year plan: semester 2 of 2023 belongs to 2022–2023, semester 1 to 2023–2024.
    startYear = semester === 2 ? ctx.calendarYear - 1 : ctx.calendarYear;
  }
  if (startYear === null) throw new Refusal("unknown_school_year", `"${m[0]}" names no school year`);
  const y = ctx.calendar.year(startYear);
  const span =
    semester === 1
      ? { start: y.opening, end: y.semester1End }
      : { start: addDays(y.semester1End, 1), end: y.semester2End };
  return { kind: "semester", ...span, explicitYear: Boolean(m[2]) };
}

function schoolYearPoint(m: RegExpExecArray, ctx: DeadlineContext): Point {
  let startYear = schoolYearStartOf(m[1], m[2], m[0]) ?? ctx.schoolYearStart ?? null;
  // A calendar-year plan's "năm học" is the one that ends in that year.
  if (startYear === null && ctx.calendarYear !== undefined) startYear = ctx.calendarYear - 1;
  if (startYear === null) throw new Refusal("unknown_school_year", `"${m[0]}" names no school year`);
  const y = ctx.calendar.year(startYear);
  return { kind: "school_year", start: y.opening, end: y.yearEnd, explicitYear: Boolean(m[1]) };
}

function monthPoint(m: RegExpExecArray, ctx: DeadlineContext): Point {
  const month = Number(m[1]);
  if (month < 1 || month > 12) throw new Refusal("impossible_date", `"${m[0]}" is not a month`);
  const year = m[2] ? Number(m[2]) : needYear(month, ctx, m[0]);
  return { kind: "month", ...monthSpan(year, month), explicitYear: Boolean(m[2]), month };
}

function quarterPoint(m: RegExpExecArray, ctx: DeadlineContext): Point {
  const first = (toNumber(m[1] ?? "") - 1) * 3 + 1;
  const year = m[2] ? Number(m[2]) : (ctx.calendarYear ?? needYear(first, ctx, m[0]));
  return {
    kind: "quarter",
    start: monthSpan(year, first).start,
    end: monthSpan(year, first + 2).end,
    explicitYear: Boolean(m[2]),
  };
}

function halfPoint(m: RegExpExecArray, ctx: DeadlineContext): Point {
  const year = m[2] ? Number(m[2]) : ctx.calendarYear;
  if (year === undefined) throw new Refusal("missing_year", `"${m[0]}" gives no year`);
  const span =
    m[1] === "dau"
      ? { start: `${year}-01-01`, end: `${year}-06-30` }
      : { start: `${year}-07-01`, end: `${year}-12-31` };
  return { kind: "half", ...span, explicitYear: Boolean(m[2]) };
}

// Tried in order at a position: full dates before months, so "15/5/2024" is not read as "15/5".
const readers: [RegExp, Reader][] = [
  [wordDate, (m, ctx) => dayPoint(Number(m[1]), Number(m[2]), m[3], ctx, m[0])],
  [slashDate, (m, ctx) => dayPoint(Number(m[1]), Number(m[3]), m[4], ctx, m[0])],
  [dashDate, (m, ctx) => dayPoint(Number(m[1]), Number(m[2]), m[3], ctx, m[0])],
  [monthWords, monthPoint],
  [quarterWords, quarterPoint],
  [semesterWords, semesterPoint],
  [schoolYearWords, schoolYearPoint],
  [halfWords, halfPoint],
  [yearWords, (m) => ({ kind: "year", start: `${m[1]}-01-01`, end: `${m[1]}-12-31`, explicitYear: true })],
  [
    nowWords,
    (_, ctx) => ({ kind: "now", start: ctx.issuedOn ?? null, end: ctx.issuedOn ?? null, explicitYear: true }),
  ],
];

/** Reads one period at `pos`; returns it with the position after it, or null if none starts there. */
function readPoint(f: string, pos: number, ctx: DeadlineContext): { point: Point; end: number } | null {
  for (const [pattern, read] of readers) {
    const m = at(pattern, f, pos);
    if (m) return { point: read(m, ctx), end: pos + m[0].length };
  }
  return null;
}

const unscheduledWords =
  /\b(theo lich|theo ke hoach|theo huong dan|theo yeu cau|khi co yeu cau|thuong xuyen|dinh ky|hang (ngay|tuan|thang|quy|nam)|hang nam|lien tuc|dot xuat|kip thoi|ca nam|suot nam)\b/;
const lead = /^(?:trong thoi gian|trong suot|trong|vao khoang|vao|dip|cuoi|dau|giua|het)\s+/;
const beforeLead = /^truoc(?:\s+ngay)?\s+/;
const byLead =
  /^(?:cham nhat|muon nhat|han chot|han cuoi|han nop|thoi han(?: nop)?|khong qua|khong muon hon|den het|truoc het)(?:\s+la)?(?:\s+vao)?(?:\s+ngay)?\s*:?\s*/;
// "Hạn chót nộp sáng kiến kinh nghiệm: 15/4/2025"
const byLabel = /^(?:han chot|han cuoi|han nop|thoi han(?: nop)?)\b[^:]{0,80}:\s*/;
const rangeSeparator = /\s*(?:den het|den|toi het|toi|-)\s*(?:ngay\s*)?/y;

const result = (
  raw: string,
  kind: DeadlineKind,
  start: string | null,
  due: string | null,
): DeadlineResult => ({
  ok: true,
  deadline: { raw, kind, start, due } satisfies Deadline,
});

function pointKind(point: Point): DeadlineKind {
  switch (point.kind) {
    case "day":
      return "on";
    case "month":
    case "quarter":
    case "semester":
    case "school_year":
      return point.kind;
    default:
      return "range";
  }
}

/** Reads the whole of `f` as one point; throws a Refusal when words are left over. */
function wholePoint(f: string, ctx: DeadlineContext): Point | null {
  const read = readPoint(f, 0, ctx);
  return read && read.end === f.length ? read.point : null;
}

function tryRange(f: string, raw: string, ctx: DeadlineContext): DeadlineResult | null {
  const hasFrom = /^tu\s+/.test(f);
  const body = f.replace(/^tu\s+(?:ngay\s+)?/, "");
  let first = readPoint(body, 0, ctx);
  let firstBareDay: number | null = null;
  if (!first) {
    const bare = at(bareDay, body, 0);
    if (!bare) return null;
    firstBareDay = Number(bare[1]);
    first = { point: { kind: "day", start: null, end: null, explicitYear: false }, end: bare[0].length };
  }
  const sep = at(rangeSeparator, body, first.end);
  if (!sep) return null;
  const sepText = sep[0].trim();
  if (!hasFrom && !/^(-|den)/.test(sepText)) return null;
  const secondPos = first.end + sep[0].length;
  const second = readPoint(body, secondPos, ctx);
  if (!second || second.end !== body.length) return null;
  if (!hasFrom && (first.point.kind !== "day" || second.point.kind !== "day")) return null;

  let start = first.point.start;
  const end = second.point;
  if (first.point.kind === "day" && end.kind === "day" && end.start) {
    // "Từ 15/5 - 28/5/2024": the start borrows the end's year (or month), the year before if it wraps.
    const endYear = Number(end.start.slice(0, 4));
    const endMonth = Number(end.start.slice(5, 7));
    const month = first.point.month ?? endMonth;
    const day = firstBareDay ?? first.point.day ?? 1;
    if (!first.point.explicitYear || firstBareDay !== null) {
      const year = month > endMonth ? endYear - 1 : endYear;
      start = isoDay(year, month, day);
      if (!start) throw new Refusal("impossible_date", `"${raw}" starts on a day that does not exist`);
    }
  } else if (first.point.kind === "month" && !first.point.explicitYear && end.end) {
    const endYear = Number(end.end.slice(0, 4));
    const month = first.point.month ?? 1;
    start = monthSpan(month > Number(end.end.slice(5, 7)) ? endYear - 1 : endYear, month).start;
  }
  const due = end.end;
  if (start && due && start > due) throw new Refusal("reversed_range", `"${raw}" ends before it starts`);
  return result(raw, "range", start, due);
}

/** Reads one deadline expression (an appendix cell, or words found in a sentence) into its window. */
export function parseDeadline(text: string, ctx: DeadlineContext): DeadlineResult {
  const raw = cleanDeadlineWords(text);
  try {
    if (!raw) throw new Refusal("empty", "no words");
    const f = foldDeadlineWords(raw)
      .replace(/^\(|\)$/g, "")
      .replace(/[\s.,;:!]+$/u, "")
      .trim();
    if (!/\d/.test(f) && !/\b(quy|hoc ky|hk|nam hoc|nay)\b/.test(f)) {
      if (unscheduledWords.test(f)) return result(raw, "unscheduled", null, null);
      throw new Refusal("unrecognised", `"${raw}" holds no date`);
    }
    const range = tryRange(f, raw, ctx);
    if (range) return range;

    const before = beforeLead.exec(f);
    if (before) {
      const point = wholePoint(f.slice(before[0].length), ctx);
      if (point?.start) return result(raw, "before", null, addDays(point.start, -1));
    }
    for (const by of [byLabel.exec(f), byLead.exec(f)]) {
      const point = by ? wholePoint(f.slice(by[0].length), ctx) : null;
      if (point?.end) return result(raw, "by", null, point.end);
    }
    const single = wholePoint(f.replace(lead, "").replace(/^ngay\s+/, "ngay "), ctx);
    if (single) return result(raw, pointKind(single), single.start, single.end);
    if (unscheduledWords.test(f)) return result(raw, "unscheduled", null, null);
    throw new Refusal("unrecognised", `"${raw}" is not a deadline the assistant can read`);
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, raw, reason: error.reason, detail: error.detail };
    return { ok: false, raw, reason: "unrecognised", detail: `"${raw}" could not be read` };
  }
}
