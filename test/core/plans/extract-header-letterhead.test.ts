import { describe, expect, it } from "vitest";
import { createSchoolCalendar, extractPlan } from "../../../src/core/index.js";
import { readPlanFile } from "../../../src/core/plans/read-plan-file.js";
import { planTextToDocx } from "../../support/build-docx.js";
import { planTextToPdf } from "../../support/build-pdf.js";

// Letterheads exported from a Word table: the office on the left, the motto on the right, one tab between
// them on each line; a letter (công văn) has no kind heading, only its "V/v …" subject and "Kính gửi:".
const calendar = createSchoolCalendar();
const read = (lines: string[]) => extractPlan(lines.join("\n"), { calendar });
const motto = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "**Độc lập - Tự do - Hạnh phúc**"];

describe("the office a table-exported letterhead names", () => {
  it("names a province's department by the province, over the caption's short form", () => {
    const x = read([
      `UBND TỈNH QUẢNG TRỊ\t${motto[0]}`,
      `**SỞ GIÁO DỤC VÀ ĐÀO TẠO**\t${motto[1]}`,
      "",
      "Số: *57* /KH-SGDĐT\t*Quảng Trị, ngày 09 tháng 3 năm 2026*",
      "",
      "KẾ HOẠCH",
      "",
      "Thi đua chào mừng ngày Quốc tế Phụ nữ 8/3",
      "",
      "PHỤ LỤC",
      "(Kèm theo Kế hoạch số 57/KH-SGDĐT ngày 09/3/2026 của Sở GDĐT Quảng Trị)",
    ]);
    expect(x.document).toMatchObject({
      kind: "KẾ HOẠCH",
      number: "57/KH-SGDĐT",
      issuedOn: "2026-03-09",
      issuer: "Sở Giáo dục và Đào tạo Quảng Trị",
    });
  });

  it("writes the city that bears a man's name in full, and a numbered district as 'Quận 8'", () => {
    const city = read([
      `ỦY BAN NHÂN DÂN\t${motto[0]}`,
      `THÀNH PHỐ HỒ CHÍ MINH\t${motto[1]}`,
      "**SỞ GIÁO DỤC VÀ ĐÀO TẠO**\t",
      "",
      "KẾ HOẠCH",
      "Khen thưởng học sinh giỏi cấp thành phố",
    ]);
    expect(city.document.issuer).toBe("Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh");
    const district = read([
      `UBND QUẬN 8\t${motto[0]}`,
      `**PHÒNG GIÁO DỤC VÀ ĐÀO TẠO**\t${motto[1]}`,
      "Số: 412/HD-GDĐT\t*Thành phố Hồ Chí Minh, ngày 14 tháng 9 năm 2025*",
      "HƯỚNG DẪN",
      "Đăng ký thi đua năm học 2025 – 2026",
    ]);
    expect(district.document.issuer).toBe("Phòng Giáo dục và Đào tạo Quận 8");
  });

  it("names a commune's or ward's Phòng Văn hóa - Xã hội by its area (the 2025 reform)", () => {
    const commune = read([
      `UBND XÃ PHÙ ĐỔNG\t${motto[0]}`,
      `**PHÒNG VĂN HÓA - XÃ HỘI**\t${motto[1]}`,
      "Số: 15/KH-VHXH\t*Phù Đổng, ngày 03 tháng 11 năm 2025*",
      "KẾ HOẠCH",
      "Thi đua của các trường mầm non, tiểu học, trung học cơ sở trên địa bàn xã",
    ]);
    expect(commune.document).toMatchObject({
      number: "15/KH-VHXH",
      issuedOn: "2025-11-03",
      issuer: "Phòng Văn hóa - Xã hội xã Phù Đổng",
    });
    const ward = read([
      `ỦY BAN NHÂN DÂN\t${motto[0]}`,
      `PHƯỜNG TÂN ĐỊNH\t${motto[1]}`,
      "**PHÒNG VĂN HOÁ - XÃ HỘI**\t",
      "THÔNG BÁO",
      "Lịch xét duyệt hồ sơ khen thưởng",
    ]);
    expect(ward.document.issuer).toBe("Phòng Văn hóa - Xã hội phường Tân Định");
  });

  it("leaves out the short form a sentence defines for the office", () => {
    const x = read([
      "KẾ HOẠCH",
      "Thi đua năm 2026",
      "Nhằm cụ thể hóa nhiệm vụ năm 2026, Sở Giáo dục và Đào tạo (SGDĐT) ban hành Kế hoạch như sau:",
    ]);
    expect(x.document.issuer).toBe("Sở Giáo dục và Đào tạo");
  });
});

