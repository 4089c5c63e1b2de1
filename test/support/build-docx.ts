import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";

const markerPattern = /(\*\*|\*|~~)/;

// Text runs for one line, turning the export's `**bold**`, `*italic*` and `~~struck~~` into formatting.
function markupRuns(line: string): TextRun[] {
  const parts = line.split(markerPattern);
  const on = { "**": false, "*": false, "~~": false };
  const out: TextRun[] = [];
  let pending = "";
  const emit = () => {
    if (pending) out.push(new TextRun({ text: pending, bold: on["**"], italics: on["*"], strike: on["~~"] }));
    pending = "";
  };
  parts.forEach((part, i) => {
    const marker = part === "**" || part === "*" || part === "~~" ? part : null;
    // A marker with no partner later in the line is a literal character, as the "*" bullet in
    // "*** Về …**" (bold "* Về …").
    if (marker && (on[marker] || parts.indexOf(marker, i + 1) !== -1)) {
      emit();
      on[marker] = !on[marker];
    } else {
      pending += part;
    }
  });
  emit();
  return out;
}

function paragraph(lines: string[]): Paragraph {
  // Lines with no blank line between them are one paragraph broken by line breaks, as Word exports them.
  const children = lines.flatMap((line, i) => [
    ...(i ? [new TextRun({ break: 1 })] : []),
    ...markupRuns(line),
  ]);
  return new Paragraph({ children });
}

function table(rows: string[]): Table {
  const grid = rows.map((row) => row.split("\t"));
  const width = Math.max(...grid.map((cells) => cells.length));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: Array.from({ length: width }, () => Math.floor(9000 / width)),
    rows: grid.map(
      (cells) =>
        new TableRow({
          children: Array.from(
            { length: width },
            (_, i) => new TableCell({ children: [new Paragraph({ children: markupRuns(cells[i] ?? "") })] }),
          ),
        }),
    ),
  });
}

/** Builds a real .docx from a sample export: blank lines part paragraphs, runs of tab lines become tables. */
export async function planTextToDocx(text: string): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  let lines: string[] = [];
  let rows: string[] = [];
  const flush = () => {
    if (lines.length) children.push(paragraph(lines));
    if (rows.length) children.push(table(rows));
    lines = [];
    rows = [];
  };
  for (const line of text.replace(/\r\n?/g, "\n").split("\n")) {
    if (line.trim() === "") {
      flush();
    } else if (line.includes("\t")) {
      if (lines.length) flush();
      rows.push(line);
    } else {
      if (rows.length) flush();
      lines.push(line);
    }
  }
  flush();
  const doc = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}
