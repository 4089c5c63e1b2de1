import lunar from "lunar-javascript";
import { addDays, type IsoDay, isoDayIn } from "../deadlines/calendar-days.js";
import { cachedFormat } from "../time/date-formats.js";

/** A local time of day, minutes after midnight ("08:00" is 480). */
export type Minutes = number;

/** Reads "08:00" / "7:30" into minutes after midnight, or null. */
export function parseTimeOfDay(text: string): Minutes | null {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

const partsFormat = (timeZone: string) =>
  new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
  });

/** The time zone's offset from UTC at an instant, in minutes (420 for Asia/Ho_Chi_Minh). */
function offsetMinutes(instant: Date, timeZone: string): number {
  const format = cachedFormat("parts", timeZone, partsFormat);
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
  );
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/** The instant a local day and time of day fall on in a time zone. */
export function instantAt(day: IsoDay, time: Minutes, timeZone: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d, 0, time);
  // Twice: the offset at the guess may differ from the one at the answer across a DST change.
  const first = guess - offsetMinutes(new Date(guess), timeZone) * 60_000;
  return new Date(guess - offsetMinutes(new Date(first), timeZone) * 60_000);
}

/** The local day and wall-clock time of day of an instant. */
export function localTime(instant: Date, timeZone: string): { day: IsoDay; time: Minutes } {
  const wall = new Date(instant.getTime() + offsetMinutes(instant, timeZone) * 60_000);
  return { day: isoDayIn(instant, timeZone), time: wall.getUTCHours() * 60 + wall.getUTCMinutes() };
}

/** 0 Sunday … 6 Saturday. */
export function weekday(day: IsoDay): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

const lunarToSolar = (year: number, month: number, day: number): IsoDay =>
  lunar.Lunar.fromYmd(year, month, day).getSolar().toYmd();

const holidayYears = new Map<number, Set<IsoDay>>();
/**
 * Vietnam's public holidays of a calendar year (Bộ luật Lao động 2019, Điều 112): 1/1; Tết Nguyên đán
 * (the last day of the lunar year and the first four of the next); Giỗ Tổ Hùng Vương (10/3 lunar);
 * 30/4 and 1/5; Quốc khánh 2/9 with the day after. Lunar days come from lunar-javascript, which
 * computes the Chinese calendar (UTC+8); in the rare year Vietnam's (UTC+7) differs, or when the
 * government moves a day off, an office lists the days in REMINDER_HOLIDAYS.
 */
export function publicHolidays(year: number): Set<IsoDay> {
  let days = holidayYears.get(year);
  if (days) return days;
  days = new Set<IsoDay>([
    `${year}-01-01`,
    `${year}-04-30`,
    `${year}-05-01`,
    `${year}-09-02`,
    `${year}-09-03`,
  ]);
  // The Tết of this lunar year, and the next one's eve when it falls in this solar year too.
  for (const lunarYear of [year, year + 1]) {
    const newYear = lunarToSolar(lunarYear, 1, 1);
    for (let i = -1; i <= 3; i++) {
      const d = addDays(newYear, i);
      if (d.startsWith(`${year}-`)) days.add(d);
    }
  }
  days.add(lunarToSolar(year, 3, 10));
  holidayYears.set(year, days);
  return days;
}

/** When reminders may not go out: nights between `from` and `to` (21:00–07:00), Sundays, holidays. */
export interface SendingHours {
  quietFrom: Minutes;
  quietTo: Minutes;
  timeZone: string;
  /** Days off the office adds to the public holidays (a moved day off, a local holiday). */
  extraHolidays: readonly IsoDay[];
}

/** Days on which nothing is sent: Sundays, public holidays and the office's own days off. */
export function isRestDay(day: IsoDay, extraHolidays: readonly IsoDay[] = []): boolean {
  return (
    weekday(day) === 0 || publicHolidays(Number(day.slice(0, 4))).has(day) || extraHolidays.includes(day)
  );
}

function isQuiet(time: Minutes, hours: SendingHours): boolean {
  return hours.quietFrom > hours.quietTo
    ? time >= hours.quietFrom || time < hours.quietTo
    : time >= hours.quietFrom && time < hours.quietTo;
}

/**
 * The moment itself when a message may be sent then; otherwise the next working morning (the end of
 * quiet hours on the next day that is neither a Sunday nor a holiday).
 */
export function nextSendingMoment(moment: Date, hours: SendingHours): Date {
  const rest = (d: IsoDay) => isRestDay(d, hours.extraHolidays);
  const { day, time } = localTime(moment, hours.timeZone);
  if (!rest(day) && !isQuiet(time, hours)) return moment;
  // Before the morning's end of quiet hours on a working day, that same morning; else a later day.
  let next = !rest(day) && time < hours.quietTo ? day : addDays(day, 1);
  while (rest(next)) next = addDays(next, 1);
  return instantAt(next, hours.quietTo, hours.timeZone);
}
