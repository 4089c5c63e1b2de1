import { describe, expect, it } from "vitest";
import { findDeadlines } from "../../../src/core/deadlines/find-deadlines.js";
import { parseDeadline } from "../../../src/core/deadlines/parse-deadline.js";
import { createSchoolCalendar } from "../../../src/core/deadlines/school-calendar.js";
import type { DeadlineContext } from "../../../src/core/deadlines/types.js";
import { readWrittenDay } from "../../../src/core/deadlines/written-day.js";

// Dates as offices write them (issue 16, point 4): hyphens, dots, slashes, with and without a year,
// two-digit years, non-breaking and zero-width spaces inside, and ranges made of them.
const calendar = createSchoolCalendar();
const schoolYear: DeadlineContext = { calendar, schoolYearStart: 2025 };
const calendarYear: DeadlineContext = { calendar, calendarYear: 2026 };
const NBSP = "\u00a0";

const read = (text: string, ctx: DeadlineContext = schoolYear) => {
  const r = parseDeadline(text, ctx);
  return r.ok ? [r.deadline.kind, r.deadline.start, r.deadline.due] : [`!${r.reason}`];
};
const found = (sentence: string, ctx: DeadlineContext = schoolYear) =>
  findDeadlines(sentence, ctx).map((h) => [
    sentence.slice(h.index, h.index + h.length),
    h.result.ok ? h.result.deadline.due : `!${h.result.reason}`,
  ]);

describe("dates as written", () => {
  it.each([
    ["hạn cuối 05-12", ["by", null, "2025-12-05"]],
    ["chậm nhất ngày 14.3", ["by", null, "2026-03-14"]],
    ["trước ngày 2/8", ["before", null, "2025-08-01"]],
    ["ngày 9 tháng 1", ["on", "2026-01-09", "2026-01-09"]],
    ["Trước ngày 30/11/25", ["before", null, "2025-11-29"]],
    ["đến hết ngày 03-04-26", ["by", null, "2026-04-03"]],
    ["chậm nhất 07.01.26", ["by", null, "2026-01-07"]],
    ["ngày 12 tháng 9 năm 25", ["on", "2025-09-12", "2025-09-12"]],
    ["ngày 12 - 9 - 2025", ["on", "2025-09-12", "2025-09-12"]],
  ])("reads %s, taking a missing year from the school year", (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it("gives a year-less date the plan's calendar year when the plan has no school year", () => {
    expect(read("trước ngày 20-10", calendarYear)).toEqual(["before", null, "2026-10-19"]);
    expect(read("hạn chót 3.2", calendarYear)).toEqual(["by", null, "2026-02-03"]);
    expect(read("trước ngày 20-10", { calendar })).toEqual(["!missing_year"]);
  });

  it.each([
    ["từ 15-5 đến 28-5", ["range", "2026-05-15", "2026-05-28"]],
    ["Từ ngày 2.12 đến ngày 9.12", ["range", "2025-12-02", "2025-12-09"]],
    ["từ 20/12 - 10/01/26", ["range", "2025-12-20", "2026-01-10"]],
    ["từ 1-6-26 đến hết 15-6-26", ["range", "2026-06-01", "2026-06-15"]],
    ["từ ngày 4 tháng 11 đến ngày 8 tháng 11", ["range", "2025-11-04", "2025-11-08"]],
  ])("reads the range %s", (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it("reads dates with non-breaking, narrow and zero-width spaces inside", () => {
    expect(read(`trước${NBSP}ngày${NBSP}30${NBSP}/${NBSP}11`)).toEqual(["before", null, "2025-11-29"]);
    expect(read("chậm nhất ngày 6\u202ftháng\u202f3")).toEqual(["by", null, "2026-03-06"]);
    expect(read("hạn chót 15\u200b-\u200b4")).toEqual(["by", null, "2026-04-15"]);
    expect(read("trước ngày 30\u00ad-11")).toEqual(["before", null, "2025-11-29"]);
  });

  it("finds the forms in prose", () => {
    expect(found("Thời hạn đăng ký muộn nhất trước ngày 25-11.")).toEqual([
      ["trước ngày 25-11", "2025-11-24"],
    ]);
    expect(found("Các trường nộp báo cáo chậm nhất ngày 8.1.")).toEqual([
      ["chậm nhất ngày 8.1", "2026-01-08"],
    ]);
    expect(found("Thoi gian dang ky: tu 10-3 den 20-3 hang nam.")).toEqual([
      ["tu 10-3 den 20-3", "2026-03-20"],
    ]);
    expect(found(`Hồ sơ gửi về trước${NBSP}ngày 30${NBSP}tháng${NBSP}11 năm 25.`)).toEqual([
      [`trước${NBSP}ngày 30${NBSP}tháng${NBSP}11 năm 25`, "2025-11-29"],
    ]);
    expect(found("Nộp trước 16/10/25, ghi rõ tên đơn vị.")).toEqual([["trước 16/10/25", "2025-10-15"]]);
  });

  it("reads a time written with a dot or colon as the time of the day after it", () => {
    expect(found("Họp xét duyệt vào 8.30 sáng ngày 5.12 tại phòng họp.")).toEqual([
      ["8.30 sáng ngày 5.12", "2025-12-05"],
    ]);
    expect(found("Hạn nộp: trước 16:30, ngày 14/11.")).toEqual([["trước 16:30, ngày 14/11", "2025-11-14"]]);
  });
});

describe("what is not a date", () => {
  it.each([
    "Nội dung tại mục 1.2 và điểm 3.4 của Kế hoạch.",
    "Tỷ lệ tăng 2.5 lần so với năm trước, đạt 7.8%.",
    "Liên hệ số điện thoại 0912.345.678 hoặc 024-38.123.456.",
    "Căn cứ Công văn Số: 12-KH ngày trước đó.",
    "Trong 2.5 tháng tới, các tổ chuyên môn rà soát hồ sơ.",
    "Điểm trung bình đạt 8.25, xếp loại khá.",
    "Tập trung lúc 7.30 sáng tại sân trường.",
    "Xem mục 2.1.3 trước khi điền mẫu.",
  ])("finds no date in %s", (sentence) => {
    expect(found(sentence)).toEqual([]);
  });

  it("reads a decimal or a time alone as no date, but a slash date with a wrong month as a wrong date", () => {
    expect(read("7.30")).toEqual(["!unrecognised"]);
    expect(read("2.50")).toEqual(["!unrecognised"]);
    expect(read("30 - 11")).toEqual(["!unrecognised"]);
    expect(read("trước ngày 12/13")).toEqual(["!impossible_date"]);
  });
});

describe("readWrittenDay", () => {
  it("reads the first full date in any written form", () => {
    expect(readWrittenDay("12/10/2024")).toBe("2024-10-12");
    expect(readWrittenDay("lúc 09 giờ, ngày 3-2-25")).toBe("2025-02-03");
    expect(readWrittenDay(`ngày 7${NBSP}tháng 5 năm 2025`)).toBe("2025-05-07");
    expect(readWrittenDay("15.9.2024 (thứ Hai)")).toBe("2024-09-15");
  });

  it("gives nothing for a date without a year or a day that does not exist", () => {
    expect(readWrittenDay("ngày 12/10")).toBeNull();
    expect(readWrittenDay("31/02/2025")).toBeNull();
    expect(readWrittenDay("mục 1.2")).toBeNull();
  });
});
