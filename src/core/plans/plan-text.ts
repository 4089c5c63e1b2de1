/** A line of a plan's text: its 1-based number, the words as written, and the same without markup. */
export interface PlanLine {
  line: number;
  raw: string;
  text: string;
  /** Table cells when the line is a table row (tab-separated), cleaned of markup. */
  cells: string[] | null;
}

/** Removes the export's markup (`*…*`, `**…**`, `~~…~~`, Markdown `#` headings) and folds runs of spaces. */
export function stripMarkup(text: string): string {
  return text
    .replace(/^#{1,6}\s+/, "")
    .replace(/~~[^~]*~~/g, "")
    .replace(/\*+/g, "")
    .replace(/[ \u00a0]+/g, " ")
    .trim();
}

const planLine = (raw: string, line: number): PlanLine => ({
  line,
  raw,
  text: stripMarkup(raw.replace(/\t/g, " ")),
  cells: raw.includes("\t") ? raw.split("\t").map(stripMarkup) : null,
});

// A Markdown pipe table's row ("| 1 | Nộp hồ sơ | … |"), as a converter that writes tables as text gives
// them; its rule line ("|---|---|") carries no words.
const pipeRow = /^\s*\|(.*)\|\s*$/u;

/** A pipe table's row as a tab-separated one, so both kinds of text table are read alike. */
function fromPipeRow(raw: string): string {
  const row = pipeRow.exec(raw);
  if (!row?.[1]) return raw;
  if (/^[\s|:-]*$/u.test(row[1])) return "";
  // "Tờ trình<br>Biên bản": a line break inside a cell, as Markdown writes one, lists as ";" does.
  return row[1]
    .split("|")
    .map((cell) => cell.replace(/\s*<br\s*\/?>\s*/giu, "; ").trim())
    .join("\t");
}

// A row's first cell that starts a new row rather than running on: "2", "3.", "IV".
const rowNumber = /^\s*(?:\d{1,3}[.)]?|[IVX]{1,5}[.)]?)\s*$/u;

/**
 * Splits plan text into numbered lines, with tab-separated table rows split into cells. A cell that
 * ran on past a line break ("1\tDanh hiệu …\t- Tờ trình;" then "- Biên bản;" then "- Bản sao …\t03 bộ")
 * is joined back into its row, as a Word file's cell of several paragraphs is read: a table is followed
 * by a blank line, so a line of words right under a row whose last cell ends open (";", ",") belongs
 * to that cell.
 */
export function toPlanLines(text: string): PlanLine[] {
  const out: PlanLine[] = [];
  let row: { raw: string; line: number } | null = null;
  let runningOn = false;
  // How many cells the table's rows have (its first row's): a line with as many is a row of its own.
  let width = 0;
  for (const [i, line] of text.split("\n").entries()) {
    const raw = fromPipeRow(line);
    const tabbed = raw.includes("\t");
    const cells = raw.split("\t");
    if (!row) width = tabbed ? cells.length : 0;
    if (row && raw.trim()) {
      // Only a cell left open runs on: one ending in ";" or "," ("- Tờ trình;"), not a letterhead's date.
      const rowCells = row.raw.split("\t");
      const lastCell = stripMarkup(rowCells.at(-1) ?? "");
      const open = /[;,]\s*$/u.test(lastCell);
      // A row short of the table's cells ("2\tHọp …\tCác trường\t- Trường công lập: …") runs on into
      // the dashed lines under it, up to the line that brings its last cells.
      const short =
        rowCells.length < width &&
        isListItem(raw.trim()) &&
        (!tabbed || rowCells.length + cells.length - 1 <= width);
      const joins = runningOn
        ? !tabbed || (!rowNumber.test(cells[0] ?? "") && cells.length < width)
        : (!tabbed && open) || short;
      if (joins) {
        // Dashed lines of one cell are its clauses, a ";" apart, as a cell's own ";" keeps them.
        const gap = isListItem(raw.trim()) && !open ? "; " : " ";
        row.raw = `${row.raw}${gap}${raw.trim()}`.replace(/ \t/g, "\t");
        // A line with a tab closes the cell that ran on; the next row line is a row of its own.
        runningOn = !tabbed;
        continue;
      }
    }
    if (row) out.push(planLine(row.raw, row.line));
    row = null;
    runningOn = false;
    if (tabbed) row = { raw, line: i + 1 };
    else out.push(planLine(raw, i + 1));
  }
  if (row) out.push(planLine(row.raw, row.line));
  return out;
}

/** True for a line that opens a list item ("- …", "+ …", "- + …", "• …"). */
export function isListItem(text: string): boolean {
  return /^([-+•–]\s*)+\S/.test(text);
}

/** The text of a list item without its bullets. */
export function listItemText(text: string): string {
  return text.replace(/^([-+•–]\s*)+/, "").trim();
}
