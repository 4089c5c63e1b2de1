import ExcelJS from "exceljs";
import JSZip from "jszip";
import mammoth from "mammoth";
import { beforeAll, describe, expect, it } from "vitest";
import { createTranslator, type Translate } from "../../src/bot/i18n.js";
import {
  registrationDocx,
  registrationFileName,
  registrationsWorkbook,
  registrationXlsx,
} from "../../src/bot/registration/registration-files.js";
import { type Registration, registrationSchema } from "../../src/core/index.js";

// A school as a unit registers it: named Chiến sĩ thi đua and Bằng khen, Lao động tiên tiến by count,
// and a target typed with a leading "=" that a spreadsheet must not run.
const hoaSen: Registration = registrationSchema.parse({
  unitId: 7,
  unitName: "Trường Tiểu học Hoa Sen",
  schoolYear: "2024-2025",
  staff: 48,
  collective: ["co_thi_dua_tinh", "tap_the_lao_dong_xuat_sac"],
  individual: [
    { title: "lao_dong_tien_tien", count: 42, names: [] },
    {
      title: "chien_si_thi_dua_co_so",
      count: 3,
      names: ["Nguyễn Thị Hoà", "Trần Văn Đức", "Lê Ngọc Ánh"],
    },
    { title: "bang_khen_tinh", count: 1, names: ["Phạm Thị Thuỷ"] },
  ],
  targets: [
    "100% học sinh hoàn thành chương trình lớp học",
    "- Có 5 giáo viên đạt giáo viên dạy giỏi cấp quận",
    "=1+1 lớp đạt chuẩn thư viện xanh",
  ],
  initiatives: [
    { kind: "sang_kien", title: "Dạy đọc hiểu theo nhóm cho học sinh lớp 3", author: "Nguyễn Thị Hoà" },
    { kind: "sang_kien", title: "Sổ liên lạc điện tử với cha mẹ học sinh", author: "Trần Văn Đức" },
    { kind: "de_tai", title: "Tổ chức hoạt động trải nghiệm ở trường tiểu học" },
  ],
});

const context = {
  issuer: "Phòng Giáo dục và Đào tạo quận Gia Lâm",
  place: "Gia Lâm",
  today: "2024-09-25",
  submittedBy: "Lê Ngọc Ánh",
};

let t: Translate;
beforeAll(() => {
  t = createTranslator()("vi");
});

async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

function rowsOf(sheet: ExcelJS.Worksheet | undefined): string[][] {
  const rows: string[][] = [];
  sheet?.eachRow((row) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(row.getCell(c).text);
    rows.push(cells);
  });
  return rows;
}

// Word's text of the document, paragraph by paragraph, from its XML.
function paragraphsOf(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...(p[0] ?? "").matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""),
  );
}

