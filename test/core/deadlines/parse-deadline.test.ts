import { describe, expect, it } from "vitest";
import { parseDeadline } from "../../../src/core/deadlines/parse-deadline.js";
import { createSchoolCalendar } from "../../../src/core/deadlines/school-calendar.js";
import type { DeadlineContext } from "../../../src/core/deadlines/types.js";

const calendar = createSchoolCalendar();
const year2023: DeadlineContext = { calendar, calendarYear: 2023 };
const schoolYear2024: DeadlineContext = { calendar, schoolYearStart: 2024, issuedOn: "2024-09-20" };
const none: DeadlineContext = { calendar };

const read = (text: string, ctx: DeadlineContext = year2023) => {
  const result = parseDeadline(text, ctx);
  if (!result.ok) throw new Error(`${text}: ${result.reason} ${result.detail}`);
  return [result.deadline.kind, result.deadline.start, result.deadline.due];
};

const refusal = (text: string, ctx: DeadlineContext = year2023) => {
  const result = parseDeadline(text, ctx);
  if (result.ok) throw new Error(`${text} was read as ${JSON.stringify(result.deadline)}`);
  return result;
};

describe("parseDeadline: before", () => {
  it.each([
    ["Trước ngày 28/02/2023", "2023-02-27"],
    ["Trước 05/02/2023", "2023-02-04"],
    ["truoc ngay 01/03/2023", "2023-02-28"],
    ["TRƯỚC NGÀY 01/03/2024", "2024-02-29"],
    ["trước ngày 20 / 10 / 2024", "2024-10-19"],
    ["Trước ngày 20-10-2024", "2024-10-19"],
    ["Trước ngày 20.10.2024", "2024-10-19"],
    ["trước ngày 20/10/24", "2024-10-19"],
    ["Trước ngày 20 tháng 10 năm 2024", "2024-10-19"],
    ["trước ngày 01/01/2024", "2023-12-31"],
    ["Trước tháng 10/2024", "2024-09-30"],
    ["Trước ngày 20/10/2024 (thứ Hai)", "2024-10-19"],
    ["trước thứ Sáu, ngày 20/10/2023", "2023-10-19"],
  ])("%s → due %s", (text, due) => {
    expect(read(text)).toEqual(["before", null, due]);
  });
});

describe("parseDeadline: by", () => {
  it.each([
    ["chậm nhất ngày 27 tháng 10 năm 2023", "2023-10-27"],
    ["chậm nhất là ngày 10/11/2023", "2023-11-10"],
    ["chậm nhất vào ngày 10/11/2023", "2023-11-10"],
    ["cham nhat 3/6/2024", "2024-06-03"],
    ["hạn chót 15.4.2025", "2025-04-15"],
    ["hạn chót: 15/4/2025", "2025-04-15"],
    ["hạn cuối ngày 15/4/2025", "2025-04-15"],
    ["đến hết ngày 31-12-2023", "2023-12-31"],
    ["đến hết 31/12/2023", "2023-12-31"],
    ["không quá ngày 20/10/2024", "2024-10-20"],
    ["muộn nhất ngày 20/10/2024", "2024-10-20"],
    ["muộn nhất là 20/10/2024", "2024-10-20"],
    ["Hạn chót nộp sáng kiến kinh nghiệm: 15/4/2025", "2025-04-15"],
    ["đến hết tháng 12/2024", "2024-12-31"],
    ["chậm nhất cuối quý III/2024", "2024-09-30"],
    ["hết ngày 20/10/2024", "2024-10-20"],
  ])("%s → due %s", (text, due) => {
    expect(read(text)).toEqual(["by", null, due]);
  });

  it.each([
    ["trước 17 giờ 00 ngày 20/5/2024", "2024-05-20"],
    ["trước 16h00 ngày 20/5/2024", "2024-05-20"],
    ["trước 17h, ngày 20/5/2024", "2024-05-20"],
    ["chậm nhất 16 giờ 30 phút ngày 20/5/2024", "2024-05-20"],
  ])("a time of day keeps the day itself in time: %s → by %s", (text, due) => {
    expect(read(text)).toEqual(["by", null, due]);
  });

  it("follows a label's own deadline word", () => {
    expect(read("Thời hạn: trước ngày 20/10/2024")).toEqual(["before", null, "2024-10-19"]);
    expect(read("Thời gian hoàn thành: tháng 01/2023")).toEqual(["month", "2023-01-01", "2023-01-31"]);
  });
});

