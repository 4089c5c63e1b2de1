import { isoDay } from "./calendar-days.js";
import { foldDeadlineWords } from "./deadline-words.js";
import { matchPoint } from "./match-period.js";

/**
 * The first full date written in `text` ("12/10/2024", "12-10-24", "ngày 12 tháng 10 năm 2024"), as an
 * ISO day; null when there is none or it has no year. Headers use it, so they read dates as deadlines do.
 */
export function readWrittenDay(text: string): string | null {
  const f = foldDeadlineWords(text);
  for (const start of f.matchAll(/(?<![\d.])\d/g)) {
    const pm = matchPoint(f, start.index ?? 0);
    if (pm?.type !== "day") continue;
    if (pm.year === undefined || pm.day === undefined || pm.month === undefined) return null;
    return isoDay(pm.year, pm.month, pm.day);
  }
  return null;
}
