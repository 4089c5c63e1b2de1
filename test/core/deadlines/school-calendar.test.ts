import { describe, expect, it } from "vitest";
import {
  createSchoolCalendar,
  defaultSchoolYears,
  parseSchoolCalendarOverrides,
} from "../../../src/core/deadlines/school-calendar.js";

describe("school calendar", () => {
  it("holds the Ministry's time frames for 2022–2023 to 2025–2026", () => {
    expect(Object.keys(defaultSchoolYears)).toEqual(["2022", "2023", "2024", "2025"]);
    expect(createSchoolCalendar().year(2022)).toEqual({
      opening: "2022-09-05",
      semester1End: "2023-01-14",
      semester2End: "2023-05-24",
      yearEnd: "2023-05-30",
    });
    expect(createSchoolCalendar().year(2024).semester1End).toBe("2025-01-17");
  });

  it("follows the usual pattern for later years", () => {
    expect(createSchoolCalendar().year(2030)).toEqual({
      opening: "2030-09-05",
      semester1End: "2031-01-17",
      semester2End: "2031-05-24",
      yearEnd: "2031-05-30",
    });
  });

  it("applies an officer's overrides field by field", () => {
    const overrides = parseSchoolCalendarOverrides({ "2026-2027": { yearEnd: "2027-05-29" } });
    const year = createSchoolCalendar(overrides).year(2026);
    expect(year.yearEnd).toBe("2027-05-29");
    expect(year.opening).toBe("2026-09-05");
  });

  it.each([
    [{ "2026-2028": {} }, /2026-2027/],
    [{ "2026-2027": { yearEnd: "2027-02-30" } }, /real date/],
    [{ "2026-2027": { yearEnd: "29/05/2027" } }, /yyyy-mm-dd/],
    [{ "2026-2027": { holidays: "2027-01-01" } }, /./],
    [["2026-2027"], /./],
  ])("refuses a bad overrides file %j", (json, message) => {
    expect(() => parseSchoolCalendarOverrides(json)).toThrow(message);
  });
});
