import { joinWrapped, type PdfLine, type PdfSegment } from "./pdf-lines.js";

/** A stretch of a PDF's lines: either a table's rows of cells or one line of running text. */
export type PdfBlock = { kind: "table"; rows: string[][] } | { kind: "line"; line: PdfLine };

interface Interval {
  start: number;
  end: number;
}

// Empty vertical strips narrower than this share of the font size are word spaces, not column gutters.
const minGutter = 0.25;
// Text in a cell wraps at the line pitch; a larger step down (times the smallest pitch seen) is a new row.
const rowStep = 1.3;
// Before a table shows its pitch, a line this many font sizes below the last is no longer in it.
const defaultStep = 1.6;
// A row number ("1.", "12", "a)", "IV.") or the header of such a column opens a row of its own.
const indexCell = /^((\d{1,3}|[IVXLC]{1,5}|[a-zđ])[.)]?|s?tt)$/iu;

const multi = (line: PdfLine) => line.segments.length >= 2;

/** The empty vertical strips between the segments of a table's multi-cell lines. */
function gutters(lines: PdfLine[]): Interval[] {
  const spans = lines
    .filter(multi)
    .flatMap((l) => l.segments.map((s) => ({ start: s.x0, end: s.x1 })))
    .sort((a, b) => a.start - b.start);
  const size = Math.max(...lines.map((l) => l.size));
  const found: Interval[] = [];
  let reach = spans[0]?.end ?? 0;
  for (const span of spans.slice(1)) {
    if (span.start - reach > minGutter * size) found.push({ start: reach, end: span.start });
    reach = Math.max(reach, span.end);
  }
  return found;
}

const covers = (s: PdfSegment, g: Interval) => s.x0 < g.start && s.x1 > g.end;

/** The smallest step down between lines of the same page, the pitch of wrapped text in a cell. */
function pitch(lines: PdfLine[]): number | null {
  let best: number | null = null;
  lines.forEach((line, i) => {
    const before = lines[i - 1];
    if (before && before.page === line.page && line.y > before.y) {
      best = Math.min(best ?? Number.POSITIVE_INFINITY, line.y - before.y);
    }
  });
  return best;
}

/** A line spanning gutters from the table's left edge: a merged row such as "Quý I - 2023" (left of
 * it too, where the cells' text is centred and the merged row's is not). */
function isMergedRow(line: PdfLine, left: number, cuts: Interval[]): boolean {
  const only = line.segments[0];
  return line.segments.length === 1 && only && only.x0 - left <= 1.5 * line.size
    ? cuts.some((g) => covers(only, g))
    : false;
}

// How far a table starting at `start` runs: lines that keep every gutter open, merged rows followed by a
// table line, and wrapped cell text close below.
function tableEnd(lines: PdfLine[], start: number, first: PdfLine): number {
  const region = [first];
  let cuts = gutters(region);
  const left = () => Math.min(...region.filter(multi).map((l) => l.x0));
  let end = start + 1;
  for (; end < lines.length; end++) {
    const line = lines[end];
    const before = region.at(-1) ?? first;
    if (!line) break;
    const next = lines[end + 1];
    const crossed = line.segments.some((s) => cuts.some((g) => covers(s, g)));
    if (multi(line)) {
      const widened = gutters([...region, line]);
      if (crossed || widened.length < cuts.length) break;
      region.push(line);
      cuts = widened;
      continue;
    }
    const step = pitch(region);
    const close =
      line.page !== before.page || line.y - before.y <= (step ? rowStep * step : defaultStep * line.size);
    const inside =
      line.x0 >= left() - line.size && line.x1 <= Math.max(...region.map((l) => l.x1)) + line.size;
    // A line between two table lines is in the table: a merged row ("Quý I - 2023") or a lone cell.
    const between = !!next && multi(next) && !next.segments.some((s) => cuts.some((g) => covers(s, g)));
    // Under a header alone the gutters are as wide as its short cells leave them: the row below
    // narrows them to the columns' own.
    const merged = !!next && between && isMergedRow(line, left(), gutters([...region, next]));
    if ((!crossed && inside && (close || between)) || merged) {
      region.push(line);
      continue;
    }
    break;
  }
  return end;
}

// Rows from a table's lines: a line with a row number, after a merged row or after a larger step down
// opens a row; other lines add their text to the cells above.
function tableRows(lines: PdfLine[]): string[][] {
  const cuts = gutters(lines);
  const left = Math.min(...lines.filter(multi).map((l) => l.x0));
  const bounds = cuts.map((g) => (g.start + g.end) / 2);
  const columnOf = (x: number) => bounds.filter((b) => b < x).length;
  const merged = new Set(lines.filter((l) => isMergedRow(l, left, cuts)));
  const cellsOf = (line: PdfLine) => {
    const cells = Array.from({ length: bounds.length + 1 }, () => "");
    for (const s of line.segments) {
      const i = columnOf(s.x0);
      cells[i] = joinWrapped(cells[i] ?? "", s.text);
    }
    return cells;
  };
  const firsts = lines.filter((l) => !merged.has(l)).map((l) => cellsOf(l)[0] ?? "");
  const filled = firsts.filter((c) => c !== "");
  // Tables numbered in their first column open a row at each number; others only at a step down.
  const numbered =
    filled.length >= 2 && filled.filter((c) => indexCell.test(c)).length >= 0.6 * filled.length;
  const step = pitch(lines) ?? lines[0]?.size ?? 0;
  const rows: string[][] = [];
  let previous: PdfLine | undefined;
  for (const line of lines) {
    const cells = cellsOf(line);
    const row = rows.at(-1);
    const stepDown = !previous || line.page !== previous.page || line.y - previous.y > rowStep * step;
    const opens =
      !row ||
      merged.has(line) ||
      (previous !== undefined && merged.has(previous)) ||
      (numbered ? cells[0] !== "" : stepDown);
    if (opens || !row) {
      rows.push(cells);
    } else {
      cells.forEach((text, i) => {
        if (text) row[i] = joinWrapped(row[i] ?? "", text);
      });
    }
    previous = line;
  }
  return rows;
}

/**
 * Splits lines into tables and running text. A table starts at a line of three or more segments and
 * runs while its column gutters stay open; its columns are those gutters, so cells wrapped over several
 * lines and rows carried onto the next page keep their columns.
 */
export function splitTables(lines: PdfLine[]): PdfBlock[] {
  const blocks: PdfBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line) break;
    if (line.segments.length >= 3) {
      const end = tableEnd(lines, i, line);
      const region = lines.slice(i, end);
      // Three gaps on one line could be a loosely justified sentence; a table shows them on two lines.
      if (region.filter(multi).length >= 2 && gutters(region).length >= 2) {
        blocks.push({ kind: "table", rows: tableRows(region) });
        i = end;
        continue;
      }
    }
    blocks.push({ kind: "line", line });
    i++;
  }
  return blocks;
}