describe("a letter (công văn) without a kind heading", () => {
  const letter = [
    `UBND HUYỆN NGHĨA HƯNG\t${motto[0]}`,
    `**PHÒNG GIÁO DỤC VÀ ĐÀO TẠO**\t${motto[1]}`,
    "",
    "Số:  *236* /PGDĐT-VP\t*Nghĩa Hưng, ngày 21 tháng 4 năm 2025*",
    "V/v tổ chức bình xét danh hiệu thi đua cuối năm học 2024 – 2025\t",
    "",
    "Kính gửi: Hiệu trưởng các trường mầm non, tiểu học, trung học cơ sở.",
    "",
    "Các trường gửi hồ sơ về Phòng chậm nhất ngày 20/5/2025.",
  ];

  it("takes its subject, without 'V/v' and with a capital, as its title", () => {
    expect(read(letter).document).toMatchObject({
      kind: "CÔNG VĂN",
      number: "236/PGDĐT-VP",
      issuedOn: "2025-04-21",
      issuer: "Phòng Giáo dục và Đào tạo huyện Nghĩa Hưng",
      title: "Tổ chức bình xét danh hiệu thi đua cuối năm học 2024 – 2025",
      schoolYear: "2024-2025",
    });
  });

  it("is a công văn by its 'Kính gửi:' under a number that names no kind", () => {
    const x = read([
      `UBND TỈNH LÂM ĐỒNG\t${motto[0]}`,
      `**SỞ GIÁO DỤC VÀ ĐÀO TẠO**\t${motto[1]}`,
      "Số: 88/SGDĐT-TCCB\t*Lâm Đồng, ngày 02 tháng 12 năm 2025*",
      "Kính gửi: Các đơn vị trực thuộc.",
      "Sở đề nghị các đơn vị rà soát hồ sơ khen thưởng.",
    ]);
    expect(x.document.kind).toBe("CÔNG VĂN");
  });

  it("reads the same header from a Word file and a PDF made from it", async () => {
    const text = [
      `ỦY BAN NHÂN DÂN\t${motto[0]}`,
      `THÀNH PHỐ BẢO LỘC\t${motto[1]}`,
      "**PHÒNG GIÁO DỤC VÀ ĐÀO TẠO**\t",
      "",
      "Số: *309* /GDĐT-TĐKT\t*Bảo Lộc, ngày 11 tháng 5 năm 2025*",
      "V/v hướng dẫn hồ sơ đề nghị khen thưởng năm học 2024 – 2025\t",
      "",
      "Kính gửi: Hiệu trưởng các trường trực thuộc.",
      "",
      "Các trường nộp hồ sơ trước ngày 30/5/2025.",
      "",
    ].join("\n");
    const fromText = extractPlan(text, { calendar }).document;
    expect(fromText).toMatchObject({
      kind: "CÔNG VĂN",
      issuer: "Phòng Giáo dục và Đào tạo thành phố Bảo Lộc",
      title: "Hướng dẫn hồ sơ đề nghị khen thưởng năm học 2024 – 2025",
    });
    const files = [
      { name: "cv.docx", bytes: await planTextToDocx(text, { numbering: true }) },
      { name: "cv.pdf", bytes: await planTextToPdf(text) },
    ];
    for (const file of files) {
      const document = extractPlan((await readPlanFile(file)).text, { calendar }).document;
      expect(document, file.name).toEqual(fromText);
    }
  });
});
