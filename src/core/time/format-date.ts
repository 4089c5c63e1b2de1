import type { IsoDay } from "../deadlines/calendar-days.js";

/** Shows an ISO day (yyyy-mm-dd) the way every answer writes dates: dd/mm/yyyy. */
export function formatDay(isoDay: IsoDay): string {
  const [y, m, d] = isoDay.split("-");
  return `${d}/${m}/${y}`;
}
