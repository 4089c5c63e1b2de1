import { readdirSync, readFileSync } from "node:fs";
import {
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from "docx";
import { describe, expect, it } from "vitest";
import { docxToPlanText } from "../../../src/core/plans/read-docx.js";
import { planTextToDocx } from "../../support/build-docx.js";

const plansDir = new URL("../../../../shared/plans/", import.meta.url);
const samples = readdirSync(plansDir)
  .filter((f) => /^\d{3}_.*\.txt$/.test(f))
  .sort();

// Line by line as the extractor reads: blank lines and runs of spaces carry no meaning. Only spaces are
// trimmed, so trailing empty cells (tabs) and every cell of a row still have to match.
const comparable = (text: string): string[] =>
  text
    .split("\n")
    .map((line) =>
      line
        .split("\t")
        .map((cell) => cell.replace(/ +/g, " ").trim())
        .join("\t"),
    )
    .filter((line) => line !== "");

// Word drops empty paragraphs (mammoth skips them), so only runs of blank lines may differ.
const squeezeBlankLines = (text: string): string => text.replace(/\n{3,}/g, "\n\n").trim();

const docxOf = async (
  children: (Paragraph | Table)[],
  footnotes?: Record<number, { children: Paragraph[] }>,
) =>
  new Uint8Array(
    await Packer.toBuffer(new Document({ ...(footnotes ? { footnotes } : {}), sections: [{ children }] })),
  );
const cell = (text: string, options: { columnSpan?: number; rowSpan?: number } = {}) =>
  new TableCell({ children: [new Paragraph(text)], ...options });
const row = (...cells: TableCell[]) => new TableRow({ children: cells });

describe("docxToPlanText", () => {
  it("finds the five sample plans", () => {
    expect(samples).toHaveLength(5);
  });

  it.each(samples)("reads a .docx of %s back to the same lines, cells and markup", async (file) => {
    const text = readFileSync(new URL(file, plansDir), "utf8");
    const back = await docxToPlanText(await planTextToDocx(text));
    expect(comparable(back)).toEqual(comparable(text));
    expect(squeezeBlankLines(back)).toBe(squeezeBlankLines(text));
  });

  it("gives the appendix of 000 back as the export's tab-joined rows", async () => {
    const text = readFileSync(new URL("000_31ba9c53447dfa3c.txt", plansDir), "utf8");
    const rows = (t: string) => t.split("\n").filter((line) => line.includes("\t"));
    const back = await docxToPlanText(await planTextToDocx(text));
    expect(rows(back)).toHaveLength(37);
    expect(rows(back)).toEqual(rows(text));
    expect(back).toContain("\nQuý I - 2023\t\t\t\t\n");
  });

  it("keeps empty table cells between tabs, trailing ones included", async () => {
    const back = await docxToPlanText(await planTextToDocx("TT\tNội dung\tThời gian\n2.\t\t\n3.\tViệc\t"));
    expect(back).toBe("TT\tNội dung\tThời gian\n2.\t\t\n3.\tViệc\t\n");
  });

  it("ends each paragraph with a blank line and a table after its last row", async () => {
    const back = await docxToPlanText(await planTextToDocx("Mở đầu\n\nTT\tViệc\n1.\tMột\n\nKết thúc"));
    expect(back).toBe("Mở đầu\n\nTT\tViệc\n1.\tMột\n\nKết thúc\n");
  });

  it("writes merged cells as the export does: the text, then empty cells where the merge reaches", async () => {
    const back = await docxToPlanText(
      await docxOf([
        new Table({
          rows: [
            row(cell("TT"), cell("Nội dung"), cell("Đơn vị"), cell("Phối hợp"), cell("Thời gian")),
            row(cell("Quý I - 2023", { columnSpan: 5 })),
            row(
              cell("1."),
              cell("Việc một"),
              cell("Sở GDĐT", { rowSpan: 3 }),
              cell("Văn phòng Sở", { rowSpan: 3 }),
              cell("Tháng 01/2023", { rowSpan: 3 }),
            ),
            row(cell("2."), cell("Việc hai")),
            row(cell("3."), cell("Việc ba")),
            row(cell("4."), cell("Việc bốn", { rowSpan: 2 }), cell("Sở"), cell("VP"), cell("Trước 05/02")),
            row(cell("5."), cell("Phòng"), cell("VP"), cell("Tháng 02")),
          ],
        }),
      ]),
    );
    expect(back.split("\n")).toEqual([
      "TT\tNội dung\tĐơn vị\tPhối hợp\tThời gian",
      "Quý I - 2023\t\t\t\t",
      "1.\tViệc một\tSở GDĐT\tVăn phòng Sở\tTháng 01/2023",
      "2.\tViệc hai\t\t\t",
      "3.\tViệc ba\t\t\t",
      "4.\tViệc bốn\tSở\tVP\tTrước 05/02",
      "5.\t\tPhòng\tVP\tTháng 02",
      "",
    ]);
  });

  it("joins a cell's paragraphs and line breaks with single spaces and keeps its markup", async () => {
    const back = await docxToPlanText(
      await docxOf([
        new Table({
          rows: [
            row(
              new TableCell({
                children: [
                  new Paragraph("Sở GDĐT"),
                  new Paragraph({ children: [new TextRun({ text: "Hà Nội", bold: true })] }),
                ],
              }),
              new TableCell({
                children: [
                  new Paragraph({
                    children: [new TextRun("Trước"), new TextRun({ text: "ngày 05", break: 1 })],
                  }),
                ],
              }),
              cell(""),
            ),
          ],
        }),
      ]),
    );
    expect(back).toBe("Sở GDĐT **Hà Nội**\tTrước ngày 05\t\n");
  });

  it("reads a table nested in a cell as running text of that cell", async () => {
    const inner = new Table({ rows: [row(cell("Khối 1"), cell("MN")), row(cell("Khối 2"), cell("TH"))] });
    const back = await docxToPlanText(
      await docxOf([
        new Table({
          rows: [row(cell("Khối"), new TableCell({ children: [new Paragraph("Gồm:"), inner] }), cell("x"))],
        }),
        new Paragraph("Sau bảng"),
      ]),
    );
    expect(back).toBe("Khối\tGồm: Khối 1 MN Khối 2 TH\tx\n\nSau bảng\n");
  });

  it("puts headings and list items, nested ones too, on lines of their own with their bullets", async () => {
    const back = await docxToPlanText(
      await docxOf([
        new Paragraph({ text: "I. MỤC ĐÍCH", heading: HeadingLevel.HEADING_1 }),
        new Paragraph({ text: "Mục một", bullet: { level: 0 } }),
        new Paragraph({ text: "Mục con", bullet: { level: 1 } }),
        new Paragraph({ text: "Mục hai", bullet: { level: 0 } }),
      ]),
    );
    // Word's default bullets (●, ○) read as the two levels plans write: "-" and "+".
    expect(back).toBe("I. MỤC ĐÍCH\n\n- Mục một\n\n+ Mục con\n\n- Mục hai\n");
  });

  it("keeps a line break inside a paragraph as a new line, closing and reopening markup", async () => {
    const back = await docxToPlanText(
      await docxOf([
        new Paragraph({
          children: [
            new TextRun({ text: "TM. HỘI ĐỒNG", bold: true }),
            new TextRun({ text: "CHỦ TỊCH", bold: true, break: 1 }),
          ],
        }),
      ]),
    );
    expect(back).toBe("**TM. HỘI ĐỒNG**\n**CHỦ TỊCH**\n");
  });

  it("writes bold, italics and strikethrough as the export's markup, spaces kept outside it", async () => {
    const back = await docxToPlanText(
      await docxOf([
        new Paragraph({
          children: [
            new TextRun("chậm nhất"),
            new TextRun({ text: " ngày 27 ", bold: true }),
            new TextRun({ text: "tháng 10", bold: true, italics: true }),
            new TextRun({ text: " ", italics: true }),
            new TextRun("VP "),
            new TextRun({ text: "VP", strike: true }),
          ],
        }),
      ]),
    );
    // mammoth nests adjacent runs that share bold: <strong>ngày 27 <em>tháng 10</em></strong>.
    expect(back).toBe("chậm nhất **ngày 27 *tháng 10*** VP ~~VP~~\n");
  });

  it("decodes HTML entities, turns paragraph tabs into spaces and composes Unicode (NFC)", async () => {
    const back = await docxToPlanText(
      await docxOf([
        new Paragraph("a < b & c > d \"e\" 'f'"),
        new Paragraph({
          children: [new TextRun("Hà Nội"), new TextRun({ children: [new Tab(), "ngày 1"] })],
        }),
        new Paragraph("Ke\u0302\u0301 hoa\u0323ch"),
      ]),
    );
    expect(back).toBe("a < b & c > d \"e\" 'f'\n\nHà Nội ngày 1\n\nKế hoạch\n");
    expect(back).toBe(back.normalize("NFC"));
  });

  it("skips pictures and footnote back-links", async () => {
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
      "base64",
    );
    const back = await docxToPlanText(
      await docxOf(
        [
          new Paragraph({
            children: [
              new TextRun("Ảnh "),
              new ImageRun({ type: "png", data: png, transformation: { width: 10, height: 10 } }),
              new TextRun("sau"),
            ],
          }),
          new Paragraph({ children: [new TextRun("Văn bản"), new FootnoteReferenceRun(1)] }),
        ],
        { 1: { children: [new Paragraph("Ghi chú")] } },
      ),
    );
    expect(back).toBe("Ảnh sau\n\nVăn bản[1]\n\nGhi chú\n");
  });

  it("rejects bytes that are not a Word document", async () => {
    await expect(docxToPlanText(new TextEncoder().encode("not a zip"))).rejects.toThrow();
  });
});
