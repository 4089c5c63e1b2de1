import { describe, expect, it } from "vitest";
import { countFrom, findRelative } from "../../../src/core/deadlines/relative-deadline.js";
import { createSchoolCalendar, extractPlan } from "../../../src/core/index.js";
import { fold } from "../../../src/core/text/fold.js";

// A step counted in days from another ("chậm nhất 04 ngày làm việc sau khi kết thúc …") is due on the
// counted day when the plan dates the event it counts from, and stays unscheduled when it cannot.
const read = (lines: string[]) =>
  extractPlan(
    [
      "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH VẠN AN",
      "",
      "THÔNG BÁO",
      "",
      "Về việc tổng kết năm học 2025 – 2026",
      "",
      ...lines,
    ].join("\n"),
    {
      calendar: createSchoolCalendar(),
    },
  ).deadlines;

describe("counting days from an event", () => {
  it("reads the count, whether the days are working days, and the event", () => {
    expect(
      findRelative(
        fold("gửi lại hồ sơ trong vòng 04 ngày làm việc kể từ ngày nhận được ý kiến của tổ thẩm định."),
      ),
    ).toMatchObject({
      span: { days: 4, working: true, direction: "after", anchor: "nhan duoc y kien cua to tham dinh" },
    });
    expect(
      findRelative(fold("niêm yết chậm nhất 7 ngày trước Lễ tổng kết (dự kiến ngày 02/6/2026)"))?.span,
    ).toMatchObject({
      days: 7,
      working: false,
      direction: "before",
    });
    // A count with nothing to count from is not one.
    expect(findRelative(fold("trong 02 ngày, các trường hoàn thành việc chấm điểm"))).toBeNull();
  });

  it("skips weekends and fixed public holidays when it counts working days", () => {
    // Friday 24/04/2026 + 3 working days: Monday 27, Tuesday 28, Wednesday 29.
    expect(countFrom("2026-04-24", { days: 3, working: true, direction: "after" })).toBe("2026-04-29");
    // Wednesday 29/04/2026 + 2 working days: 30/4 and 1/5 are holidays, then the weekend: 4 and 5 May.
    expect(countFrom("2026-04-29", { days: 2, working: true, direction: "after" })).toBe("2026-05-05");
    expect(countFrom("2026-06-02", { days: 7, working: false, direction: "before" })).toBe("2026-05-26");
  });

  it("dates a table row counted from the end of another row, in a Markdown pipe table", () => {
    const deadlines = read([
      "III. LỊCH THỰC HIỆN",
      "",
      "| TT | Nội dung công việc | Đơn vị thực hiện | Thời hạn |",
      "|----|----|----|----|",
      "| 1 | Gửi báo cáo tổng kết | Các trường THPT; Phòng GDĐT | Trước 16h00 ngày 08/5/2026 |",
      "| 2 | Niêm yết danh sách đề nghị khen thưởng | Văn phòng Sở | Từ ngày 11/5 đến ngày 15/5/2026 |",
      "| 3 | Hoàn thiện hồ sơ theo góp ý | Đơn vị được yêu cầu | Chậm nhất 04 ngày làm việc sau khi kết thúc niêm yết tại mục 2 |",
      "",
      "IV. TỔ CHỨC THỰC HIỆN",
    ]);
    expect(deadlines.map((d) => [d.row, d.task, d.responsible, d.kind, d.due])).toEqual([
      [1, "Gửi báo cáo tổng kết", "Các trường THPT; Phòng GDĐT", "by", "2026-05-08"],
      [2, "Niêm yết danh sách đề nghị khen thưởng", "Văn phòng Sở", "range", "2026-05-15"],
      // Friday 15/05/2026 + 4 working days.
      [3, "Hoàn thiện hồ sơ theo góp ý", "Đơn vị được yêu cầu", "by", "2026-05-21"],
    ]);
  });

  it("dates a sentence counted from a meeting the plan dates, and leaves one counted from a decision to come unscheduled", () => {
    const deadlines = read([
      "2. Hội đồng thi đua ngành họp xét vào ngày 16/6/2026.",
      "",
      "3. Trường có hồ sơ bị trả lại nộp bổ sung chậm nhất 03 ngày làm việc kể từ ngày họp Hội đồng thi đua.",
      "",
      "4. Trường có giáo viên bị kỷ luật báo cáo về Sở trong vòng 05 ngày làm việc kể từ ngày có quyết định kỷ luật.",
    ]);
    const counted = deadlines.filter((d) => /ngày làm việc/u.test(d.raw));
    expect(counted.map((d) => [d.kind, d.due])).toEqual([
      ["by", "2026-06-19"],
      ["unscheduled", null],
    ]);
    // The meeting's own day stays an event of its own.
    expect(deadlines.some((d) => d.kind === "on" && d.due === "2026-06-16")).toBe(true);
  });

  it("does not give one day to a count from a step that runs over several days", () => {
    const deadlines = read([
      "| TT | Nội dung | Thời gian |",
      "|---|---|---|",
      "| 1 | Thẩm định và trả kết quả thẩm định cho từng trường | Từ ngày 18/5 đến ngày 22/5/2026 |",
      "| 2 | Bổ sung hồ sơ | Trong vòng 02 ngày làm việc kể từ ngày nhận kết quả thẩm định |",
    ]);
    expect(deadlines.map((d) => [d.row, d.kind, d.due])).toEqual([
      [1, "range", "2026-05-22"],
      [2, "unscheduled", null],
    ]);
  });
});
