import { describe, expect, it } from "vitest";
import { createSchoolCalendar, extractPlan } from "../../../src/core/index.js";
import { schoolMonthPlan } from "../../support/school-month-plan.js";

describe("a school's own plan with a month column and a deadline column", () => {
  const plan = extractPlan(schoolMonthPlan, { calendar: createSchoolCalendar() });

  it("dates each row by its deadline cell, read in the month of its rows", () => {
    const rows = plan.deadlines.filter((d) => d.source === "appendix");
    expect(rows.map((d) => [d.kind, d.start, d.due])).toEqual([
      ["by", null, "2026-10-07"],
      ["range", "2026-10-12", "2026-10-18"],
      ["month", "2026-11-01", "2026-11-30"],
    ]);
  });

  it("gives a council member listed again at the end their phone and duty", () => {
    const son = plan.contacts.find((c) => c.name === "Đỗ Văn Sơn");
    expect(son?.phone).toBe("0912 000 222");
    expect(son?.scope).toContain("hướng dẫn hồ sơ sáng kiến");
  });

  it("reads a folder per tổ, the clerk to hand paper to, and a system by its brand in brackets", () => {
    const addresses = plan.channels.map((c) => [c.address, c.audience ?? null]);
    expect(addresses).toContainEqual(["https://drive.google.com/drive/folders/HoaLuTo2", "Tổ 2"]);
    expect(addresses).toContainEqual([
      "phòng Văn thư (phòng B.01, tầng 1), gặp chị Mai Thị Lụa, văn thư",
      null,
    ]);
    expect(addresses).toContainEqual(["Hệ thống quản lý văn bản và điều hành (VNPT iOffice)", null]);
  });
});