describe("parseDeadline: on", () => {
  it.each([
    ["ngày 20/11/2023", "2023-11-20"],
    ["20/11/2023", "2023-11-20"],
    ["20/11/23", "2023-11-20"],
    ["ngày 27 tháng 10 năm 2023", "2023-10-27"],
    ["27 tháng 10 năm 2023", "2023-10-27"],
    ["ngày 27 tháng 10, năm 2023", "2023-10-27"],
    ["26 / 12 /2022", "2022-12-26"],
    ["ngày 27 tháng 10", "2023-10-27"],
    ["20/11", "2023-11-20"],
    ["vào ngày 20/11/2023", "2023-11-20"],
    ["29/02/2024", "2024-02-29"],
  ])("%s → %s", (text, day) => {
    expect(read(text)).toEqual(["on", day, day]);
  });
});

describe("parseDeadline: range", () => {
  it.each([
    ["Từ ngày 15/6/2023 đến ngày 30/6/2023", "2023-06-15", "2023-06-30"],
    ["Từ ngày 15/5/2024 - 28/5/2024", "2024-05-15", "2024-05-28"],
    ["04/6/2024 – 07/6/2024", "2024-06-04", "2024-06-07"],
    ["15/5/2024—28/5/2024", "2024-05-15", "2024-05-28"],
    ["từ 21/5/2025 đến hết 28/5/2025", "2025-05-21", "2025-05-28"],
    ["từ 21/5/2025 đến 28/5/2025", "2025-05-21", "2025-05-28"],
    ["Từ 15/5/2024 đến hết ngày 28/5/2024", "2024-05-15", "2024-05-28"],
    ["Từ ngày 15/5 - 28/5/2024", "2024-05-15", "2024-05-28"],
    ["từ ngày 15 - 28/5/2024", "2024-05-15", "2024-05-28"],
    ["Từ ngày 15-16/5/2024", "2024-05-15", "2024-05-16"],
    ["ngày 15 và 16/5/2024", "2024-05-15", "2024-05-16"],
    ["Từ ngày 15 đến ngày 28/5/2024", "2024-05-15", "2024-05-28"],
    ["Từ ngày 15 tháng 5 đến ngày 20 tháng 5 năm 2024", "2024-05-15", "2024-05-20"],
    ["Từ ngày 20/12/2023 đến ngày 10/01/2024", "2023-12-20", "2024-01-10"],
    ["Từ ngày 20/12 đến ngày 10/01/2024", "2023-12-20", "2024-01-10"],
    ["Từ ngày 20/12/2023 đến ngày 10/01", "2023-12-20", "2024-01-10"],
    ["Từ 01/3 đến trước ngày 15/3/2024", "2024-03-01", "2024-03-14"],
    ["từ tháng 9 đến tháng 12/2024", "2024-09-01", "2024-12-31"],
    ["từ tháng 9/2024 đến tháng 5/2025", "2024-09-01", "2025-05-31"],
    ["Từ tháng 9/2024 - 5/2025", "2024-09-01", "2025-05-31"],
    ["tháng 9 - 12/2024", "2024-09-01", "2024-12-31"],
    ["Tháng 3, 4/2024", "2024-03-01", "2024-04-30"],
    ["tháng 3 và tháng 4/2024", "2024-03-01", "2024-04-30"],
    ["tháng 9 - 12", "2023-09-01", "2023-12-31"],
    ["ngày 15/5/2024, 16/5/2024", "2024-05-15", "2024-05-16"],
    ["Thời gian: từ ngày 01/3/2024 đến ngày 15/3/2024", "2024-03-01", "2024-03-15"],
    ["Từ nay đến hết năm 2024", null, "2024-12-31"],
    ["6 tháng đầu năm", "2023-01-01", "2023-06-30"],
    ["6 tháng đầu năm (2024)", "2024-01-01", "2024-06-30"],
    ["sáu tháng cuối năm 2024", "2024-07-01", "2024-12-31"],
    ["năm 2024", "2024-01-01", "2024-12-31"],
    ["trong năm 2024", "2024-01-01", "2024-12-31"],
    ["Trong tuần từ 13/5 đến 17/5/2024", "2024-05-13", "2024-05-17"],
    ["trong các ngày từ 20 đến 22/11/2024", "2024-11-20", "2024-11-22"],
    ["Trong đợt từ 02/12 đến 06/12/2024", "2024-12-02", "2024-12-06"],
  ])("%s → %s..%s", (text, start, due) => {
    expect(read(text)).toEqual(["range", start, due]);
  });

  it.each([
    ["Từ tháng 01 năm 2025 đến hết năm học 2024 - 2025", "2025-01-01", "2025-05-30"],
    ["Từ tháng 01 đến hết năm học 2024 - 2025", "2025-01-01", "2025-05-30"],
    ["Từ nay đến hết năm 2024", "2024-09-20", "2024-12-31"],
    ["Từ nay đến 30/11", "2024-09-20", "2024-11-30"],
    ["từ tháng 10 đến tháng 3", "2024-10-01", "2025-03-31"],
    ["từ 20/12 đến 10/01", "2024-12-20", "2025-01-10"],
    ["từ ngày 15/5 đến 28/5", "2025-05-15", "2025-05-28"],
  ])("in a 2024–2025 school-year plan, %s → %s..%s", (text, start, due) => {
    expect(read(text, schoolYear2024)).toEqual(["range", start, due]);
  });
});

