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

/** Splits plan text into numbered lines, with tab-separated table rows split into cells. */
export function toPlanLines(text: string): PlanLine[] {
  return text.split("\n").map((raw, i) => ({
    line: i + 1,
    raw,
    text: stripMarkup(raw.replace(/\t/g, " ")),
    cells: raw.includes("\t") ? raw.split("\t").map(stripMarkup) : null,
  }));
}

/** True for a line that opens a list item ("- …", "+ …", "- + …", "• …"). */
export function isListItem(text: string): boolean {
  return /^([-+•–]\s*)+\S/.test(text);
}

/** The text of a list item without its bullets. */
export function listItemText(text: string): string {
  return text.replace(/^([-+•–]\s*)+/, "").trim();
}
