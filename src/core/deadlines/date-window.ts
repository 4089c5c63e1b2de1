import { isoDay, lastDayOfMonth } from "./calendar-days.js";
import { Refusal, type Window, type Words } from "./evaluation-terms.js";
import type { PointMatch } from "./match-period.js";

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

/** Refuses a month outside 1–12. */
export function checkMonth(month: number, pm: PointMatch, words: Words): void {
  if (month < 1 || month > 12) {
    throw new Refusal("impossible_date", `"${words(pm.start, pm.end)}": there is no month ${month}`);
  }
}

/** The window of one real day; refuses a day its month does not have. */
export function dayWindow(pm: PointMatch, day: number, month: number, year: number, words: Words): Window {
  checkMonth(month, pm, words);
  const iso = isoDay(year, month, day);
  if (!iso) refuseDay(pm, day, month, year, words);
  return { start: iso, end: iso };
}

/** Refuses an impossible day, saying why in the words of the calendar. */
export function refuseDay(
  pm: PointMatch,
  day: number,
  month: number,
  year: number | null,
  words: Words,
): never {
  const name = monthNames[month - 1] ?? "";
  const detail =
    day < 1 || day > 31
      ? `no month has a day ${day}`
      : year === null || day > lastDayOfMonth(2000, month)
        ? `${name} never has a day ${day}`
        : `${name} ${year} has ${lastDayOfMonth(year, month)} days`;
  throw new Refusal("impossible_date", `"${words(pm.start, pm.end)}" is not a real date: ${detail}`);
}
