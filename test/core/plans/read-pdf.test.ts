import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ThiduaError } from "../../../src/core/errors.js";
import { createSchoolCalendar, extractPlan } from "../../../src/core/index.js";
import { toExpectedShape } from "../../../src/core/plans/expected-shape.js";
import { readPlanFile } from "../../../src/core/plans/read-plan-file.js";
import { imageOnlyPdf, planTextToPdf } from "../../support/build-pdf.js";

const plansDir = new URL("../../../../shared/plans/", import.meta.url);
const samples = readdirSync(plansDir)
  .filter((f) => /^\d{3}_.*\.txt$/.test(f))
  .sort();
const calendar = createSchoolCalendar();

// Line numbers follow each format's own line breaks (a PDF paragraph is one line, the export may differ),
// so they are left out; everything the officer sees is compared.
function withoutLines(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutLines);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== "line" && key !== "lines")
        .map(([key, v]) => [key, withoutLines(v)]),
    );
  }
  return value;
}
const shape = (text: string) => withoutLines(toExpectedShape(extractPlan(text, { calendar }), "plan"));

async function readPdf(text: string, options: Parameters<typeof planTextToPdf>[1] = {}) {
  return readPlanFile({ name: "ke-hoach.pdf", bytes: await planTextToPdf(text, options) });
}

async function refusal(promise: Promise<unknown>): Promise<ThiduaError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ThiduaError)) throw new Error(`expected a ThiduaError, got ${String(error)}`);
  return error;
}

