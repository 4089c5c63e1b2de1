/** The kinds of deadline of DESIGN.md §4. */
export const deadlineKinds = [
  "before",
  "by",
  "on",
  "range",
  "month",
  "quarter",
  "semester",
  "school_year",
  "unscheduled",
] as const;
export type DeadlineKind = (typeof deadlineKinds)[number];

/** A deadline as the document words it (`raw`) with its computed window; days are ISO yyyy-mm-dd. */
export interface Deadline {
  raw: string;
  kind: DeadlineKind;
  /** First day of the window, when the words give one. */
  start: string | null;
  /** Last acceptable day, inclusive; null for unscheduled. */
  due: string | null;
}

export type DeadlineFailure =
  | "empty"
  | "unrecognised"
  | "impossible_date"
  | "reversed_range"
  | "missing_year"
  | "unknown_school_year";

export type DeadlineResult =
  | { ok: true; deadline: Deadline }
  | { ok: false; raw: string; reason: DeadlineFailure; detail: string };

/** One school year's key days (ISO), keyed by the year it starts in. */
export interface SchoolYearDates {
  /** Opening day (khai giảng). */
  opening: string;
  /** Last day of semester 1. */
  semester1End: string;
  /** Last day of semester 2's programme. */
  semester2End: string;
  /** Last day of the school year. */
  yearEnd: string;
}

export interface SchoolCalendar {
  /** The days of the school year that starts in `startYear` (2024 → 2024–2025). */
  year(startYear: number): SchoolYearDates;
}

/** What a deadline needs from its document to resolve words like "ngày 20/10" or "học kỳ 2". */
export interface DeadlineContext {
  calendar: SchoolCalendar;
  /** The plan's school year, by its first calendar year (năm học 2024–2025 → 2024). */
  schoolYearStart?: number | undefined;
  /** The plan's calendar year (a "năm 2023" plan, or the year it was issued). */
  calendarYear?: number | undefined;
  /** The plan's own date (ISO), the start of "từ nay …". */
  issuedOn?: string | undefined;
}
