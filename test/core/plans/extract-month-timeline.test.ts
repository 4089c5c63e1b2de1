import { describe, expect, it } from "vitest";
import { createSchoolCalendar, extractPlan } from "../../../src/core/index.js";

// A school's own timeline by month: the month only in its first row, and each row's day written at the
// start of the task cell, before a colon.
const read = (lines: string[]) => extractPlan(lines.join("\n"), { calendar: createSchoolCalendar() });

const plan = [
  "TRƯỜNG THCS LÊ LỢI",
  "",
  "KẾ HOẠCH",
  "",
  "Thi đua, khen thưởng năm học 2025 – 2026",
  "",
  "IV. LỊCH THỰC HIỆN",
  "",
  "Tháng\tCông việc\tNgười thực hiện",
  "Tháng 10/2025\tThứ Tư, ngày 08/10, 15h30: họp tổ trưởng phổ biến kế hoạch\tHiệu trưởng",
  "\tChậm nhất ngày 17/10: các tổ gửi phiếu đăng ký thi đua của tổ (mẫu 01)\tTổ trưởng",
  "\tTuần 4 (từ 20/10 đến 24/10): chấm chéo hồ sơ giữa các tổ\tTổ trưởng",
  "Tháng 01/2026\tTrong tháng: kiểm tra nội bộ hồ sơ chuyên môn\tBan kiểm tra",
  "\tSau khi có kết quả thi học sinh giỏi cấp huyện: tổ Toán báo cáo thành tích\tTổ Toán",
  "\tHạn cuối 16 giờ ngày 23/01 (thứ Sáu): các tổ nộp báo cáo sơ kết\tTổ trưởng",
  "Tháng 3/2026\tHội thảo chuyên đề định kỳ hằng tháng: dự giờ, góp ý\tTổ trưởng",
  "",
  "V. TỔ CHỨC THỰC HIỆN",
];

describe("a timeline by month with each row's day in its task cell", () => {
  const rows = read(plan).deadlines.filter((d) => d.line >= 10 && d.line <= 16);
  const shown = rows.map((d) => [d.line, d.kind, d.start, d.due, d.task]);

  it("takes the day before the colon, under the month written above it", () => {
    expect(shown.slice(0, 3)).toEqual([
      [10, "on", "2025-10-08", "2025-10-08", "Họp tổ trưởng phổ biến kế hoạch"],
      [11, "by", null, "2025-10-17", "Các tổ gửi phiếu đăng ký thi đua của tổ (mẫu 01)"],
      [12, "range", "2025-10-20", "2025-10-24", "Chấm chéo hồ sơ giữa các tổ"],
    ]);
  });

  it("keeps the month for 'Trong tháng', reads an event it waits for, and a later row's own day", () => {
    expect(shown.slice(3, 6)).toEqual([
      [13, "month", "2026-01-01", "2026-01-31", "Kiểm tra nội bộ hồ sơ chuyên môn"],
      [14, "unscheduled", null, null, "Tổ Toán báo cáo thành tích"],
      [15, "by", null, "2026-01-23", "Các tổ nộp báo cáo sơ kết"],
    ]);
  });

  it("leaves a task that only names a schedule word under its month", () => {
    expect(shown[6]).toEqual([
      16,
      "month",
      "2026-03-01",
      "2026-03-31",
      "Hội thảo chuyên đề định kỳ hằng tháng: dự giờ, góp ý",
    ]);
  });
});
