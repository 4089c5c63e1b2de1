import { describe, expect, it } from "vitest";
import { parseDeadline } from "../../../src/core/deadlines/parse-deadline.js";
import { createSchoolCalendar } from "../../../src/core/deadlines/school-calendar.js";
import type { DeadlineContext } from "../../../src/core/deadlines/types.js";

const calendar = createSchoolCalendar();
const year2023: DeadlineContext = { calendar, calendarYear: 2023 };
const schoolYear2024: DeadlineContext = { calendar, schoolYearStart: 2024, issuedOn: "2024-09-20" };
const none: DeadlineContext = { calendar };

const ok = (text: string, ctx: DeadlineContext = year2023) => {
  const result = parseDeadline(text, ctx);
  if (!result.ok) throw new Error(`${text}: ${result.reason} ${result.detail}`);
  return [result.deadline.kind, result.deadline.start, result.deadline.due];
};

describe("parseDeadline", () => {
  it.each([
    ["Trước ngày 28/02/2023", "before", null, "2023-02-27"],
    ["Trước 05/02/2023", "before", null, "2023-02-04"],
    ["truoc ngay 01/03/2023", "before", null, "2023-02-28"],
    ["chậm nhất ngày 27 tháng 10 năm 2023", "by", null, "2023-10-27"],
    ["chậm nhất là ngày 10/11/2023", "by", null, "2023-11-10"],
    ["cham nhat 3/6/2024", "by", null, "2024-06-03"],
    ["hạn chót 15.4.2025", "by", null, "2025-04-15"],
    ["đến hết ngày 31-12-2023", "by", null, "2023-12-31"],
    ["Hạn chót nộp sáng kiến kinh nghiệm: 15/4/2025", "by", null, "2025-04-15"],
    ["ngày 20/11/2023", "on", "2023-11-20", "2023-11-20"],
    ["20/11/23", "on", "2023-11-20", "2023-11-20"],
    ["ngày 27 tháng 10 năm 2023", "on", "2023-10-27", "2023-10-27"],
    ["Từ ngày 15/6/2023 đến ngày 30/6/2023", "range", "2023-06-15", "2023-06-30"],
    ["Từ ngày 15/5/2024 - 28/5/2024", "range", "2024-05-15", "2024-05-28"],
    ["04/6/2024 – 07/6/2024", "range", "2024-06-04", "2024-06-07"],
    ["từ 21/5/2025 đến hết 28/5/2025", "range", "2025-05-21", "2025-05-28"],
    ["Từ ngày 15/5 - 28/5/2024", "range", "2024-05-15", "2024-05-28"],
    ["từ ngày 15 - 28/5/2024", "range", "2024-05-15", "2024-05-28"],
    ["Từ ngày 20/12/2023 đến ngày 10/01/2024", "range", "2023-12-20", "2024-01-10"],
    ["Tháng 01/2023", "month", "2023-01-01", "2023-01-31"],
    ["tháng 8 năm 2025", "month", "2025-08-01", "2025-08-31"],
    ["tháng 2/2024", "month", "2024-02-01", "2024-02-29"],
    ["Trong tháng 12", "month", "2023-12-01", "2023-12-31"],
    ["Quý I - 2023", "quarter", "2023-01-01", "2023-03-31"],
    ["quý II năm 2025", "quarter", "2025-04-01", "2025-06-30"],
    ["quý 3/2024", "quarter", "2024-07-01", "2024-09-30"],
    ["Quý IV", "quarter", "2023-10-01", "2023-12-31"],
    ["Trong học kỳ 2 năm học 2022 – 2023", "semester", "2023-01-15", "2023-05-24"],
    ["6 tháng đầu năm", "range", "2023-01-01", "2023-06-30"],
    ["6 tháng cuối năm 2024", "range", "2024-07-01", "2024-12-31"],
    ["**Theo Lịch của Cụm trưởng**", "unscheduled", null, null],
    ["thường xuyên", "unscheduled", null, null],
    ["Khi có yêu cầu", "unscheduled", null, null],
    ["định kỳ", "unscheduled", null, null],
  ])("%s → %s %s..%s", (text, kind, start, due) => {
    expect(ok(text)).toEqual([kind, start, due]);
  });

  it.each([
    ["hết năm học 2024 - 2025", "school_year", "2024-09-05", "2025-05-30"],
    ["học kỳ I", "semester", "2024-09-05", "2025-01-17"],
    ["HK2", "semester", "2025-01-18", "2025-05-24"],
    ["cuối năm học", "school_year", "2024-09-05", "2025-05-30"],
    ["Từ tháng 01 năm 2025 đến hết năm học 2024 - 2025", "range", "2025-01-01", "2025-05-30"],
    ["Từ nay đến hết năm 2024", "range", "2024-09-20", "2024-12-31"],
    ["trước ngày 20/10", "before", null, "2024-10-19"],
    ["chậm nhất ngày 15/3", "by", null, "2025-03-15"],
  ])("in a 2024–2025 school-year plan, %s → %s %s..%s", (text, kind, start, due) => {
    expect(ok(text, schoolYear2024)).toEqual([kind, start, due]);
  });

  it("keeps the document's words, without markup, as raw", () => {
    const result = parseDeadline("  chậm nhất **ngày 27 tháng 10   năm 2023**. ", year2023);
    expect(result.ok && result.deadline.raw).toBe("chậm nhất ngày 27 tháng 10 năm 2023.");
  });

  it("uses a school year's overrides", () => {
    const custom = createSchoolCalendar({ 2024: { yearEnd: "2025-05-29" } });
    const result = parseDeadline("hết năm học 2024 - 2025", { calendar: custom });
    expect(result.ok && result.deadline.due).toBe("2025-05-29");
  });

  it.each([
    ["31/02/2023", "impossible_date"],
    ["Trước ngày 30/02/2023", "impossible_date"],
    ["32/1/2023", "impossible_date"],
    ["tháng 13/2023", "impossible_date"],
    ["Từ ngày 30/6/2023 đến ngày 15/6/2023", "reversed_range"],
    ["năm học 2023 - 2025", "unknown_school_year"],
    ["", "empty"],
    ["  ** ", "empty"],
    ["sau khi có kết quả", "unrecognised"],
    ["khoảng giữa kỳ", "unrecognised"],
  ])("refuses %s (%s)", (text, reason) => {
    const result = parseDeadline(text, year2023);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe(reason);
      expect(result.detail.length).toBeGreaterThan(0);
    }
  });

  it("needs the document's year for a date without one", () => {
    expect(parseDeadline("trước ngày 20/10", none)).toMatchObject({ ok: false, reason: "missing_year" });
    expect(parseDeadline("học kỳ 2", none)).toMatchObject({ ok: false, reason: "unknown_school_year" });
  });
});
