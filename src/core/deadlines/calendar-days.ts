// Calendar arithmetic on ISO days (yyyy-mm-dd), without time zones: a deadline is a date, not an instant.
import { cachedFormat } from "../time/date-formats.js";

/**
 * A calendar day written yyyy-mm-dd: deadlines, "today", the day an invite expires. The one type for
 * days; a Date is an instant and becomes a day only through isoDayIn, in the configured time zone.
 */
export type IsoDay = string;

const isoPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a year is a leap year in the Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** The number of days in a month (28–31). */
export function lastDayOfMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** An ISO day (yyyy-mm-dd) from its parts, or null when no such day exists (31/02). */
export function isoDay(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1 || year > 9999) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (!Number.isInteger(day) || day < 1 || day > lastDayOfMonth(year, month)) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const dayFormat = (timeZone: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar day an instant falls on in a time zone (Asia/Ho_Chi_Minh unless configured). */
export function isoDayIn(instant: Date, timeZone: string): IsoDay {
  return cachedFormat("day", timeZone, dayFormat).format(instant);
}

/** Whether a string is a real ISO day: right shape and a day the calendar has (not 2023-02-31). */
export function isRealDate(day: string): day is IsoDay {
  const m = isoPattern.exec(day);
  return m !== null && isoDay(Number(m[1]), Number(m[2]), Number(m[3])) === day;
}

/** Moves an ISO day by a number of days. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d + days);
  return `${String(t.getUTCFullYear()).padStart(4, "0")}-${String(t.getUTCMonth() + 1).padStart(2, "0")}-${String(t.getUTCDate()).padStart(2, "0")}`;
}

/** First and last day of a month. */
export function monthSpan(year: number, month: number): { start: string; end: string } {
  return { start: isoDay(year, month, 1) ?? "", end: isoDay(year, month, lastDayOfMonth(year, month)) ?? "" };
}

/**
 * The Monday–Sunday week `n` of a month (0 for its last), counting the weeks that belong to the month:
 * those holding one of its Thursdays, so week 1 is the one with its first Thursday.
 */
export function weekOfMonth(year: number, month: number, n: number): { start: string; end: string } {
  const span = monthSpan(year, month);
  const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();
  const firstThursday = addDays(span.start, (4 - weekday(span.start) + 7) % 7);
  const lastThursday = addDays(span.end, -((weekday(span.end) - 4 + 7) % 7));
  const start = n > 0 ? addDays(firstThursday, 7 * (n - 1) - 3) : addDays(lastThursday, -3);
  return { start, end: addDays(start, 6) };
}
