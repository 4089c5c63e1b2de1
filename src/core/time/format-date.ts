import type { IsoDay } from "../deadlines/calendar-days.js";
import { cachedFormat } from "./date-formats.js";

/** Shows an ISO day (yyyy-mm-dd) the way every answer writes dates: dd/mm/yyyy. */
export function formatDay(isoDay: IsoDay): string {
  const [y, m, d] = isoDay.split("-");
  return `${d}/${m}/${y}`;
}

const clockFormat = (timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** Shows the local time of an instant as answers write it: 08:00. */
export function formatTimeOfDay(instant: Date, timeZone: string): string {
  return cachedFormat("clock", timeZone, clockFormat).format(instant);
}
