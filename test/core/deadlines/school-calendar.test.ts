import { describe, expect, it } from "vitest";
import {
  addDays,
  isoDay,
  isRealDate,
  lastDayOfMonth,
  monthSpan,
} from "../../../src/core/deadlines/calendar-days.js";
import {
  createSchoolCalendar,
  defaultSchoolYears,
  parseSchoolCalendarOverrides,
  schoolCalendarOverridesSchema,
} from "../../../src/core/deadlines/school-calendar.js";

describe("school calendar", () => {
  it("holds the Ministry's time frames for 2022–2023 to 2025–2026", () => {
    expect(Object.keys(defaultSchoolYears)).toEqual(["2022", "2023", "2024", "2025"]);
    const calendar = createSchoolCalendar();
    expect(calendar.year(2022)).toEqual({
      opening: "2022-09-05",
      semester1End: "2023-01-14",
      semester2End: "2023-05-24",
      yearEnd: "2023-05-30",
    });
    expect(calendar.year(2023)).toEqual({
      opening: "2023-09-05",
      semester1End: "2024-01-17",
      semester2End: "2024-05-24",
      yearEnd: "2024-05-30",
    });
    expect(calendar.year(2024)).toEqual({
      opening: "2024-09-05",
      semester1End: "2025-01-17",
      semester2End: "2025-05-24",
      yearEnd: "2025-05-30",
    });
    expect(calendar.year(2025)).toEqual({
      opening: "2025-09-05",
      semester1End: "2026-01-17",
      semester2End: "2026-05-24",
      yearEnd: "2026-05-30",
    });
  });

  it.each([2019, 2021, 2026, 2030])("follows the usual pattern for %i", (year) => {
    expect(createSchoolCalendar().year(year)).toEqual({
      opening: `${year}-09-05`,
      semester1End: `${year + 1}-01-17`,
      semester2End: `${year + 1}-05-24`,
      yearEnd: `${year + 1}-05-30`,
    });
  });

  it("applies an officer's overrides field by field", () => {
    const overrides = parseSchoolCalendarOverrides({ "2026-2027": { yearEnd: "2027-05-29" } });
    expect(overrides).toEqual({ 2026: { yearEnd: "2027-05-29" } });
    const year = createSchoolCalendar(overrides).year(2026);
    expect(year).toEqual({
      opening: "2026-09-05",
      semester1End: "2027-01-17",
      semester2End: "2027-05-24",
      yearEnd: "2027-05-29",
    });
  });

  it("overrides a default year too, and leaves the others alone", () => {
    const calendar = createSchoolCalendar(
      parseSchoolCalendarOverrides({
        "2024-2025": { opening: "2024-09-04", semester1End: "2025-01-16" },
        "2026-2027": {
          opening: "2026-09-05",
          semester1End: "2027-01-16",
          semester2End: "2027-05-24",
          yearEnd: "2027-05-29",
        },
      }),
    );
    expect(calendar.year(2024)).toMatchObject({
      opening: "2024-09-04",
      semester1End: "2025-01-16",
      yearEnd: "2025-05-30",
    });
    expect(calendar.year(2026).semester1End).toBe("2027-01-16");
    expect(calendar.year(2023)).toEqual(defaultSchoolYears[2023]);
  });

  it("is not changed by a later change to the overrides object", () => {
    const overrides = { 2024: { yearEnd: "2025-05-29" } };
    const calendar = createSchoolCalendar(overrides);
    overrides[2024].yearEnd = "2025-05-01";
    expect(calendar.year(2024).yearEnd).toBe("2025-05-29");
  });

  it("accepts an empty overrides file", () => {
    expect(parseSchoolCalendarOverrides({})).toEqual({});
    expect(schoolCalendarOverridesSchema.safeParse({ "2026-2027": {} }).success).toBe(true);
  });

  it.each([
    [{ "2026-2028": {} }, /2026-2027/],
    [{ "2026/2027": {} }, /2026-2027/],
    [{ "26-27": {} }, /2026-2027/],
    [{ "2026-2027": { yearEnd: "2027-02-30" } }, /real date/],
    [{ "2026-2027": { yearEnd: "29/05/2027" } }, /yyyy-mm-dd/],
    [{ "2026-2027": { yearEnd: 20270529 } }, /yearEnd/],
    [{ "2026-2027": { holidays: "2027-01-01" } }, /./],
    [
      { "2026-2027": { opening: "2026-09-05", semester1End: "2026-08-01" } },
      /semester1End comes before opening/,
    ],
    [["2026-2027"], /./],
    [null, /./],
    ["2026-2027", /./],
  ])("refuses a bad overrides file %j", (json, message) => {
    expect(() => parseSchoolCalendarOverrides(json)).toThrow(message);
  });
});

describe("calendar days", () => {
  it("knows real dates and leap years", () => {
    expect(isRealDate("2024-02-29")).toBe(true);
    expect(isRealDate("2023-02-29")).toBe(false);
    expect(isRealDate("2000-02-29")).toBe(true);
    expect(isRealDate("2100-02-29")).toBe(false);
    expect(isRealDate("2024-13-01")).toBe(false);
    expect(isRealDate("2024-1-01")).toBe(false);
    expect(lastDayOfMonth(2024, 4)).toBe(30);
    expect(isoDay(2024, 2, 30)).toBeNull();
    expect(isoDay(2024, 2, 9)).toBe("2024-02-09");
  });

  it("moves days across months and years", () => {
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addDays("2023-12-31", 1)).toBe("2024-01-01");
    expect(addDays("2025-01-17", 1)).toBe("2025-01-18");
    expect(addDays("0050-01-01", -1)).toBe("0049-12-31");
  });

  it("spans a month", () => {
    expect(monthSpan(2024, 2)).toEqual({ start: "2024-02-01", end: "2024-02-29" });
  });
});
