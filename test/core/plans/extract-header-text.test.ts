import { describe, expect, it } from "vitest";
import { createSchoolCalendar, extractPlan } from "../../../src/core/index.js";
import { extractHeader } from "../../../src/core/plans/extract-header.js";
import { toPlanLines } from "../../../src/core/plans/plan-text.js";

// Headers of documents that arrive without a "Số:" line (issue 16, point 5): reposted notices and
// letters whose header table was lost, where the school year, the issuer and the date are in the text.
const header = (text: string) => extractHeader(toPlanLines(text));

describe("extractHeader from the text", () => {
  it("reads a reposted notice's school year, posting date and issuer from its first lines", () => {
    const h = header(
      [
        "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN THANH TRÌ",
        "",
        "Hướng dẫn đăng ký danh hiệu thi đua",
        "Ngày đăng: 03/10/2025",
        "",
        "Để chuẩn bị cho công tác thi đua năm học 2025-2026, đề nghị các trường đăng ký trước ngày 30-10.",
      ].join("\n"),
    );
    expect(h).toMatchObject({
      number: null,
      schoolYear: "2025-2026",
      issuedOn: "2025-10-03",
      issuer: "Phòng Giáo dục và Đào tạo huyện Thanh Trì",
    });
  });

  it("keeps an office code with a small letter in the number", () => {
    const h = header(
      [
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        "",
        "Số: 415/SGDĐT-GDTrH\tHà Giang, ngày 05 tháng 10 năm 2025",
        "V/v hội thi giáo viên",
      ].join("\n"),
    );
    expect(h.number).toBe("415/SGDĐT-GDTrH");
  });

  it("takes the lowest office line of the header block, under its UBND line", () => {
    const h = header(
      [
        "UBND QUẬN CẦU GIẤY",
        "TRƯỜNG TIỂU HỌC NGHĨA TÂN",
        "",
        "THÔNG BÁO",
        "Lịch bình xét thi đua cuối năm",
        "Thời gian: tháng 5 năm học 2024 - 25.",
      ].join("\n"),
    );
    expect(h.issuer).toBe("Trường Tiểu học Nghĩa Tân");
    expect(h.kind).toBe("THÔNG BÁO");
    expect(h.schoolYear).toBe("2024-2025");
  });

  it("writes abbreviations in a school's name as they are", () => {
    expect(header("TRƯỜNG THCS LÊ QUÝ ĐÔN\n\nKẾ HOẠCH\nThi đua học kỳ I").issuer).toBe(
      "Trường THCS Lê Quý Đôn",
    );
    expect(header("UBND THỊ XÃ SƠN TÂY\nPHÒNG GD&ĐT\n\nKẾ HOẠCH\nThi đua").issuer).toBe(
      "Phòng Giáo dục và Đào tạo thị xã Sơn Tây",
    );
  });

  it("reads the date of 'Đăng lúc 14:05 ngày …' and of a place line written with slashes", () => {
    expect(header("Tin nhà trường\nĐăng lúc 14:05 ngày 2-9-2025\n\nNội dung.").issuedOn).toBe("2025-09-02");
    expect(header("KẾ HOẠCH\nThi đua\nLong Biên, ngày 05/3/2025\n").issuedOn).toBe("2025-03-05");
    expect(header("KẾ HOẠCH\nThi đua\nLong Biên, ngày 05/3/2025\n").place).toBe("Long Biên");
  });

  it("keeps a calendar-year title's year: a school year in its text is not the plan's", () => {
    const h = header(
      "KẾ HOẠCH\nCông tác thi đua, khen thưởng năm 2025\n\nTổng kết các phong trào của năm học 2024-2025.",
    );
    expect(h.schoolYear).toBeNull();
  });

  it("states no school year when the years do not follow each other", () => {
    expect(header("Thông báo\nVề việc thi đua năm học 2024 - 2026\n").schoolYear).toBeNull();
  });

  it("leaves the issuer empty when no office is named in the first lines", () => {
    expect(header("Tin tức\nĐăng ngày 12/10/2024\nCác lớp thi đua sôi nổi.").issuer).toBeNull();
  });
});

describe("a reposted notice through extractPlan", () => {
  const calendar = createSchoolCalendar();

  it("dates a year-less deadline by the school year its text states", () => {
    const x = extractPlan(
      [
        "Trường Mầm non Hoa Mai thông báo đăng ký thi đua",
        "",
        "Căn cứ hướng dẫn của Phòng GDĐT, nhà trường triển khai đăng ký thi đua năm học 2024-2025.",
        "",
        "Thời gian đăng ký đến trước ngày 30-11. Hồ sơ nộp trực tiếp tại Văn phòng nhà trường.",
      ].join("\n"),
      { calendar },
    );
    expect(x.document.schoolYear).toBe("2024-2025");
    expect(x.deadlines.map((d) => [d.raw, d.kind, d.due])).toEqual([
      ["trước ngày 30-11", "before", "2024-11-29"],
    ]);
    expect(x.channels.map((c) => [c.kind, c.address])).toEqual([["in_person", "Văn phòng nhà trường"]]);
  });

  it("dates a year-less deadline by the posting date when no year is stated", () => {
    const x = extractPlan(
      [
        "Thông báo về việc nộp sáng kiến",
        "Ngày đăng: 12/01/2026",
        "",
        "Các tổ nộp sáng kiến chậm nhất ngày 20.3.",
      ].join("\n"),
      { calendar },
    );
    expect(x.document.issuedOn).toBe("2026-01-12");
    expect(x.deadlines.map((d) => [d.kind, d.due])).toEqual([["by", "2026-03-20"]]);
  });
});

describe("the calendar year of a notice that states it only in its opening", () => {
  it("dates a year-less deadline in the year the opening names", () => {
    const text = [
      "TRƯỜNG THCS NGUYỄN TRÃI",
      "THÔNG BÁO",
      "Về việc đăng ký dự thi giáo viên dạy giỏi cấp trường",
      "Thực hiện kế hoạch công tác năm 2025 của nhà trường, tổ chuyên môn thông báo như sau:",
      "Giáo viên đăng ký dự thi với tổ trưởng, thời gian đăng ký đến trước ngày 30-11.",
    ].join("\n\n");
    const deadline = extractPlan(text, { calendar: createSchoolCalendar() }).deadlines.find((d) =>
      d.raw.includes("30-11"),
    );
    expect(deadline?.due).toBe("2025-11-29");
  });
});
