import { Parser } from "htmlparser2";
import { writeDocxListMarkers } from "./docx-list-text.js";

function span(attributes: Record<string, string>, name: string): number {
  const n = Number.parseInt(attributes[name] ?? "1", 10);
  return Number.isFinite(n) && n > 1 ? n : 1;
}

const blockTags = new Set(["p", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"]);
const inlineMarkers: Record<string, string> = { strong: "**", b: "**", em: "*", i: "*", s: "~~", del: "~~" };

interface TableState {
  /** Rows still covered, per column, by a cell merged down from a row above. */
  pending: number[];
  /** Columns of the current row taken by such merged cells. */
  covered: boolean[];
  cells: string[] | null;
  /** Paragraphs of the open cell, and the column its text goes in. */
  cell: string[] | null;
  column: number;
}

/**
 * Reads a .docx into the text shape of the sample exports: a paragraph a line and a blank line after it,
 * a table row a line of tab-joined cells, bold as `**…**`, italics as `*…*`, strikethrough as `~~…~~`.
 */
export async function docxToPlanText(bytes: Uint8Array): Promise<string> {
  // Loaded on first use, like exceljs: a start that reads no .docx does not pay for it.
  const { default: mammoth } = await import("mammoth");
  // mammoth knows a list only as ordered or not; the markers Word shows are written in as text first.
  const docx = await writeDocxListMarkers(bytes);
  const { value: html } = await mammoth.convertToHtml(
    { buffer: Buffer.from(docx.buffer, docx.byteOffset, docx.byteLength) },
    // Pictures carry no plan text; skipping them avoids base64-encoding every photo into the HTML.
    { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: "" })) },
  );

  const out: string[] = [];
  let text = "";
  const open: { marker: string; start: number }[] = [];
  const tables: TableState[] = [];
  // Per open <a>: whether it is a note back-link ("↑"), navigation rather than text.
  const links: boolean[] = [];

  // Closes a marker, keeping surrounding spaces outside it and dropping it around nothing but spaces.
  const closeMarker = () => {
    const top = open.pop();
    if (!top) return;
    const inner = text.slice(top.start + top.marker.length);
    const body = inner.trim();
    const lead = inner.slice(0, inner.length - inner.trimStart().length);
    const trail = inner.slice(inner.trimEnd().length);
    text = text.slice(0, top.start) + (body ? `${lead}${top.marker}${body}${top.marker}${trail}` : inner);
  };
  const openMarker = (marker: string) => {
    open.push({ marker, start: text.length });
    text += marker;
  };

  const flushBlock = () => {
    // A table inside a cell is read as running text of that cell.
    if (tables.length > 1) {
      text += " ";
      return;
    }
    while (open.length) closeMarker();
    // Tabs inside a paragraph are layout; left as tabs they would read as table cells.
    const lines = text
      .split("\n")
      .map((line) => line.replace(/[ \t]+/g, " ").trim())
      .filter(Boolean);
    text = "";
    const cell = tables[0]?.cell;
    if (cell) cell.push(...lines);
    else if (lines.length) out.push(...lines, "");
  };

  const startRow = (table: TableState) => {
    table.covered = table.pending.map((n) => n > 0);
    table.pending = table.pending.map((n) => Math.max(0, n - 1));
    table.cells = [];
  };
  // Columns merged down from the row above read as empty cells, as in the exports.
  const skipCovered = (table: TableState, cells: string[]) => {
    while (table.covered[cells.length]) cells.push("");
  };

  const onTag = (tag: string, closing: boolean, attributes: Record<string, string>) => {
    const table = tables.length === 1 ? tables[0] : undefined;

    if (tag === "a") {
      if (closing) links.pop();
      else
        links.push(links.at(-1) === true || /^#(footnote|endnote|comment)-ref-/.test(attributes.href ?? ""));
      return;
    }
    const marker = inlineMarkers[tag];
    if (marker) {
      if (!closing) openMarker(marker);
      else if (open.at(-1)?.marker === marker) closeMarker();
      return;
    }
    if (tag === "br") {
      if (tables.length) {
        text += " ";
      } else {
        // A line break ends the line but not the paragraph (no blank line), as in the exports.
        const markers = open.map((m) => m.marker);
        while (open.length) closeMarker();
        text += "\n";
        for (const m of markers) openMarker(m);
      }
      return;
    }
    if (blockTags.has(tag)) {
      flushBlock();
      return;
    }
    switch (tag) {
      case "table":
        flushBlock();
        if (!closing) {
          tables.push({ pending: [], covered: [], cells: null, cell: null, column: 0 });
        } else {
          tables.pop();
          // A table is followed by a blank line like any paragraph, as in the exports.
          if (tables.length === 0 && out.length && out.at(-1) !== "") out.push("");
        }
        break;
      case "tr":
        if (!table) break;
        if (!closing) startRow(table);
        else if (table.cells) {
          const cells = table.cells;
          // Merged-down columns past the last cell of the row still take their place.
          const lastCovered = table.covered.lastIndexOf(true);
          while (cells.length <= lastCovered) cells.push("");
          out.push(cells.join("\t"));
          table.cells = null;
        }
        break;
      case "td":
      case "th":
        if (!table) {
          flushBlock();
          break;
        }
        if (!closing) {
          flushBlock();
          if (!table.cells) startRow(table);
          const cells = table.cells ?? [];
          skipCovered(table, cells);
          table.cell = [];
          const column = cells.length;
          const colspan = span(attributes, "colspan");
          const rowspan = span(attributes, "rowspan");
          for (let c = column; c < column + colspan; c++) {
            if (rowspan > 1) table.pending[c] = rowspan - 1;
          }
          // The cell's text goes at `column`; a cell merged across columns leaves the rest empty.
          cells.push("", ...Array.from({ length: colspan - 1 }, () => ""));
          table.cells = cells;
          table.column = column;
        } else if (table.cell) {
          flushBlock();
          if (table.cells) table.cells[table.column] = table.cell.join(" ");
          table.cell = null;
        }
        break;
      default:
        break;
    }
  };

  const parser = new Parser({
    onopentag: (name, attributes) => onTag(name, false, attributes),
    // A void element (<br />, <img />) is reported closed too; it has already done its work when opened.
    onclosetag: (name) => {
      if (name !== "br") onTag(name, true, {});
    },
    ontext: (chunk) => {
      if (links.at(-1) !== true) text += chunk;
    },
  });
  parser.end(html);
  flushBlock();
  return out.join("\n").normalize("NFC");
}
