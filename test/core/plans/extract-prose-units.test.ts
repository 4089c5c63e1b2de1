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

describe("duties grouped under 'Đối với …:' and the rules about who qualifies", () => {
  const deadlines = extractPlan(
    [
      "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH BẮC LÂM",
      "",
      "HƯỚNG DẪN",
      "",
      "Xét tặng danh hiệu năm học 2025-2026",
      "",
      "I. TIÊU CHUẨN",
      "",
      "1. Danh hiệu Giáo viên tiêu biểu",
      "",
      "a) Tiêu chuẩn: có ít nhất 02 năm đạt Chiến sĩ thi đua cơ sở (từ năm học 2020 - 2021 đến năm học 2024 - 2025).",
      "",
      "- Giáo viên đã chuyển công tác ra ngoài ngành trước ngày 15/5/2025 không thuộc đối tượng xét.",
      "",
      "II. NHIỆM VỤ CÁC ĐƠN VỊ",
      "",
      "1. Đăng ký",
      "",
      "Các đơn vị tổ chức cho cán bộ, giáo viên đăng ký danh hiệu.",
      "",
      "2. Thời hạn",
      "",
      "a) Đối với Phòng GDĐT:",
      "",
      "- Tổng hợp đăng ký của các trường trực thuộc, hoàn thành trước ngày 25/10/2025.",
      "",
      "- Nộp hồ sơ đề nghị của cấp huyện về Sở chậm nhất ngày 05/6/2026.",
      "",
      "b) Đối với các trường THPT:",
      "",
      "- Nộp hồ sơ đề nghị của trường về Sở chậm nhất ngày 29/5/2026.",
    ].join("\n"),
    { calendar },
  ).deadlines;

  it("gives each dash point the units its lettered heading names", () => {
    const by = (due: string) => deadlines.find((d) => d.due === due)?.responsible;
    expect(by("2025-10-24")).toBe("Phòng GDĐT");
    expect(by("2026-06-05")).toBe("Phòng GDĐT");
    expect(by("2026-05-29")).toBe("các trường THPT");
  });

  it("reads no step in a criterion's span of school years nor in who is ruled out", () => {
    expect(deadlines.map((d) => d.line).filter((line) => line < 15)).toEqual([]);
  });
});