describe("parseDeadline: month and quarter", () => {
  it.each([
    ["Tháng 01/2023", "month", "2023-01-01", "2023-01-31"],
    ["tháng 8 năm 2025", "month", "2025-08-01", "2025-08-31"],
    ["tháng 8/2025", "month", "2025-08-01", "2025-08-31"],
    ["tháng 8-2025", "month", "2025-08-01", "2025-08-31"],
    ["tháng 2/2024", "month", "2024-02-01", "2024-02-29"],
    ["Trong tháng 12", "month", "2023-12-01", "2023-12-31"],
    ["trong tháng 3", "month", "2023-03-01", "2023-03-31"],
    ["cuối tháng 12/2024", "month", "2024-12-01", "2024-12-31"],
    ["tháng 10 năm học 2023-2024", "month", "2023-10-01", "2023-10-31"],
    ["tháng 3 năm học 2023-2024", "month", "2024-03-01", "2024-03-31"],
    ["Quý I - 2023", "quarter", "2023-01-01", "2023-03-31"],
    ["quý II năm 2025", "quarter", "2025-04-01", "2025-06-30"],
    ["quý 3/2024", "quarter", "2024-07-01", "2024-09-30"],
    ["Quý I/2025", "quarter", "2025-01-01", "2025-03-31"],
    ["Trong quý I năm 2025", "quarter", "2025-01-01", "2025-03-31"],
    ["Quý IV", "quarter", "2023-10-01", "2023-12-31"],
    ["quý ii", "quarter", "2023-04-01", "2023-06-30"],
  ])("%s → %s %s..%s", (text, kind, start, due) => {
    expect(read(text)).toEqual([kind, start, due]);
  });
});

