/** One record of a CSV file: its row number as a spreadsheet shows it, and its cells. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** A double quote out of place: in which record and which cell (from 1). */
export interface CsvQuoteProblem {
  line: number;
  cell: number;
  reason: "stray_quote" | "unclosed_quote";
}

/**
 * Splits CSV text (RFC 4180, "," between cells, any line ending) into records. A quote out of place
 * is noted, not thrown, so a file can be refused with its line; the text around it is kept as written.
 */
export function parseCsv(text: string): { records: CsvRecord[]; problems: CsvQuoteProblem[] } {
  const records: CsvRecord[] = [];
  const problems: CsvQuoteProblem[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  /** Inside a quoted cell, where "," and line ends are text. */
  let quoted = false;
  /** The cell began with a quote: after its closing quote only spaces may come. */
  let wasQuoted = false;
  const stray = () => {
    const at = cells.length + 1;
    if (!problems.some((p) => p.line === line && p.cell === at))
      problems.push({ line, cell: at, reason: "stray_quote" });
  };
  const endCell = () => {
    cells.push(cell);
    cell = "";
    wasQuoted = false;
  };
  // Records are counted as a spreadsheet numbers its rows, blank ones included, so a line number
  // means the same in a .csv and in an .xlsx.
  const endRecord = () => {
    endCell();
    records.push({ line, cells });
    cells = [];
    line++;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') cell += c;
      else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (c === ",") endCell();
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRecord();
    } else if (wasQuoted) {
      if (c !== " " && c !== "\t") {
        stray();
        cell += c;
      }
    } else if (c === '"') {
      if (cell.trim() === "") {
        quoted = true;
        wasQuoted = true;
        cell = "";
      } else {
        stray();
        cell += c;
      }
    } else cell += c;
  }
  // The record the quote opened in is where the reader should look, not the end of the file.
  if (quoted) problems.push({ line, cell: cells.length + 1, reason: "unclosed_quote" });
  if (quoted || wasQuoted || cell || cells.length) endRecord();
  return { records, problems };
}