describe("the registration's Word form", () => {
  let text: string;
  let xml: string;
  let paragraphs: string[];
  beforeAll(async () => {
    const bytes = await registrationDocx(hoaSen, context, t);
    text = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
    const zip = await JSZip.loadAsync(bytes);
    xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    paragraphs = paragraphsOf(xml);
  });

  it("opens the letter with the unit, the national heading, the date line, the title and the addressee", () => {
    expect(text).toContain("TRƯỜNG TIỂU HỌC HOA SEN");
    expect(text).toContain("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("Độc lập - Tự do - Hạnh phúc");
    expect(paragraphs).toContain("Gia Lâm, ngày 25 tháng 09 năm 2024");
    expect(paragraphs).toContain("BẢN ĐĂNG KÝ DANH HIỆU THI ĐUA NĂM HỌC 2024 - 2025");
    expect(paragraphs).toContain("Kính gửi: Phòng Giáo dục và Đào tạo quận Gia Lâm");
    expect(paragraphs).toContain(
      "Trường Tiểu học Hoa Sen đăng ký danh hiệu thi đua năm học 2024 - 2025 như sau:",
    );
    // The heading's two columns are a table whose lines are all switched off.
    const firstTable = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(xml)?.[0] ?? "";
    expect(firstTable).toContain("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(firstTable).toMatch(/<w:tblBorders>[\s\S]*w:val="none"/);
    expect(firstTable).not.toMatch(/w:val="single"/);
  });

  it("lists the collective titles in the sector's order, the individual counts, targets and initiatives", () => {
    const collective = paragraphs.indexOf("I. DANH HIỆU THI ĐUA TẬP THỂ");
    expect(collective).toBeGreaterThan(0);
    expect(paragraphs.slice(collective + 1, collective + 3)).toEqual([
      "- Tập thể lao động xuất sắc",
      "- Cờ thi đua của Ủy ban nhân dân tỉnh/thành phố",
    ]);
    expect(paragraphs).toContain("- Lao động tiên tiến: 42 người");
    expect(paragraphs).toContain("- Chiến sĩ thi đua cơ sở: 3 người");
    expect(paragraphs).toContain("- Bằng khen của Chủ tịch UBND tỉnh/thành phố: 1 người");
    expect(paragraphs).toContain("III. CHỈ TIÊU THI ĐUA");
    expect(paragraphs).toContain("- 100% học sinh hoàn thành chương trình lớp học");
    // The target typed as a list item keeps one marker, not two.
    expect(paragraphs).toContain("- Có 5 giáo viên đạt giáo viên dạy giỏi cấp quận");
    expect(paragraphs).toContain("- =1+1 lớp đạt chuẩn thư viện xanh");
    expect(paragraphs).toContain(
      "- Sáng kiến: Dạy đọc hiểu theo nhóm cho học sinh lớp 3 (tác giả: Nguyễn Thị Hoà)",
    );
    expect(paragraphs).toContain("- Đề tài: Tổ chức hoạt động trải nghiệm ở trường tiểu học");
  });

  it("signs off as the head of the unit, with the recipients", () => {
    expect(paragraphs.filter((p) => p === "THỦ TRƯỞNG ĐƠN VỊ")).toHaveLength(2);
    expect(paragraphs).toContain("(Ký, ghi rõ họ tên, đóng dấu)");
    expect(paragraphs).toContain("Nơi nhận:");
    expect(paragraphs).toContain("NGƯỜI LẬP BẢNG");
    expect(paragraphs).toContain("Lê Ngọc Ánh");
  });

  it("puts the individual table on a new page: one row per named person, then the titles by count", () => {
    const title = paragraphs.indexOf("BẢNG TỔNG HỢP ĐĂNG KÝ DANH HIỆU THI ĐUA CÁ NHÂN");
    expect(title).toBeGreaterThan(paragraphs.indexOf("THỦ TRƯỞNG ĐƠN VỊ"));
    expect(xml).toContain("<w:pageBreakBefore/>");
    expect(paragraphs).toContain("(Kèm theo Bản đăng ký danh hiệu thi đua của Trường Tiểu học Hoa Sen)");
    const table = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].find((m) => m[0].includes("Họ và tên"));
    const rows = [...(table?.[0] ?? "").matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
      paragraphsOf(row[0] ?? ""),
    );
    expect(rows).toEqual([
      ["STT", "Họ và tên", "Danh hiệu đăng ký", "Ghi chú"],
      ["1", "Nguyễn Thị Hoà", "Chiến sĩ thi đua cơ sở", ""],
      ["2", "Trần Văn Đức", "Chiến sĩ thi đua cơ sở", ""],
      ["3", "Lê Ngọc Ánh", "Chiến sĩ thi đua cơ sở", ""],
      ["4", "Phạm Thị Thuỷ", "Bằng khen của Chủ tịch UBND tỉnh/thành phố", ""],
      ["", "(số lượng)", "Lao động tiên tiến", "42 người"],
      ["Tổng số cán bộ, giáo viên, nhân viên", "48 người"],
    ]);
    expect(xml).toContain("<w:tblHeader/>");
  });

  it("is an A4 page with the decree's margins", () => {
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
  });

  it("leaves out characters Word cannot open", async () => {
    const typed = registrationSchema.parse({ ...hoaSen, targets: ["Giữ vững\u0007 trường chuẩn quốc gia"] });
    const bytes = await registrationDocx(typed, context, t);
    const raw = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
    expect(raw).toContain("- Giữ vững trường chuẩn quốc gia");
  });

  it("says so when nothing is registered, and leaves the addressee out when there is none", async () => {
    const bare = registrationSchema.parse({
      ...hoaSen,
      collective: [],
      individual: [],
      targets: [],
      initiatives: [],
    });
    const bytes = await registrationDocx(bare, { today: "2025-01-05" }, t);
    const zip = await JSZip.loadAsync(bytes);
    const shown = paragraphsOf((await zip.file("word/document.xml")?.async("string")) ?? "");
    expect(shown.filter((p) => p === "Không đăng ký.")).toHaveLength(4);
    expect(shown).toContain("Đơn vị không đăng ký danh hiệu thi đua cá nhân.");
    expect(shown).toContain("………, ngày 05 tháng 01 năm 2025");
    expect(shown.some((p) => p.startsWith("Kính gửi"))).toBe(false);
  });

  it("is typed in Times New Roman 13pt", async () => {
    const zip = await JSZip.loadAsync(await registrationDocx(hoaSen, context, t));
    const styles = (await zip.file("word/styles.xml")?.async("string")) ?? "";
    expect(styles).toMatch(/w:ascii="Times New Roman"/);
    expect(styles).toMatch(/<w:sz w:val="26"\/>/);
  });
});

describe("the registration's Excel summary", () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await loadWorkbook(await registrationXlsx(hoaSen, context, t));
  });

  it("has one sheet, Đăng ký, with a row per title, target and initiative", () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Đăng ký"]);
    const rows = rowsOf(workbook.getWorksheet("Đăng ký"));
    expect(rows[0]?.[0]).toBe("BẢN ĐĂNG KÝ DANH HIỆU THI ĐUA NĂM HỌC 2024 - 2025");
    // The blank row under the title is not read back.
    expect(rows.slice(1)).toEqual([
      ["Mục", "Nội dung", "Số lượng", "Họ và tên"],
      ["Đơn vị", "Trường Tiểu học Hoa Sen", "", ""],
      ["Năm học", "2024-2025", "", ""],
      ["Số cán bộ, giáo viên, nhân viên", "", "48", ""],
      ["Kính gửi", "Phòng Giáo dục và Đào tạo quận Gia Lâm", "", ""],
      ["Ngày lập", "25/09/2024", "", ""],
      ["Người gửi", "Lê Ngọc Ánh", "", ""],
      ["Danh hiệu tập thể", "Tập thể lao động xuất sắc", "", ""],
      ["Danh hiệu tập thể", "Cờ thi đua của Ủy ban nhân dân tỉnh/thành phố", "", ""],
      ["Danh hiệu cá nhân", "Lao động tiên tiến", "42", ""],
      ["Danh hiệu cá nhân", "Chiến sĩ thi đua cơ sở", "3", "Nguyễn Thị Hoà, Trần Văn Đức, Lê Ngọc Ánh"],
      ["Danh hiệu cá nhân", "Bằng khen của Chủ tịch UBND tỉnh/thành phố", "1", "Phạm Thị Thuỷ"],
      ["Chỉ tiêu thi đua", "100% học sinh hoàn thành chương trình lớp học", "", ""],
      ["Chỉ tiêu thi đua", "Có 5 giáo viên đạt giáo viên dạy giỏi cấp quận", "", ""],
      ["Chỉ tiêu thi đua", "'=1+1 lớp đạt chuẩn thư viện xanh", "", ""],
      ["Sáng kiến", "Dạy đọc hiểu theo nhóm cho học sinh lớp 3", "", "Nguyễn Thị Hoà"],
      ["Sáng kiến", "Sổ liên lạc điện tử với cha mẹ học sinh", "", "Trần Văn Đức"],
      ["Đề tài", "Tổ chức hoạt động trải nghiệm ở trường tiểu học", "", ""],
    ]);
  });

  it("stores counts as numbers and the '=' target as text, never as a formula", async () => {
    const sheet = workbook.getWorksheet("Đăng ký");
    let target: ExcelJS.Cell | undefined;
    sheet?.eachRow((row) => {
      row.eachCell((cell) => {
        if (String(cell.value).includes("1+1")) target = cell;
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      });
    });
    expect(target?.type).toBe(ExcelJS.ValueType.String);
    expect(target?.value).toBe("'=1+1 lớp đạt chuẩn thư viện xanh");
    expect(sheet?.getRow(6).getCell(3).value).toBe(48);
    const zip = await JSZip.loadAsync(await registrationXlsx(hoaSen, context, t));
    const sheetXml = (await zip.file("xl/worksheets/sheet1.xml")?.async("string")) ?? "";
    expect(sheetXml).not.toContain("<f>");
  });
});

