import {
  dropRunningLines,
  dropStampText,
  joinWrapped,
  type PdfLine,
  type PdfPage,
  pageLines,
} from "./pdf-lines.js";
import { splitTables } from "./pdf-table.js";

// A step down larger than this times the usual line pitch is the space between paragraphs.
const paragraphStep = 1.35;
// A line ending further than this many font sizes from the right margin ends its paragraph.
const shortLine = 3;
// A line starting further right than this many font sizes from the left margin is indented or centred.
const indent = 1;
// Segments further apart than this many font sizes are side-by-side blocks (the two-column heading
// of an official letter); closer ones are one sentence drawn in loosely justified pieces.
const columnGap = 3;

// A list item's or numbered heading's opening: "- ", "+ ", "• ", "2. ", "2.1. ", "a) ", "IV. ".
const listStart = /^([-+•–]\s|\d{1,2}(\.\d{1,2})*[.)]\s|[a-zđ][.)]\s|[IVX]{1,4}\.\s)/u;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

// The parts of a running-text line that read as separate lines.
function lineParts(line: PdfLine): PdfLine[] {
  const parts: PdfLine[] = [];
  for (const s of line.segments) {
    const last = parts.at(-1);
    if (last && s.x0 - last.x1 <= columnGap * line.size) {
      last.segments = [{ text: `${last.segments[0]?.text} ${s.text}`, x0: last.x0, x1: s.x1 }];
      last.x1 = s.x1;
    } else {
      parts.push({ ...line, x0: s.x0, x1: s.x1, segments: [{ ...s }] });
    }
  }
  return parts;
}

interface Margins {
  left: number;
  right: number;
  pitch: number;
}

// The body's margins and line pitch, read from the lines themselves (most lines start at the left
// margin and, justified or nearly, end near the right one).
function margins(lines: PdfLine[]): Margins {
  const count = new Map<number, number>();
  for (const l of lines) count.set(Math.round(l.x0), (count.get(Math.round(l.x0)) ?? 0) + 1);
  const left = [...count.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
  const ends = lines.map((l) => l.x1).sort((a, b) => a - b);
  const right = ends[Math.floor(ends.length * 0.95)] ?? 0;
  const steps = lines
    .map((l, i) => {
      const before = lines[i - 1];
      return before && before.page === l.page ? l.y - before.y : 0;
    })
    .filter((step, i) => step > 0 && step < 3 * (lines[i]?.size ?? 0));
  return { left, right, pitch: median(steps) };
}

function continues(line: PdfLine, before: PdfLine | undefined, m: Margins): boolean {
  if (!before) return false;
  if (before.page === line.page && line.y - before.y > paragraphStep * m.pitch) return false;
  if (before.page === line.page && line.y <= before.y) return false;
  if (before.x1 < m.right - shortLine * before.size) return false;
  if (line.x0 > m.left + indent * line.size) return false;
  // Without spacing or indents, a sentence's end followed by a list marker still starts a paragraph.
  const first = line.segments[0]?.text ?? "";
  const last = before.segments.at(-1)?.text ?? "";
  if (/[.;:!?]$/.test(last) && listStart.test(first)) return false;
  return Math.abs(line.size - before.size) <= 0.1 * before.size;
}

/** Lays out a PDF's pages as plan text: a paragraph a line and a blank line after it, a table row a
 *  line of tab-separated cells and a blank line after the table. */
export function layoutPdfText(pages: PdfPage[]): string {
  const lines = dropStampText(dropRunningLines(pages.map(pageLines)).flat());
  const blocks = splitTables(lines);
  const running = blocks.flatMap((b) => (b.kind === "line" ? lineParts(b.line) : []));
  const m = margins(running);
  const out: string[] = [];
  let paragraph: string[] = [];
  let before: PdfLine | undefined;
  const flush = () => {
    if (paragraph.length) out.push(paragraph.reduce(joinWrapped, ""), "");
    paragraph = [];
    before = undefined;
  };
  for (const block of blocks) {
    if (block.kind === "table") {
      flush();
      out.push(...block.rows.map((cells) => cells.join("\t")), "");
      continue;
    }
    const parts = lineParts(block.line);
    for (const part of parts) {
      if (!continues(part, before, m) || parts.length > 1) flush();
      paragraph.push(part.segments[0]?.text ?? "");
      before = part;
    }
    if (parts.length > 1) flush();
  }
  flush();
  return `${out.join("\n").trimEnd()}\n`;
}
