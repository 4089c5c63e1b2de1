import { readdirSync, readFileSync } from "node:fs";
import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
} from "docx";
import { describe, expect, it } from "vitest";
import { createSchoolCalendar, extractPlan, toExpectedShape } from "../../../src/core/index.js";
import { docxToPlanText } from "../../../src/core/plans/read-docx.js";
import { planNumbering, planTextToDocx } from "../../support/build-docx.js";

const plansDir = new URL("../../../../shared/plans/", import.meta.url);
const samples = readdirSync(plansDir)
  .filter((f) => /^\d{3}_.*\.txt$/.test(f))
  .sort();
const calendar = createSchoolCalendar();

// Word keeps no empty paragraphs, so runs of blank lines are squeezed on both sides before comparing.
const squeeze = (text: string) => `${text.replace(/\n{3,}/g, "\n\n").trim()}\n`;
const extraction = (text: string) => extractPlan(squeeze(text), { calendar });

const lvl = (level: number, format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => ({
  level,
  format,
  text,
  alignment: AlignmentType.LEFT,
});
// Real numbering definitions: "1." over "a)", and the Symbol-font bullet Word inserts by default over "o".
const numbering = {
  config: [
    ...planNumbering.config,
    {
      reference: "outline",
      levels: [lvl(0, LevelFormat.DECIMAL, "%1."), lvl(1, LevelFormat.LOWER_LETTER, "%2)")],
    },
    { reference: "symbol", levels: [lvl(0, LevelFormat.BULLET, "\uf0b7"), lvl(1, LevelFormat.BULLET, "o")] },
    { reference: "chapters", levels: [lvl(0, LevelFormat.UPPER_ROMAN, "%1.")] },
  ],
};
const docxOf = async (children: (Paragraph | Table)[]) =>
  new Uint8Array(await Packer.toBuffer(new Document({ numbering, sections: [{ children }] })));
const item = (text: string, reference: string, level = 0, instance?: number) =>
  new Paragraph({ text, numbering: { reference, level, ...(instance === undefined ? {} : { instance }) } });

describe("docxToPlanText with Word lists", () => {
  it("writes decimal and lowerLetter levels as the reader sees them, letters restarting under each number", async () => {
    const back = await docxToPlanText(
      await docxOf([
        item("Đối với tập thể", "outline", 0),
        item("Tập thể lao động xuất sắc", "outline", 1),
        item("Giấy khen của Hiệu trưởng", "outline", 1),
        item("Đối với cá nhân", "outline", 0),
        item("Chiến sĩ thi đua cơ sở", "outline", 1),
      ]),
    );
    expect(back.split("\n").filter(Boolean)).toEqual([
      "1. Đối với tập thể",
      "a) Tập thể lao động xuất sắc",
      "b) Giấy khen của Hiệu trưởng",
      "2. Đối với cá nhân",
      "a) Chiến sĩ thi đua cơ sở",
    ]);
  });

  it('writes "-" and "+" bullets by level, and other glyphs (, o) as "-" over "+"', async () => {
    const back = await docxToPlanText(
      await docxOf([
        item("Bao cao thanh tich", "bullets", 0),
        item("ban chinh", "bullets", 1),
        item("Bien ban hop xet", "symbol", 0),
        item("co chu ky", "symbol", 1),
      ]),
    );
    expect(back).toBe("- Bao cao thanh tich\n\n+ ban chinh\n\n- Bien ban hop xet\n\n+ co chu ky\n");
  });

  it("keeps counting across other paragraphs and restarts a new list (instance) at 1", async () => {
    const back = await docxToPlanText(
      await docxOf([
        item("Rà soát danh sách", "decimal", 0, 1),
        new Paragraph("Ghi chú giữa hai mục."),
        item("Gửi danh sách", "decimal", 0, 1),
        item("Họp hội đồng", "decimal", 0, 2),
      ]),
    );
    expect(back).toBe(
      "1. Rà soát danh sách\n\nGhi chú giữa hai mục.\n\n2. Gửi danh sách\n\n1. Họp hội đồng\n",
    );
  });

  it("keeps a list inside a table cell in the cell's text, markers included", async () => {
    const cell = (children: Paragraph[]) => new TableCell({ children });
    const back = await docxToPlanText(
      await docxOf([
        new Table({
          rows: [
            new TableRow({
              children: [
                cell([new Paragraph("1")]),
                cell([
                  new Paragraph("Hồ sơ gồm:"),
                  item("Tờ trình", "bullets", 0),
                  item("Biên bản họp", "bullets", 0),
                  item("02 bản", "bullets", 1),
                ]),
                cell([new Paragraph("Trước 15/5")]),
              ],
            }),
          ],
        }),
      ]),
    );
    expect(back).toBe("1\tHồ sơ gồm: - Tờ trình - Biên bản họp + 02 bản\tTrước 15/5\n");
  });

  it("keeps the number of an automatically numbered heading, so its section is found", async () => {
    const heading = (text: string) =>
      new Paragraph({
        text,
        heading: HeadingLevel.HEADING_1,
        numbering: { reference: "chapters", level: 0 },
      });
    const text = await docxToPlanText(
      await docxOf([
        new Paragraph("KẾ HOẠCH"),
        new Paragraph("Tổ chức phong trào thi đua năm học 2025-2026"),
        heading("MỤC ĐÍCH, YÊU CẦU"),
        new Paragraph("Động viên cán bộ, giáo viên thi đua dạy tốt."),
        heading("NỘI DUNG THI ĐUA"),
        item("Thi đua dạy tốt, học tốt", "decimal", 0, 1),
      ]),
    );
    expect(text).toContain("\nI. MỤC ĐÍCH, YÊU CẦU\n");
    const sections = extractPlan(text, { calendar }).sections;
    expect(sections.map((s) => [s.numbering, s.heading, s.parent])).toEqual([
      ["I", "MỤC ĐÍCH, YÊU CẦU", null],
      ["II", "NỘI DUNG THI ĐUA", null],
      ["1", "Thi đua dạy tốt, học tốt", 1],
    ]);
    const plain = [
      "KẾ HOẠCH",
      "Tổ chức phong trào thi đua năm học 2025-2026",
      "I. MỤC ĐÍCH, YÊU CẦU",
      "Động viên cán bộ, giáo viên thi đua dạy tốt.",
      "II. NỘI DUNG THI ĐUA",
      "1. Thi đua dạy tốt, học tốt",
    ].join("\n\n");
    expect(sections).toEqual(extraction(plain).sections);
  });

  it("finds every item of a dossier list made with Word bullets, as from the text", async () => {
    const items = [
      "Tờ trình đề nghị khen thưởng của đơn vị",
      "Biên bản họp Hội đồng Thi đua - Khen thưởng",
      "Báo cáo thành tích của tập thể, cá nhân",
      "Bản sao quyết định công nhận sáng kiến",
      "Danh sách trích ngang (file Excel)",
    ];
    const plain = [
      "3. Hồ sơ đề nghị",
      "Nộp hồ sơ thi đua về Phòng Giáo dục và Đào tạo huyện Hải Hậu, gồm:",
      ...items.map((i) => `- ${i}`),
      "+ 02 bản gốc",
    ].join("\n\n");
    const fromDocx = extractPlan(await docxToPlanText(await planTextToDocx(plain, { numbering: true })), {
      calendar,
    });
    expect(fromDocx.requirements).toEqual(extraction(plain).requirements);
    expect(fromDocx.requirements).toHaveLength(1);
    expect(fromDocx.requirements[0]?.items).toEqual([...items, "02 bản gốc"]);
  });

  it.each(samples)("extracts %s from a .docx with Word numbering as from its text", async (file) => {
    const text = readFileSync(new URL(file, plansDir), "utf8");
    const bytes = await planTextToDocx(text, { numbering: true });
    // The file really holds Word numbering: its markers are not in the paragraphs' text.
    const { default: JSZip } = await import("jszip");
    const documentXml =
      (await (await JSZip.loadAsync(bytes)).file("word/document.xml")?.async("string")) ?? "";
    expect(documentXml.match(/<w:numPr>/g)?.length ?? 0).toBeGreaterThan(5);

    const fromDocx = extraction(await docxToPlanText(bytes));
    const fromText = extraction(text);
    expect(toExpectedShape(fromDocx, file)).toEqual(toExpectedShape(fromText, file));
    expect(fromDocx.sections).toEqual(fromText.sections);
  });
});
