import { fold } from "../text/fold.js";

/** A run of text from a PDF's text layer, with `y` the baseline measured down from the page top. */
export interface PdfTextItem {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** One page's text runs. */
export interface PdfPage {
  number: number;
  items: PdfTextItem[];
}

/** Text on one line with no wide gap inside: a cell, a column, or the whole line. */
export interface PdfSegment {
  text: string;
  x0: number;
  x1: number;
}

/** A line as the eye reads it: runs sharing a baseline, split into segments at wide gaps. */
export interface PdfLine {
  page: number;
  y: number;
  size: number;
  x0: number;
  x1: number;
  segments: PdfSegment[];
}

// Runs whose baselines differ by less than this share of the font size are one line (subscripts,
// mixed fonts and rounding move a baseline a little).
const sameLine = 0.4;
// A gap wider than this share of the font size separates segments (table cells, two-column headers);
// pdfjs itself starts a new run past about 0.6 of the font size, and a word space is about 0.3.
const segmentGap = 0.6;
// A gap wider than a glyph's sliver is a space that the PDF drew by moving the pen instead of a character.
const spaceGap = 0.15;

function toSegments(items: PdfTextItem[]): PdfSegment[] {
  const segments: PdfSegment[] = [];
  let current: PdfSegment | null = null;
  let size = 0;
  for (const item of items) {
    const x1 = item.x + item.width;
    const gap = current ? item.x - current.x1 : 0;
    if (!current || gap > segmentGap * Math.max(size, item.size)) {
      current = { text: item.text, x0: item.x, x1 };
      segments.push(current);
    } else {
      const spaced = /\s$/.test(current.text) || /^\s/.test(item.text);
      current.text += !spaced && gap > spaceGap * item.size ? ` ${item.text}` : item.text;
      current.x1 = Math.max(current.x1, x1);
    }
    size = item.size;
  }
  for (const s of segments) s.text = s.text.replace(/\s+/g, " ").trim();
  return segments.filter((s) => s.text !== "");
}

/** Groups a page's runs into lines, top to bottom, each ordered left to right. */
export function pageLines(page: PdfPage): PdfLine[] {
  const items = [...page.items].sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: PdfTextItem[][] = [];
  for (const item of items) {
    const group = groups.at(-1);
    const head = group?.[0];
    if (group && head && Math.abs(item.y - head.y) <= sameLine * Math.min(head.size, item.size)) {
      group.push(item);
    } else {
      groups.push([item]);
    }
  }
  return groups
    .map((group) => {
      const sorted = group.sort((a, b) => a.x - b.x);
      const segments = toSegments(sorted);
      return {
        page: page.number,
        y: Math.min(...group.map((i) => i.y)),
        size: Math.max(...group.map((i) => i.size)),
        x0: segments[0]?.x0 ?? 0,
        x1: Math.max(...segments.map((s) => s.x1)),
        segments,
      };
    })
    .filter((line) => line.segments.length > 0);
}

/** Joins a line's text to the text wrapped before it: with a space, but not after a slash ("25/" "3/2023",
 *  a URL) or a word's hyphen ("TĐ-" "KT"), where a line may break and no space was written. */
export function joinWrapped(before: string, text: string): string {
  if (!before) return text;
  return /\/$|[\p{L}\p{N}][-‐]$/u.test(before) ? `${before}${text}` : `${before} ${text}`;
}

const lineText = (line: PdfLine) => line.segments.map((s) => s.text).join(" ");
const pageNumber = /^(trang|page)?\s*[-–]?\s*\d{1,4}\s*([-–]\s*)?((\/|of|trên)\s*\d{1,4})?$/iu;
/** The page number a line states alone ("3", "- 3 -", "Trang 3", "3/12"), or null. */
function numberOnly(line: PdfLine): number | null {
  const text = lineText(line);
  if (!pageNumber.test(text)) return null;
  const first = /\d{1,4}/.exec(text);
  return first ? Number(first[0]) : null;
}

// Lines at a page's top or bottom this far in are candidates for running headers and footers.
const edgeLines = 2;

/**
 * Drops running headers and footers: a page number alone at a page's top or bottom, and a line that
 * stands at the same place at the top or bottom of every page (but perhaps the first) with only its
 * numbers changing.
 */
export function dropRunningLines(pages: PdfLine[][]): PdfLine[][] {
  // Running lines keep their place on the page; body lines that read alike (numbered rows) do not.
  const key = (line: PdfLine) => `${Math.round(line.y / 4)}:${fold(lineText(line)).replace(/\d+/g, "#")}`;
  // A table's repeated header row also starts pages; it has many cells, a running line one or two.
  const edges = (lines: PdfLine[]) =>
    [...lines.slice(0, edgeLines), ...lines.slice(-edgeLines)].filter((l) => l.segments.length <= 2);
  const seen = new Map<string, number>();
  for (const lines of pages) {
    for (const k of new Set(edges(lines).map(key))) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  const needed = Math.max(2, pages.length - 1);
  // A bare number at an edge is the page's number only if it follows the pages' count (the same
  // offset on most pages): "2023" ending a table cell at a page's foot is text.
  const offsets = new Map<number, number>();
  pages.forEach((lines, index) => {
    for (const line of edges(lines)) {
      const number = numberOnly(line);
      if (number !== null) offsets.set(number - index, (offsets.get(number - index) ?? 0) + 1);
    }
  });
  const [best, pagesAgreeing = 0] = [...offsets].sort((a, b) => b[1] - a[1])[0] ?? [];
  const offset =
    best !== undefined && pagesAgreeing >= Math.max(2, Math.ceil(pages.length / 2)) ? best : null;
  return pages.map((lines, index) => {
    const edge = new Set(edges(lines));
    const isPageNumber = (line: PdfLine) => offset !== null && numberOnly(line) === index + offset;
    return lines.filter(
      (line) =>
        !edge.has(line) ||
        // A bare number is judged by the count alone, not by looking like the other pages' numbers.
        !(isPageNumber(line) || (numberOnly(line) === null && (seen.get(key(line)) ?? 0) >= needed)),
    );
  });
}

// The labelled lines a signing system stamps into a signed document's page.
const stampLabel =
  /^(người ký|ký bởi|signed by|thời gian ký|ngày ký|email|e-mail|cơ quan|chức vụ|tổ chức|lý do|nơi ký|date|reason|location)\s*:/iu;
const stampMarker =
  /^(người ký|ký bởi|signed by|thời gian ký|ngày ký)\s*:|^signature (not )?(verified|valid)/iu;

/**
 * Drops a digital signature's stamp text ("Người ký: …", "Email: …", "Thời gian ký: …"): the labelled
 * segments standing together with a signer or signing-time label, wherever on the page they are.
 */
export function dropStampText(lines: PdfLine[]): PdfLine[] {
  const labelled = lines.flatMap((line) =>
    line.segments
      .filter((s) => stampLabel.test(s.text) || stampMarker.test(s.text))
      .map((s) => ({ line, s })),
  );
  const markers = labelled.filter(({ s }) => stampMarker.test(s.text));
  if (markers.length === 0) return lines;
  // A stamp is a compact block: its labels sit within a few lines of a marker and start near its left edge.
  const inStamp = new Set<PdfSegment>();
  for (const { line, s } of labelled) {
    const near = markers.some(
      (m) =>
        m.line.page === line.page &&
        Math.abs(m.line.y - line.y) <= 6 * m.line.size &&
        Math.abs(m.s.x0 - s.x0) <= 2 * m.line.size,
    );
    if (near) inStamp.add(s);
  }
  return lines
    .map((line) => {
      const segments = line.segments.filter((s) => !inStamp.has(s));
      return segments.length === line.segments.length
        ? line
        : { ...line, segments, x0: segments[0]?.x0 ?? 0, x1: Math.max(0, ...segments.map((s) => s.x1)) };
    })
    .filter((line) => line.segments.length > 0);
}
