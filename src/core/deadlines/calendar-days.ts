/** An ISO day (yyyy-mm-dd) from its parts, or null when no such day exists (31/02). */
export function isoDay(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1 || day > lastDayOfMonth(year, month))
    return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The number of days in a month (28–31). */
export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Moves an ISO day by a number of days. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** First and last day of a month. */
export function monthSpan(year: number, month: number): { start: string; end: string } {
  return { start: isoDay(year, month, 1) ?? "", end: isoDay(year, month, lastDayOfMonth(year, month)) ?? "" };
}