describe("the officers' workbook of a school year", () => {
  const anDong: Registration = registrationSchema.parse({
    unitId: 9,
    unitName: "Trường Mầm non An Đông",
    schoolYear: "2024-2025",
    staff: 30,
    collective: ["tap_the_lao_dong_tien_tien"],
    individual: [
      { title: "lao_dong_tien_tien", count: 25, names: [] },
      { title: "chien_si_thi_dua_co_so", count: 1, names: ["Đặng Thu Hương"] },
    ],
    targets: [],
    initiatives: [{ kind: "sang_kien", title: "Góc chơi từ vật liệu tái chế", author: "Đặng Thu Hương" }],
  });
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await loadWorkbook(
      await registrationsWorkbook(
        [
          { registration: hoaSen, status: "submitted", submittedAt: new Date("2024-09-25T03:00:00Z") },
          // 23:30 UTC is already the next day in Hà Nội.
          { registration: anDong, status: "approved", submittedAt: new Date("2024-09-26T23:30:00Z") },
        ],
        t,
      ),
    );
  });

  it("has a row per unit on Tổng hợp, with a column per title and a total", () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Tổng hợp", "Cá nhân"]);
    const rows = rowsOf(workbook.getWorksheet("Tổng hợp"));
    expect(rows[0]?.slice(0, 6)).toEqual([
      "Đơn vị",
      "Năm học",
      "Số cán bộ, giáo viên, nhân viên",
      "Trạng thái",
      "Ngày gửi",
      "Danh hiệu tập thể",
    ]);
    expect(rows[0]?.[11]).toBe("Danh hiệu cá nhân (số người)");
    expect(rows[1]?.slice(5)).toEqual([
      "Tập thể lao động tiên tiến",
      "Tập thể lao động xuất sắc",
      "Cờ thi đua của Ủy ban nhân dân tỉnh/thành phố",
      "Cờ thi đua của Bộ Giáo dục và Đào tạo",
      "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh/thành phố",
      "Bằng khen của Bộ trưởng Bộ Giáo dục và Đào tạo",
      "Lao động tiên tiến",
      "Chiến sĩ thi đua cơ sở",
      "Chiến sĩ thi đua cấp tỉnh",
      "Chiến sĩ thi đua cấp Bộ",
      "Bằng khen của Chủ tịch UBND tỉnh/thành phố",
      "Bằng khen của Bộ trưởng Bộ GDĐT",
      "Số sáng kiến, đề tài",
    ]);
    expect(rows.slice(2)).toEqual([
      [
        "Trường Tiểu học Hoa Sen",
        "2024-2025",
        "48",
        "đã gửi, chờ duyệt",
        "25/09/2024",
        ...["", "x", "x", "", "", ""],
        ...["42", "3", "", "", "1", ""],
        "3",
      ],
      [
        "Trường Mầm non An Đông",
        "2024-2025",
        "30",
        "đã duyệt",
        "27/09/2024",
        ...["x", "", "", "", "", ""],
        ...["25", "1", "", "", "", ""],
        "1",
      ],
      [
        "Tổng cộng",
        "",
        "78",
        "",
        "",
        ...["1", "1", "1", "0", "0", "0"],
        ...["67", "4", "0", "0", "1", "0"],
        "4",
      ],
    ]);
    expect(workbook.getWorksheet("Tổng hợp")?.getRow(3).getCell(12).value).toBe(42);
  });

  it("lists every named person on Cá nhân", () => {
    expect(rowsOf(workbook.getWorksheet("Cá nhân"))).toEqual([
      ["STT", "Đơn vị", "Họ và tên", "Danh hiệu đăng ký"],
      ["1", "Trường Tiểu học Hoa Sen", "Nguyễn Thị Hoà", "Chiến sĩ thi đua cơ sở"],
      ["2", "Trường Tiểu học Hoa Sen", "Trần Văn Đức", "Chiến sĩ thi đua cơ sở"],
      ["3", "Trường Tiểu học Hoa Sen", "Lê Ngọc Ánh", "Chiến sĩ thi đua cơ sở"],
      ["4", "Trường Tiểu học Hoa Sen", "Phạm Thị Thuỷ", "Bằng khen của Chủ tịch UBND tỉnh/thành phố"],
      ["5", "Trường Mầm non An Đông", "Đặng Thu Hương", "Chiến sĩ thi đua cơ sở"],
    ]);
  });
});

