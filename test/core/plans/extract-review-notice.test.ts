import { describe, expect, it } from "vitest";
import { createSchoolCalendar, extractPlan } from "../../../src/core/index.js";
import { reviewNoticePlan } from "../../support/review-notice-plan.js";

describe("a school council's schedule of tổ meetings", () => {
  const plan = extractPlan(reviewNoticePlan, { calendar: createSchoolCalendar() });
  const rows = plan.deadlines.filter((d) => d.line >= 17 && d.line <= 20);

  it("gives each row to its tổ, with who chairs among its details", () => {
    expect(rows.map((d) => d.responsible)).toEqual(["Tổ Toán", "Tổ Tin học", "Tổ Ngữ văn", "Tổ Ngoại ngữ"]);
    expect(rows[0]?.task).toBe(
      "Họp tổ bình xét (Tổ Toán) – Phòng họp: P.201; Chủ trì: Hà Văn Nam (Tổ trưởng)",
    );
  });

  it("reads a lesson period before a weekday and its day in brackets, a merged cell and 'nt' as the row above, and a row a note moves", () => {
    expect(rows.map((d) => [d.kind, d.due, d.raw])).toEqual([
      ["on", "2027-05-18", "Tiết 4, thứ Ba (18/5)"],
      ["on", "2027-05-18", "Tiết 4, thứ Ba (18/5)"],
      ["on", "2027-05-20", "14h00 chiều 19/5, chuyển sang 7h30 thứ Năm 20/5/2027"],
      ["on", "2027-05-19", "14h00 chiều 19/5"],
    ]);
  });

  it("reads a span that ends at an hour, and a form filled in as a way to send", () => {
    expect(plan.deadlines.find((d) => d.line === 11)).toMatchObject({
      kind: "range",
      start: "2027-05-03",
      due: "2027-05-12",
    });
    expect(plan.channels.map((c) => [c.kind, c.address])).toEqual([
      ["system", "https://forms.gle/HoaLacTD2627"],
    ]);
  });

  it("reads the days that open a numbered point, past its number", () => {
    expect(plan.deadlines.find((d) => d.line === 26)).toMatchObject({
      kind: "range",
      start: "2027-05-20",
      due: "2027-05-21",
      task: "Tổ trưởng nộp biên bản họp tổ cho Thư ký Hội đồng",
    });
  });
});
