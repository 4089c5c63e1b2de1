import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";

/** Text runs for a line, turning the export's `**bold**` and `*italic*` back into formatting. */
function runs(line: string): TextRun[] {
  const out: TextRun[] = [];
  let bold = false;
  let italics = false;
  for (const part of line.split(/(\*\*|\*)/)) {
    if (part === "**") bold = !bold;
    else if (part === "*") italics = !italics;
    else if (part) out.push(new TextRun({ text: part, bold, italics }));
  }
  return out;
}

function table(rows: string[]): Table {
  const width = Math.max(...rows.map((r) => r.split("\t").length));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (row) =>
        new TableRow({
          children: Array.from({ length: width }, (_, i) => {
            const text = row.split("\t")[i] ?? "";
            return new TableCell({ children: [new Paragraph({ children: runs(text) })] });
          }),
        }),
    ),
  });
}

/** Builds a real .docx from a sample export: paragraphs from lines, tables from runs of tab lines. */
export async function planTextToDocx(text: string): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  let rows: string[] = [];
  const flushTable = () => {
    if (rows.length) children.push(table(rows));
    rows = [];
  };
  for (const line of text.split("\n")) {
    if (line.includes("\t")) {
      rows.push(line);
      continue;
    }
    if (line.trim() === "") continue; // blank lines only separate paragraphs (a page break keeps the table going)
    flushTable();
    children.push(new Paragraph({ children: runs(line) }));
  }
  flushTable();
  const doc = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}