describe("parseDeadline: semester and school year", () => {
  it.each([
    ["Trong học kỳ 2 năm học 2022 – 2023", "semester", "2023-01-15", "2023-05-24"],
    ["Học kỳ II năm học 2024-2025", "semester", "2025-01-18", "2025-05-24"],
    ["HK1 năm học 2023-2024", "semester", "2023-09-05", "2024-01-17"],
    ["học kỳ II (2023-2024)", "semester", "2024-01-18", "2024-05-24"],
    ["hết năm học 2024 - 2025", "school_year", "2024-09-05", "2025-05-30"],
    ["trong năm học 2023-2024", "school_year", "2023-09-05", "2024-05-30"],
    ["năm học 2023 – 2024", "school_year", "2023-09-05", "2024-05-30"],
    ["năm học 2023-24", "school_year", "2023-09-05", "2024-05-30"],
  ])("%s → %s %s..%s", (text, kind, start, due) => {
    expect(read(text, none)).toEqual([kind, start, due]);
  });

  it.each([
    ["học kỳ I", "semester", "2024-09-05", "2025-01-17"],
    ["học kì I", "semester", "2024-09-05", "2025-01-17"],
    ["HK1", "semester", "2024-09-05", "2025-01-17"],
    ["HKI", "semester", "2024-09-05", "2025-01-17"],
    ["cuối học kỳ I", "semester", "2024-09-05", "2025-01-17"],
    ["HK2", "semester", "2025-01-18", "2025-05-24"],
    ["HK II", "semester", "2025-01-18", "2025-05-24"],
    ["cuối năm học", "school_year", "2024-09-05", "2025-05-30"],
    ["năm học", "school_year", "2024-09-05", "2025-05-30"],
    // Before the end, not the start, of the period named.
    ["trước khi kết thúc học kỳ I", "before", null, "2025-01-16"],
    ["trước cuối năm học", "before", null, "2025-05-29"],
  ])("in a 2024–2025 school-year plan, %s → %s %s..%s", (text, kind, start, due) => {
    expect(read(text, schoolYear2024)).toEqual([kind, start, due]);
  });

  it("places a calendar-year plan's semesters in the school years around that year", () => {
    expect(read("học kỳ 2", year2023)).toEqual(["semester", "2023-01-15", "2023-05-24"]);
    expect(read("học kỳ 1", year2023)).toEqual(["semester", "2023-09-05", "2024-01-17"]);
    expect(read("cuối năm học", year2023)).toEqual(["school_year", "2022-09-05", "2023-05-30"]);
  });

  it("uses a school year's overrides", () => {
    const custom = createSchoolCalendar({ 2024: { yearEnd: "2025-05-29", semester1End: "2025-01-10" } });
    expect(read("hết năm học 2024 - 2025", { calendar: custom })).toEqual([
      "school_year",
      "2024-09-05",
      "2025-05-29",
    ]);
    expect(read("học kỳ 2 năm học 2024 - 2025", { calendar: custom })).toEqual([
      "semester",
      "2025-01-11",
      "2025-05-24",
    ]);
  });
});

describe("parseDeadline: unscheduled", () => {
  it.each([
    "**Theo Lịch của Cụm trưởng**",
    "Theo lịch của Cụm trưởng Cụm số 7",
    "theo lịch của Sở",
    "thường xuyên",
    "Thường xuyên, liên tục",
    "Khi có yêu cầu",
    "định kỳ",
    "theo kế hoạch",
    "hằng tháng",
    "Hàng tháng",
    "liên tục",
    "Thuong xuyen",
    "Sau Lễ tổng kết năm học",
    "sau khi có quyết định công nhận",
    "Sau hội nghị khối",
  ])("%s", (text) => {
    expect(read(text)).toEqual(["unscheduled", null, null]);
  });
});

