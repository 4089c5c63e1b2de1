/** The source of "now"; injected everywhere so tests and THIDUA_TODAY can pin it. */
export interface Clock {
  now(): Date;
}

/** The machine's clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock pinned to a calendar day (yyyy-mm-dd) at noon in the given time zone's offset. */
export function fixedClock(isoDay: string): Clock {
  // Noon keeps the calendar day the same in every time zone from UTC-11 to UTC+11.
  const at = new Date(`${isoDay}T12:00:00+07:00`);
  return { now: () => at };
}