describe("registrationFileName", () => {
  it("names the file DangKyThiDua_<unit>_<year> without a plan's rule", () => {
    expect(registrationFileName(hoaSen, "docx")).toBe("DangKyThiDua_TruongTieuHocHoaSen_2024-2025.docx");
    expect(registrationFileName({ ...hoaSen, unitName: "Trường THCS Đống Đa (cơ sở 2)" }, "xlsx")).toBe(
      "DangKyThiDua_TruongTHCSDongDaCoSo2_2024-2025.xlsx",
    );
  });

  it("follows the plan's rule, putting the unit in for its placeholder", () => {
    expect(registrationFileName(hoaSen, "docx", "TenDonVi_DangKyThiDua")).toBe(
      "TruongTieuHocHoaSen_DangKyThiDua.docx",
    );
    expect(registrationFileName(hoaSen, "xlsx", "Tên trường_DKTD_2025-2026")).toBe(
      "TruongTieuHocHoaSen_DKTD_2025-2026.xlsx",
    );
    expect(registrationFileName(hoaSen, "docx", "[Tên đơn vị]_ĐăngKý_Năm học.pdf")).toBe(
      "TruongTieuHocHoaSen_DangKy_2024-2025.docx",
    );
  });

  it("keeps to letters, digits, _ . and -", () => {
    for (const name of [
      registrationFileName(hoaSen, "docx"),
      registrationFileName(hoaSen, "xlsx", "Tên đơn vị / đăng ký: thi đua?"),
      registrationFileName({ ...hoaSen, unitName: "Trường Tiểu học Hoa Sen" }, "docx", "../../etc"),
    ])
      expect(name).toMatch(/^[A-Za-z0-9][A-Za-z0-9_.-]*\.(docx|xlsx)$/);
    expect(registrationFileName(hoaSen, "xlsx", "Tên đơn vị / đăng ký: thi đua?")).toBe(
      "TruongTieuHocHoaSen_dang_ky_thi_dua.xlsx",
    );
    expect(registrationFileName(hoaSen, "docx", "  ")).toBe(
      "DangKyThiDua_TruongTieuHocHoaSen_2024-2025.docx",
    );
  });
});