describe("parseDeadline: the year of a date written without one", () => {
  const schoolYear2023: DeadlineContext = { calendar, schoolYearStart: 2023, calendarYear: 2023 };

  it.each([
    ["trước ngày 20/8", "2023-08-19"],
    ["trước ngày 20/12", "2023-12-19"],
    ["trước ngày 20/1", "2024-01-19"],
    ["trước ngày 20/7", "2024-07-19"],
  ])("a school-year plan puts months 8–12 in its first year, 1–7 in its second: %s", (text, due) => {
    expect(read(text, schoolYear2023)).toEqual(["before", null, due]);
  });

  it("a calendar-year plan puts every month in its year", () => {
    expect(read("trước ngày 20/1", year2023)).toEqual(["before", null, "2023-01-19"]);
    expect(read("trước ngày 20/12", year2023)).toEqual(["before", null, "2023-12-19"]);
    expect(read("tháng 9", year2023)).toEqual(["month", "2023-09-01", "2023-09-30"]);
  });

  it("reads a yearly date as this plan's: trước ngày 20/10 hằng năm", () => {
    expect(read("Trước ngày 20/10 hằng năm", schoolYear2024)).toEqual(["before", null, "2024-10-19"]);
  });

  it("reads a day with its weekday and then its hour", () => {
    expect(read("Ngày 14/11 (thứ Năm), 8h30", schoolYear2024)).toEqual(["on", "2024-11-14", "2024-11-14"]);
    expect(read("ngày 02/12/2024, 14 giờ 00", schoolYear2024)).toEqual(["on", "2024-12-02", "2024-12-02"]);
  });

  it("takes the days a week gives in parentheses over counting weeks", () => {
    expect(read("Tuần thứ 2 (từ 11/11 đến 15/11)", schoolYear2024)).toEqual([
      "range",
      "2024-11-11",
      "2024-11-15",
    ]);
    expect(read("Tuần đầu tháng 3 (từ 03/3 đến 07/3)", schoolYear2024)).toEqual([
      "range",
      "2025-03-03",
      "2025-03-07",
    ]);
  });
});

describe("parseDeadline: raw", () => {
  it("keeps the document's words, without markup, as raw", () => {
    const result = parseDeadline("  chậm nhất **ngày 27 tháng 10   năm 2023**. ", year2023);
    expect(result.ok && result.deadline.raw).toBe("chậm nhất ngày 27 tháng 10 năm 2023.");
  });

  it("composes decomposed letters", () => {
    const result = parseDeadline("Trước ngày 20/10/2024".normalize("NFD"), year2023);
    expect(result).toMatchObject({ ok: true, deadline: { raw: "Trước ngày 20/10/2024", due: "2024-10-19" } });
  });

  it("keeps the words of a refused cell too", () => {
    expect(refusal("*Trước ngày 31/02/2023*").raw).toBe("Trước ngày 31/02/2023");
  });
});

