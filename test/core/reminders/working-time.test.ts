import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isRestDay, nextSendingMoment, publicHolidays } from "../../../src/core/index.js";
import { instantAt, localTime } from "../../../src/core/reminders/working-time.js";

const hours = { quietFrom: 21 * 60, quietTo: 7 * 60, timeZone: "Asia/Ho_Chi_Minh", extraHolidays: [] };
const at = (local: string) => new Date(`${local}+07:00`);

describe("days off", () => {
  // The first day of Tết and Giỗ Tổ as the government announced them, not computed.
  it.each([
    [2024, "2024-02-10", "2024-04-18"],
    [2025, "2025-01-29", "2025-04-07"],
    [2026, "2026-02-17", "2026-04-26"],
    [2027, "2027-02-06", "2027-04-16"],
  ])("knows Tết and Giỗ Tổ Hùng Vương of %i from the lunar calendar", (year, tet, gioTo) => {
    const days = publicHolidays(year);
    expect(days.has(tet)).toBe(true);
    expect(days.has(gioTo)).toBe(true);
    // New Year's Eve (30 Tết) and the first four days of the year.
    const eve = new Date(`${tet}T00:00:00Z`);
    eve.setUTCDate(eve.getUTCDate() - 1);
    expect(days.has(eve.toISOString().slice(0, 10))).toBe(true);
  });

  it("keeps 30/4, 1/5, 2/9, New Year's Day, Sundays and an office's own days off", () => {
    for (const day of ["2026-04-30", "2026-05-01", "2026-09-02", "2026-01-01"])
      expect(isRestDay(day)).toBe(true);
    expect(isRestDay("2026-11-29")).toBe(true); // a Sunday
    expect(isRestDay("2026-11-27")).toBe(false); // a Friday
    expect(isRestDay("2026-11-27", ["2026-11-27"])).toBe(true);
  });
});

describe("the next moment a reminder may go", () => {
  it("is the moment itself on a working day's daytime", () => {
    expect(nextSendingMoment(at("2026-11-27T08:00:00"), hours)).toEqual(at("2026-11-27T08:00:00"));
  });

  it("is the next working morning after quiet hours, a Sunday or Tết", () => {
    expect(nextSendingMoment(at("2026-11-26T22:15:00"), hours)).toEqual(at("2026-11-27T07:00:00"));
    expect(nextSendingMoment(at("2026-11-27T05:30:00"), hours)).toEqual(at("2026-11-27T07:00:00"));
    // Saturday night → Monday morning.
    expect(nextSendingMoment(at("2026-11-28T21:00:00"), hours)).toEqual(at("2026-11-30T07:00:00"));
    // Tết Bính Ngọ: 16/02/2026 (eve) to 20/02, then Saturday 21/02.
    expect(nextSendingMoment(at("2026-02-16T08:00:00"), hours)).toEqual(at("2026-02-21T07:00:00"));
  });

  it("never lands in quiet hours, on a day off, or before the moment asked for", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 0, 1) }), (ms) => {
        const moment = new Date(ms);
        const next = nextSendingMoment(moment, hours);
        const { day, time } = localTime(next, hours.timeZone);
        expect(next.getTime()).toBeGreaterThanOrEqual(moment.getTime());
        expect(isRestDay(day)).toBe(false);
        expect(time >= 7 * 60 && time < 21 * 60).toBe(true);
        // Nothing is moved further than the first working morning: at most a week, Tết included.
        expect(next.getTime() - moment.getTime()).toBeLessThan(8 * 86_400_000);
      }),
    );
  });

  it("reads local times in a time zone with summer time too", () => {
    const paris = "Europe/Paris";
    expect(instantAt("2026-07-01", 8 * 60, paris).toISOString()).toBe("2026-07-01T06:00:00.000Z");
    expect(instantAt("2026-01-15", 8 * 60, paris).toISOString()).toBe("2026-01-15T07:00:00.000Z");
    expect(localTime(new Date("2026-03-29T10:30:00Z"), paris)).toEqual({
      day: "2026-03-29",
      time: 12 * 60 + 30,
    });
  });
});
