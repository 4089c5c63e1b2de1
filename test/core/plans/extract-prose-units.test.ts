import { describe, expect, it } from "vitest";
import { createSchoolCalendar, extractPlan } from "../../../src/core/index.js";

const calendar = createSchoolCalendar();
const unitsOf = (sentence: string) =>
  extractPlan(
    [
      "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN HOA LƯ",
      "",
      "KẾ HOẠCH",
      "",
      "Thi đua năm học 2025-2026",
      "",
      sentence,
    ].join("\n"),
    { calendar },
  ).deadlines.map((d) => [d.responsible, d.task]);

describe("who a sentence of the body asks to act", () => {
  it("keeps both kinds of units a request names across a semicolon ('yêu cầu A; đề nghị B …')", () => {
    expect(
      unitsOf(
        "Phòng Giáo dục và Đào tạo yêu cầu các trường mầm non; đề nghị các trường tiểu học nộp báo cáo sơ kết về Phòng trước ngày 12/12/2025.",
      ),
    ).toEqual([["các trường mầm non; các trường tiểu học", "Nộp báo cáo sơ kết về Phòng"]]);
  });

  it("takes only the last clause when the one before it is a request of its own", () => {
    expect(
      unitsOf(
        "Đề nghị các trường mầm non tổng hợp danh sách; đề nghị các trường tiểu học nộp báo cáo về Phòng trước ngày 12/12/2025.",
      ),
    ).toEqual([["các trường tiểu học", "Nộp báo cáo về Phòng"]]);
  });
});
