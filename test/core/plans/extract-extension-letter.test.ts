import { describe, expect, it } from "vitest";
import { createSchoolCalendar, extractPlan } from "../../../src/core/index.js";
import { resolveAudience } from "../../../src/core/units/audience.js";
import { extensionLetterPlan } from "../../support/extension-letter-plan.js";

describe("a Sở letter that extends deadlines and names the next steps", () => {
  const plan = extractPlan(extensionLetterPlan, { calendar: createSchoolCalendar() });
  const at = (line: number) =>
    plan.deadlines.filter((d) => d.line === line).map((d) => [d.task, d.responsible, d.kind, d.due]);

  it("keeps only the extended date, as the papers' step, and reads 'gia hạn đến <hour> ngày' as a limit", () => {
    expect(at(10)).toEqual([
      ["Gửi hồ sơ đề nghị Bằng khen của Chủ tịch UBND tỉnh (gia hạn)", null, "by", "2027-06-10"],
    ]);
    expect(at(12)).toEqual([
      ["Gửi hồ sơ đề nghị Cờ thi đua của UBND tỉnh (gia hạn)", null, "by", "2027-06-09"],
    ]);
  });

  it("takes no step from the reason in brackets, and does not pass units named by name to the next point", () => {
    expect(at(14)).toEqual([
      [
        expect.stringContaining("được gửi bản giấy"),
        "Trường THPT Sông Lam và Phòng GDĐT huyện Đồi Thông",
        "by",
        "2027-06-14",
      ],
    ]);
    expect(at(16)[0]?.[1]).toBeNull();
  });

  it("reads the next steps: a weekday before the colon, a count from the day results are published, the middle of a month", () => {
    expect(at(46)).toEqual([
      ["Hội đồng Thi đua - Khen thưởng Sở họp xét", "Hội đồng Thi đua - Khen thưởng Sở", "on", "2027-06-21"],
    ]);
    expect(at(50)[0]?.slice(2)).toEqual(["by", "2027-06-25"]);
    expect(plan.deadlines.find((d) => d.line === 52)).toMatchObject({ kind: "month", due: "2027-08-31" });
  });

  it("reads a dossier under a lead of dossiers, and one under a numbered award", () => {
    expect(plan.requirements.map((r) => [r.name, r.items.length])).toEqual([
      ["Hồ sơ đề nghị Bằng khen của Chủ tịch UBND tỉnh", 2],
      ["Hồ sơ đề nghị danh hiệu “Tập thể lao động xuất sắc”", 2],
    ]);
  });

  it("gives each lettered e-mail its level, and reads post sent by 'đường bưu chính'", () => {
    expect(plan.channels.map((c) => [c.kind, c.audience ?? null])).toEqual([
      ["email", "Mầm non"],
      ["email", "Tiểu học"],
      ["email", "THCS, TH và THCS"],
      ["post", null],
    ]);
    expect(resolveAudience("THCS, TH và THCS", null)).toEqual(["lien_cap", "thcs"]);
  });

  it("reads a council's secretary listed with dashes, and what a closing sentence asks each person about", () => {
    expect(plan.contacts.slice(2).map((c) => [c.name, c.title ?? null, c.scope])).toEqual([
      ["Lò Thị Sen", "Nhân viên văn thư – Thư ký Hội đồng", "nhận hồ sơ giấy, lập biên bản; biểu mẫu"],
      ["Mã Văn Tú", null, "đường truyền"],
    ]);
  });

  it("gives a step of the Sở's own departments to the Sở's units", () => {
    expect(resolveAudience("các phòng thuộc cơ quan Sở", "Sở Giáo dục và Đào tạo tỉnh Hà Lam")).toEqual([
      "so",
    ]);
  });

  it("names each level of a step's points as written, the school of two levels among them", () => {
    expect(at(70)[0]?.[0]).toBe("Các trường gửi báo cáo sơ kết về Sở (mầm non)");
    expect(at(72)[0]?.slice(0, 2)).toEqual([
      "Các trường gửi báo cáo sơ kết về Sở (THCS, TH và THCS)",
      "các trường THCS, TH và THCS",
    ]);
  });

  it("reads a hotline as a contact to call", () => {
    expect(plan.contacts[0]).toMatchObject({
      name: "Đường dây nóng Phòng Thi đua",
      scope: "giờ hành chính",
      phone: "0912 700 800",
    });
  });
});
