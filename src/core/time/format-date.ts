/** Today's calendar date (yyyy-mm-dd) in a time zone. */
export function isoDayIn(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(instant);
  return parts;
}

/** Shows an ISO day (yyyy-mm-dd) the way every answer writes dates: dd/mm/yyyy. */
export function formatDay(isoDay: string): string {
  const [y, m, d] = isoDay.split("-");
  return `${d}/${m}/${y}`;
}