describe("reading a PDF plan", () => {
  it.each(samples)(
    "extracts from a PDF of %s what it extracts from the text",
    async (file) => {
      const text = readFileSync(new URL(file, plansDir), "utf8");
      const pdf = await readPdf(text, {
        header: "Ngành Giáo dục và Đào tạo",
        footer: "Trang {page}/{pages}",
      });
      expect(pdf.format).toBe("pdf");
      expect(shape(pdf.text)).toEqual(shape(text));
    },
    30_000,
  );

  it("rebuilds a table's rows from column positions, wrapped cells and merged rows included", async () => {
    const text = [
      "PHỤ LỤC",
      "",
      "STT\tNội dung công việc\tBộ phận thực hiện\tThời hạn",
      "Học kỳ I\t\t\t",
      "1.\tRà soát danh sách giáo viên đăng ký danh hiệu Chiến sĩ thi đua cơ sở, gửi kèm biên bản họp tổ chuyên môn và bản tự nhận xét\tTổ chuyên môn Toán - Tin\tTrước 15/11/2024",
      "2.\tNop bao cao so ket hoc ky\tVan phong nha truong\tTuần 19",
    ].join("\n");
    const { text: read } = await readPdf(text);
    const rows = read.split("\n").filter((l) => l.includes("\t"));
    expect(rows).toEqual([
      "STT\tNội dung công việc\tBộ phận thực hiện\tThời hạn",
      "Học kỳ I\t\t\t",
      "1.\tRà soát danh sách giáo viên đăng ký danh hiệu Chiến sĩ thi đua cơ sở, gửi kèm biên bản họp tổ chuyên môn và bản tự nhận xét\tTổ chuyên môn Toán - Tin\tTrước 15/11/2024",
      "2.\tNop bao cao so ket hoc ky\tVan phong nha truong\tTuần 19",
    ]);
  });

  it("keeps a merged row right under a header whose short cells are centred", async () => {
    const text = [
      "IV. LỊCH THỰC HIỆN",
      "",
      "Thời gian\tNội dung\tĐơn vị thực hiện",
      "GIAI ĐOẠN 1: ĐĂNG KÝ VÀ XÉT DUYỆT\t\t",
      "Từ nay đến 20/3/2027\tCác trường rà soát và lập danh sách đề nghị\tCác trường tiểu học",
      "Trước 16h00 ngày 02/4/2027\tĐăng ký danh sách trên hệ thống của Phòng\tCác trường mầm non",
    ].join("\n");
    const { text: read } = await readPdf(text);
    expect(read.split("\n").filter((l) => l.includes("\t"))).toEqual(
      text.split("\n").filter((l) => l.includes("\t")),
    );
  });

  it("joins a paragraph's wrapped lines and keeps paragraphs apart", async () => {
    const long =
      "Các trường mầm non, tiểu học và trung học cơ sở trên địa bàn huyện hoàn thiện hồ sơ đề nghị khen thưởng, " +
      "nộp về Phòng Giáo dục và Đào tạo qua hệ thống quản lý văn bản chậm nhất ngày 20/5/2025 để tổng hợp.";
    const { text } = await readPdf(`${long}\n\n- Gui kem danh sach trich ngang.\n`);
    expect(text).toBe(`${long}\n\n- Gui kem danh sach trich ngang.\n`);
  });

  it("drops running headers, page numbers and a signature's stamp text", async () => {
    const units = [
      "Trường Mầm non Hoa Sen",
      "Truong Tieu hoc Kim Chung",
      "Trường THCS Uy Nỗ",
      "Trường Tiểu học Vân Nội",
    ];
    // Numbered rows that read alike, each at the top or bottom of some page, must survive.
    const body = Array.from(
      { length: 60 },
      (_, i) =>
        `${i + 1}. ${units[i % units.length]} báo cáo kết quả phong trào thi đua tháng ${(i % 12) + 1}, ` +
        "kèm danh sách cá nhân tiêu biểu và minh chứng, gửi bộ phận văn phòng để tổng hợp trình Hội đồng.\n",
    ).join("\n");
    const text = `${body}\nKT. TRƯỞNG PHÒNG\n\nLê Thị Hồng Nhung\n`;
    const { text: read } = await readPdf(text, {
      header: "UBND HUYỆN ĐÔNG ANH - PHÒNG GIÁO DỤC VÀ ĐÀO TẠO",
      footer: "Trang {page}/{pages}",
      stampAfter: "Lê Thị Hồng Nhung",
    });
    expect(read).not.toMatch(/UBND HUYỆN ĐÔNG ANH|Trang \d|Người ký|Thời gian ký|vanthu\.so|Cơ quan:/u);
    expect(read.split("\n").filter((l) => l !== "")).toEqual(text.split("\n").filter((l) => l !== ""));
  });

  it("refuses a PDF with no text layer and says so", async () => {
    const error = await refusal(readPlanFile({ name: "scan.pdf", bytes: await imageOnlyPdf() }));
    expect(error).toMatchObject({
      code: "input_invalid",
      messageKey: "errors.plan_pdf_no_text",
      params: { name: "scan.pdf" },
    });
  });

  it("refuses a password-protected PDF with its own message", async () => {
    const bytes = await planTextToPdf("KẾ HOẠCH\n\nNộp hồ sơ trước ngày 10/11/2024.\n", {
      userPassword: "mat-khau",
    });
    const error = await refusal(readPlanFile({ name: "mat.pdf", bytes }));
    expect(error).toMatchObject({ code: "input_invalid", messageKey: "errors.plan_pdf_encrypted" });
  });

  it("refuses a .pdf that is not a PDF", async () => {
    const bytes = new TextEncoder().encode("KẾ HOẠCH thi đua năm học 2024 - 2025\n");
    const error = await refusal(readPlanFile({ name: "ke-hoach.pdf", bytes }));
    expect(error.messageKey).toBe("errors.plan_file_type");
  });

  it("has vi and en texts for its refusals", () => {
    for (const lang of ["vi", "en"]) {
      const { errors } = JSON.parse(
        readFileSync(new URL(`../../../locales/${lang}/translation.json`, import.meta.url), "utf8"),
      ) as { errors: Record<string, string> };
      expect(errors.plan_pdf_no_text).toContain("{{name}}");
      expect(errors.plan_pdf_encrypted).toContain("{{name}}");
      expect(errors.plan_file_type).toContain(".pdf");
    }
  });
});
