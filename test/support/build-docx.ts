import {
  AlignmentType,
  Document,
  type ILevelsOptions,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";

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

const level = (
  ilvl: number,
  format: (typeof LevelFormat)[keyof typeof LevelFormat],
  text: string,
): ILevelsOptions => ({
  level: ilvl,
  format,
  text,
  alignment: AlignmentType.LEFT,
  style: { paragraph: { indent: { left: 360 * (ilvl + 1), hanging: 360 } } },
});

/** Word list definitions for the markers plans write: "I.", "1.", "a)", and bullets "-" over "+". */
export const planNumbering = {
  config: [
    { reference: "roman", levels: [level(0, LevelFormat.UPPER_ROMAN, "%1.")] },
    { reference: "decimal", levels: [level(0, LevelFormat.DECIMAL, "%1.")] },
    { reference: "letter", levels: [level(0, LevelFormat.LOWER_LETTER, "%1)")] },
    { reference: "bullets", levels: [level(0, LevelFormat.BULLET, "-"), level(1, LevelFormat.BULLET, "+")] },
  ],
};

const romanValues: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
const romanNumber = (digits: string): number =>
  [...digits].reduce((sum, d, i) => {
    const v = romanValues[d] ?? 0;
    return sum + (v < (romanValues[digits[i + 1] ?? ""] ?? 0) ? -v : v);
  }, 0);

// "**1. Mục tiêu**" → the marker, its number, and the line without it ("**Mục tiêu**").
const listLinePattern = /^(\**)(?:([IVXLC]+)\.|(\d+)\.|([a-z])\)|([-+]))\s+(\S.*)$/;

interface ListState {
  instance: number;
  next: number;
}

/**
 * Turns a paragraph's written marker into Word numbering when Word would show the same marker: a list
 * restarts at 1 (a new instance) and continues while the text counts on; anything else stays as text.
 */
function listOf(
  line: string,
  lists: Map<string, ListState>,
): { numbering: { reference: string; level: number; instance?: number }; rest: string } | null {
  const m = listLinePattern.exec(line);
  if (!m) return null;
  const [, prefix = "", roman, decimal, letter, bullet, rest = ""] = m;
  if (bullet)
    return { numbering: { reference: "bullets", level: bullet === "+" ? 1 : 0 }, rest: prefix + rest };
  const [reference, n] = roman
    ? ["roman", romanNumber(roman)]
    : decimal
      ? ["decimal", Number(decimal)]
      : ["letter", (letter ?? "a").charCodeAt(0) - 96];
  const state = lists.get(reference);
  if (state && n === state.next) state.next++;
  else if (n === 1) lists.set(reference, { instance: (state?.instance ?? 0) + 1, next: 2 });
  else return null;
  const instance = lists.get(reference)?.instance ?? 0;
  return { numbering: { reference, level: 0, instance }, rest: prefix + rest };
}

function paragraph(lines: string[], lists: Map<string, ListState> | null): Paragraph {
  const list = lists && lines[0] !== undefined ? listOf(lines[0], lists) : null;
  const shown = list ? [list.rest, ...lines.slice(1)] : lines;
  // Lines with no blank line between them are one paragraph broken by line breaks, as Word exports them.
  const children = shown.flatMap((line, i) => [
    ...(i ? [new TextRun({ break: 1 })] : []),
    ...markupRuns(line),
  ]);
  return new Paragraph({ children, ...(list ? { numbering: list.numbering } : {}) });
}

// A row's cells, each its paragraphs: a cell that ran on past a line break in the export holds several.
type Row = string[][];

function table(rows: Row[]): Table {
  const width = Math.max(...rows.map((cells) => cells.length));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: Array.from({ length: width }, () => Math.floor(9000 / width)),
    rows: rows.map(
      (cells) =>
        new TableRow({
          children: Array.from(
            { length: width },
            (_, i) =>
              new TableCell({
                children: (cells[i] ?? [""]).map((text) => new Paragraph({ children: markupRuns(text) })),
              }),
          ),
        }),
    ),
  });
}

/**
 * Whether a line continues the row above, as toPlanLines reads it: words under a row whose last cell
 * ends open (";", ","), and, once a cell runs on, lines up to one with a tab and fewer cells than a row.
 */
function runsOn(line: string, row: Row, runningOn: boolean, width: number): boolean {
  const cells = line.split("\t");
  if (!runningOn) return cells.length === 1 && /[;,]\s*$/u.test(row.at(-1)?.at(-1) ?? "");
  return (
    cells.length === 1 ||
    (!/^\s*(?:\d{1,3}|[IVX]{1,5})[.)]?\s*$/u.test(cells[0] ?? "") && cells.length < width)
  );
}

/**
 * Builds a real .docx from a sample export: blank lines part paragraphs, runs of tab lines become tables.
 * With `numbering`, paragraphs opening with "I.", "1.", "a)", "-" or "+" become Word list paragraphs.
 */
export async function planTextToDocx(
  text: string,
  options: { numbering?: boolean } = {},
): Promise<Uint8Array> {
  const lists = options.numbering ? new Map<string, ListState>() : null;
  const children: (Paragraph | Table)[] = [];
  let lines: string[] = [];
  let rows: Row[] = [];
  // Lines of words right under a row, up to a line with a tab: more paragraphs of the row's last cell.
  let runningOn = false;
  const flush = () => {
    if (lines.length) children.push(paragraph(lines, lists));
    if (rows.length) children.push(table(rows));
    lines = [];
    rows = [];
    runningOn = false;
  };
  for (const line of text.replace(/\r\n?/g, "\n").split("\n")) {
    const last = rows.at(-1);
    if (line.trim() === "") {
      flush();
    } else if (last && runsOn(line, last, runningOn, rows[0]?.length ?? 0)) {
      const [first = "", ...rest] = line.split("\t");
      last.at(-1)?.push(first.trim());
      last.push(...rest.map((cell) => [cell]));
      runningOn = rest.length === 0;
    } else if (line.includes("\t")) {
      if (lines.length) flush();
      rows.push(line.split("\t").map((cell) => [cell]));
    } else {
      lines.push(line);
    }
  }
  flush();
  const doc = new Document({ ...(lists ? { numbering: planNumbering } : {}), sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}
