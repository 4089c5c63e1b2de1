import { readFileSync } from "node:fs";
import PDFDocument from "pdfkit";
import { stripMarkup } from "../../src/core/plans/plan-text.js";

// Embedded so the tests need no system fonts; DejaVu Sans covers every Vietnamese letter.
const fontBytes = readFileSync(new URL("../fixtures/fonts/DejaVuSans.ttf", import.meta.url));

/** How a generated PDF is dressed beyond the plan text. */
export interface PdfOptions {
  /** A running header printed at the top of every page. */
  header?: string;
  /** A running footer on every page; `{page}` and `{pages}` are replaced. */
  footer?: string;
  /** Draws a digital-signature stamp in small type right after the line holding this text. */
  stampAfter?: string;
  /** Encrypts the file so that it opens only with this password. */
  userPassword?: string;
}

const fontSize = 10;
const margin = 56;
const cellPadding = 4;
const paragraphGap = 5;
const stampLines = [
  "Người ký: Sở Giáo dục và Đào tạo",
  "Email: vanthu.so@example.edu.vn",
  "Cơ quan: Ủy ban nhân dân Thành phố",
  "Thời gian ký: 26.12.2022 16:05:21 +07:00",
];

type Doc = InstanceType<typeof PDFDocument>;

function collect(doc: Doc): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve, reject) => {
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
  });
}

// Column widths for a table: each column at least as wide as its longest word (so no word is split
// mid-way, as "28/0" "2/2023"), an index column ("TT", "1.") no wider, the rest shared by how much text
// each column holds, as a Word author drags the borders.
function columnWidths(doc: Doc, rows: string[][], width: number): number[] {
  const count = Math.max(...rows.map((r) => r.length));
  const body = rows.filter((r) => !isMergedRow(r));
  const columns = Array.from({ length: count }, (_, i) =>
    body.map((r) => r[i] ?? "").filter((c) => c !== ""),
  );
  const floor = columns.map(
    (cells) =>
      Math.max(0, ...cells.flatMap((c) => c.split(" ")).map((w) => doc.widthOfString(w))) +
      2 * cellPadding +
      2,
  );
  const index = columns[0]?.every((c) => /^(TT|STT|\d+\.?|[IVX]+\.?)$/i.test(c)) ?? false;
  const weights = columns.map((cells, i) =>
    index && i === 0
      ? 0
      : Math.min(80, Math.max(14, cells.reduce((n, c) => n + c.length, 0) / Math.max(1, cells.length))),
  );
  const spare = width - floor.reduce((a, b) => a + b, 0);
  const total = weights.reduce((a, b) => a + b, 0);
  return floor.map((f, i) => f + (spare * (weights[i] ?? 0)) / total);
}

const isMergedRow = (cells: string[]) => cells.length > 1 && cells.slice(1).every((c) => c === "");

function drawTable(doc: Doc, rows: string[][]) {
  const left = margin;
  const width = doc.page.width - 2 * margin;
  const widths = columnWidths(doc, rows, width);
  const header = rows[0] ?? [];
  const bottom = () => doc.page.height - margin;
  const drawRow = (cells: string[], isHeader: boolean) => {
    const spans = isMergedRow(cells) ? [width] : widths;
    const heights = spans.map(
      (w, i) => doc.heightOfString(cells[i] ?? "", { width: w - 2 * cellPadding }) + 2 * cellPadding,
    );
    const height = Math.max(fontSize + 2 * cellPadding, ...heights);
    if (doc.y + height > bottom()) {
      doc.addPage();
      // Word repeats a table's header row on each page it runs onto.
      if (!isHeader && header !== cells) drawRow(header, true);
    }
    const top = doc.y;
    let x = left;
    spans.forEach((w, i) => {
      doc.rect(x, top, w, height).lineWidth(0.5).stroke();
      const centred = isHeader || (i === 0 && !isMergedRow(cells));
      doc.text(cells[i] ?? "", x + cellPadding, top + cellPadding, {
        width: w - 2 * cellPadding,
        align: centred ? "center" : "left",
      });
      x += w;
    });
    doc.x = left;
    doc.y = top + height;
  };
  rows.forEach((cells, i) => {
    drawRow(cells, i === 0);
  });
  doc.y += paragraphGap;
}

function drawStamp(doc: Doc) {
  const x = doc.page.width / 2 + 20;
  const top = doc.y;
  doc.fontSize(7);
  stampLines.forEach((line, i) => {
    doc.text(line, x, top + i * 9, { lineBreak: false });
  });
  doc.fontSize(fontSize);
  doc.x = margin;
  doc.y = top + stampLines.length * 9 + paragraphGap;
}

function drawRunningText(doc: Doc, options: PdfOptions) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Text below the bottom margin would make pdfkit open a new page; running text lives in the margin.
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.fontSize(8);
    const width = doc.page.width - 2 * margin;
    if (options.header) doc.text(options.header, margin, margin / 2, { width, align: "center" });
    if (options.footer) {
      const footer = options.footer.replace("{page}", String(i + 1)).replace("{pages}", String(range.count));
      doc.text(footer, margin, doc.page.height - margin / 2, { width, align: "right" });
    }
    doc.fontSize(fontSize);
    doc.page.margins.bottom = saved;
  }
}

/**
 * Lays out plan text (the sample exports' shape) as a PDF with an embedded font, the way a document system
 * prints it: each line a justified paragraph with its first line indented, runs of tab-separated lines as a bordered table with the
 * header row repeated on each page, markup dropped (struck text is not printed).
 */
export async function planTextToPdf(text: string, options: PdfOptions = {}): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: "A4",
    margin,
    bufferPages: true,
    info: { Title: "Kế hoạch" },
    ...(options.userPassword ? { userPassword: options.userPassword, pdfVersion: "1.7" as const } : {}),
  });
  const done = collect(doc);
  doc.registerFont("body", fontBytes);
  doc.font("body").fontSize(fontSize);
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.includes("\t")) {
      // Parts of one table split by blank lines (where the export broke it across pages) are one table.
      const rows: string[][] = [];
      let end = i;
      for (let j = i; j < lines.length && /\t|^\s*$/.test(lines[j] ?? ""); j++) {
        const row = lines[j] ?? "";
        if (row.includes("\t")) {
          rows.push(row.split("\t").map(stripMarkup));
          end = j;
        }
      }
      i = end;
      drawTable(doc, rows);
      continue;
    }
    const words = stripMarkup(line);
    if (!words) continue;
    // Official letters indent each paragraph's first line (1 cm) and justify the rest.
    doc.text(words, margin, doc.y, {
      width: doc.page.width - 2 * margin,
      align: "justify",
      paragraphGap,
      indent: 28,
    });
    if (options.stampAfter && line.includes(options.stampAfter)) drawStamp(doc);
  }
  drawRunningText(doc, options);
  doc.end();
  return done;
}

/** A PDF whose pages hold only drawings, as a scan without a text layer looks to a reader. */
export async function imageOnlyPdf(pages = 2): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: "A4", margin });
  const done = collect(doc);
  for (let i = 0; i < pages; i++) {
    if (i) doc.addPage();
    doc.rect(margin, margin, 300, 400).fill("#777777");
  }
  doc.end();
  return done;
}