describe("parseDeadline: refusals", () => {
  it.each([
    ["31/02/2023", "impossible_date", "31/02/2023"],
    ["Trước ngày 30/02/2023", "impossible_date", "30/02/2023"],
    ["29/02/2023", "impossible_date", "February 2023 has 28 days"],
    ["32/1/2023", "impossible_date", "32/1/2023"],
    ["00/01/2023", "impossible_date", "00/01/2023"],
    ["tháng 13/2023", "impossible_date", "tháng 13/2023"],
    ["ngày 31/4", "impossible_date", "April never has a day 31"],
    ["Từ ngày 31/02/2023 đến ngày 05/3/2023", "impossible_date", "31/02/2023"],
    ["Từ ngày 30/6/2023 đến ngày 15/6/2023", "reversed_range", "30/6/2023"],
    ["từ tháng 12/2024 đến tháng 3/2024", "reversed_range", "tháng 12/2024"],
    ["năm học 2023 - 2025", "unknown_school_year", "2023 - 2025"],
    ["học kỳ I năm học 2024-2026", "unknown_school_year", "2024-2026"],
    ["", "empty", ""],
    ["  ** ", "empty", ""],
    ["sau 05 ngày làm việc kể từ ngày nhận", "unrecognised", "sau 05 ngày làm việc kể từ ngày nhận"],
    ["khoảng giữa kỳ", "unrecognised", "khoảng giữa kỳ"],
    ["Từ ngày 15/5/2024", "unrecognised", "Từ ngày 15/5/2024"],
    ["Sau ngày 20/10/2024", "unrecognised", "Sau ngày 20/10/2024"],
    ["quý 5/2024", "unrecognised", "quý 5/2024"],
    ["trước ngày 20/10/2024; chậm nhất 25/10/2024", "unrecognised", "chậm nhất 25/10/2024"],
    ["ngày 15 và 20/5/2024", "unrecognised", "ngày 15 và 20/5/2024"],
  ])("refuses %j (%s), naming %j", (text, reason, words) => {
    const result = refusal(text);
    expect(result.reason).toBe(reason);
    expect(result.detail.length).toBeGreaterThan(0);
    expect(result.detail).toContain(words);
  });

  it("needs the document's year for a date without one", () => {
    expect(refusal("trước ngày 20/10", none)).toMatchObject({ reason: "missing_year" });
    expect(refusal("trước ngày 20/10", none).detail).toContain("20/10");
    expect(refusal("tháng 12", none)).toMatchObject({ reason: "missing_year" });
    expect(refusal("Quý IV", none)).toMatchObject({ reason: "missing_year" });
    expect(refusal("6 tháng cuối năm", none)).toMatchObject({ reason: "missing_year" });
    expect(refusal("từ 20/12 đến 10/01", none)).toMatchObject({ reason: "missing_year" });
  });

  it("needs the document's school year for a semester without one", () => {
    expect(refusal("học kỳ 2", none)).toMatchObject({ reason: "unknown_school_year" });
    expect(refusal("cuối năm học", none)).toMatchObject({ reason: "unknown_school_year" });
  });

  it("does not throw on odd input", () => {
    for (const text of [
      "(",
      ")",
      "từ",
      "từ - đến",
      "//",
      "1/",
      "tháng",
      "quý",
      "ngày ngày",
      "\u0000",
      "🙂",
    ]) {
      expect(() => parseDeadline(text, year2023)).not.toThrow();
    }
  });
});

describe("parseDeadline: a week of a month (Monday–Sunday, in the month that holds its Thursday)", () => {
  it.each([
    ["Tuần 3 tháng 10/2023", "2023-10-16", "2023-10-22"],
    ["Tuần 2 tháng 12/2026", "2026-12-07", "2026-12-13"],
    ["tuan 1 thang 11/2023", "2023-10-30", "2023-11-05"],
    ["Tuần đầu tháng 3/2023", "2023-02-27", "2023-03-05"],
    ["Tuần cuối tháng 9/2023", "2023-09-25", "2023-10-01"],
    ["trong tuần II của tháng 4/2023", "2023-04-10", "2023-04-16"],
    // Several weeks: from the first week on, or back from the last.
    ["trong hai tuần đầu của tháng 12/2026", "2026-11-30", "2026-12-13"],
    ["ba tuần đầu tháng 10/2023", "2023-10-02", "2023-10-22"],
    ["02 tuần cuối tháng 5/2027", "2027-05-17", "2027-05-30"],
  ])("%s → %s … %s", (text, start, due) => {
    expect(read(text)).toEqual(["range", start, due]);
  });
});

describe("parseDeadline: a week named by its days, and a weekday between 'ngày' and the day", () => {
  it.each([
    ["Tuần từ 07/6 – 11/6/2027", "range", "2027-06-07", "2027-06-11"],
    ["tuần từ ngày 14/6 đến ngày 18/6/2027", "range", "2027-06-14", "2027-06-18"],
    ["chậm nhất ngày thứ Tư, 09 tháng 6 năm 2027", "by", null, "2027-06-09"],
    ["ngày thứ Hai, 07/6/2027", "on", "2027-06-07", "2027-06-07"],
  ])("%s", (text, kind, start, due) => {
    expect(read(text)).toEqual([kind, start, due]);
  });
});
