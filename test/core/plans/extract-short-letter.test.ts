import { describe, expect, it } from "vitest";
import { createSchoolCalendar, extractPlan } from "../../../src/core/index.js";
import { shortLetterPlan } from "../../support/short-letter-plan.js";

describe("a short letter's numbered steps, dated by level, by cụm and from the letter", () => {
  const plan = extractPlan(shortLetterPlan, { calendar: createSchoolCalendar() });
  const at = (line: number) =>
    plan.deadlines.filter((d) => d.line === line).map((d) => [d.task, d.responsible, d.kind, d.start, d.due]);

  it("counts days from receiving the letter from its own date, after the point's number", () => {
    expect(at(36)).toEqual([
      ["Các trường đăng ký sáng kiến qua biểu mẫu trực tuyến", "các trường", "by", null, "2025-12-06"],
    ]);
  });

  it("reads a weekday of a week of a month, and no 'Vào lúc' in the task", () => {
    expect(at(38)[0]?.[0]).toBe("Phòng GDĐT họp trực tuyến với các trường về cách tự chấm điểm");
    expect(at(40)).toEqual([
      // The first week of January 2026 is the one that holds its first Thursday, from Monday 29/12.
      ["Các trường họp Hội đồng sáng kiến cấp trường", "các trường", "by", null, "2025-12-29"],
    ]);
  });

  it("gives the point's step to each level in a bracket after its date, and to the level set apart", () => {
    expect(at(42)).toEqual([
      ["Nộp hồ sơ sơ kết học kỳ I (tiểu học)", "các trường tiểu học", "by", null, "2026-01-14"],
      ["Nộp hồ sơ sơ kết học kỳ I (THCS, TH&THCS)", "các trường THCS, TH&THCS", "by", null, "2026-01-16"],
      ["Nộp hồ sơ sơ kết học kỳ I (các trường mầm non)", "các trường mầm non", "before", null, "2026-01-09"],
    ]);
  });

  it("gives the point's step to each cụm a clause names", () => {
    expect(at(44).map(([task, who]) => [task, who])).toEqual([
      ["Họp sơ kết cụm thi đua (Cụm 2 và Cụm 3)", "Cụm 2 và Cụm 3"],
      ["Họp sơ kết cụm thi đua (Cụm 1)", "Cụm 1"],
    ]);
  });

  it("reads a table with a row per level and a column per step", () => {
    expect(at(49).map(([task, , kind, , due]) => [task, kind, due])).toEqual([
      ["Nộp báo cáo sơ kết – mầm non", "before", "2026-01-09"],
      ["Nộp hồ sơ sáng kiến – mầm non", "by", "2026-01-05"],
    ]);
  });

  it("names a list without where it is sent, and reads its forms' table by code", () => {
    const lists = plan.requirements.map((r) => [r.name, r.items]);
    expect(lists[0]?.[0]).toBe("Hồ sơ sơ kết học kỳ I");
    expect(lists).toContainEqual([
      "Hồ sơ đề nghị công nhận sáng kiến cấp huyện – biểu mẫu",
      [
        "Mẫu 01 – Đơn đề nghị công nhận sáng kiến: Tác giả ký",
        "Mẫu 02 – Báo cáo mô tả sáng kiến: Không quá 10 trang",
      ],
    ]);
  });
});
