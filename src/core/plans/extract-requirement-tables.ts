import { fold } from "../text/fold.js";
import { namedList } from "./extract-requirements.js";
import type { ExtractedRequirement } from "./extraction.js";
import type { PlanLine } from "./plan-text.js";

// Header cells, folded, of a table that lists each dossier's papers on its own row
// ("TT | Hình thức | Thành phần hồ sơ | Số lượng").
const itemsColumn =
  /^(thanh phan(?: ho so)?|ho so gom|giay to|tai lieu|(?:cac )?giay to can nop|noi dung ho so|ten (?:tai lieu|giay to|van ban|bieu mau|mau))$/;
// "Mẫu · Tên biểu mẫu · Ghi chú": a table of the forms a dossier is made of, each by its code.
const codeColumn = /^(mau|mau so|ky hieu|ma mau)$/;
const nameColumn =
  /^(hinh thuc(?: khen thuong)?|danh hieu|loai ho so|ten ho so|ho so|doi tuong(?: de nghi)?)$/;
const copiesColumn = /^(so luong|so bo|so ban)$/;
// A table with a row per paper, under a dossier's heading: "TT | Thành phần | Số lượng | Hình thức | Ghi chú".
const formColumn = /^(hinh thuc|dinh dang|hinh thuc nop)$/;
const noteColumn = /^(ghi chu|yeu cau)$/;

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** "Tờ trình (Mẫu 01): 01 bản chính, bản giấy và bản PDF": a paper with what its row says of it. */
function paperOfRow(cells: string[], columns: PaperColumns): string | null {
  const named = (cells[columns.items] ?? "").trim().replace(/[.;,]+$/u, "");
  if (!named) return null;
  const code = columns.code >= 0 ? (cells[columns.code] ?? "").trim() : "";
  const paper = code ? `${code} – ${named}` : named;
  const said = [columns.copies, columns.form, columns.note]
    .map((i) => (i >= 0 ? (cells[i] ?? "").trim().replace(/[.;]+$/u, "") : ""))
    // A bare number under "Số bản" or "Số bộ" counts copies or sets: "01" reads "01 bản".
    .map((text, i) => (i === 0 && /^\d{1,2}$/u.test(text) ? `${text} ${columns.unit}` : text))
    .filter(Boolean)
    .map((text, i) => (i === 0 ? text : lowerFirst(text)));
  return said.length ? `${paper}: ${said.join(", ")}` : paper;
}

interface PaperColumns {
  items: number;
  /** The form's code ("Mẫu 01"), written before its name; -1 when the table has none. */
  code: number;
  copies: number;
  // What the copies column counts: "bộ" under "Số bộ", else "bản".
  unit: "bản" | "bộ";
  form: number;
  note: number;
}

/** The papers in one cell: "- Tờ trình; - Biên bản" (a cell of several paragraphs) or "Tờ trình; Biên bản". */
function cellItems(cell: string): string[] {
  const bulleted = /^\s*[-+•–]\s/u.test(cell);
  return (bulleted ? cell.split(/(?:^|[;.]\s*)[-+•–]\s+/u) : cell.split(/\s*;\s*/u))
    .map((item) =>
      item
        .replace(/^[-+•–]\s*/u, "")
        .replace(/[.;,]+$/u, "")
        .trim(),
    )
    .filter(Boolean);
}

// "TT | Thành phần hồ sơ | Lao động tiên tiến | Chiến sĩ thi đua cơ sở | Giấy khen …": a column per award,
// a row per paper, marked "x" under each award that needs it.
const awardColumn =
  /(danh hieu|lao dong|chien si|giay khen|bang khen|co thi dua|tap the|ca nhan|khen thuong|dien hinh|nha giao|sang kien)/;
const marked = /^(?:x|✓|✔|☑|\+|có)$/iu;

/** The award columns of a matrix's header, by index, or null when the header is not one. */
function awardColumns(
  cells: string[],
  folded: string[],
  items: number,
): { at: number; name: string }[] | null {
  const awards = cells.flatMap((cell, at) =>
    at !== items && awardColumn.test(folded[at] ?? "") && !itemsColumn.test(folded[at] ?? "")
      ? [{ at, name: cell.trim() }]
      : [],
  );
  return awards.length >= 2 ? awards : null;
}

/** The dossier lists of a table with a row per dossier: its name, papers and number of copies. */
export function extractRequirementTables(lines: PlanLine[]): ExtractedRequirement[] {
  const found: ExtractedRequirement[] = [];
  let columns: { name: number; items: number; copies: number } | null = null;
  // The dossier a table of papers lists, row by row, and the text line above the table.
  let paperTable: { columns: PaperColumns; list: ExtractedRequirement } | null = null;
  let above: PlanLine | null = null;
  // The dossier heading a few lines up: "5. Hồ sơ công nhận đề tài …" then "Dành cho …. Hồ sơ gồm:".
  let dossierHeading: { line: PlanLine; list: ReturnType<typeof namedList>; textLinesAgo: number } | null =
    null;
  // A matrix of papers by award: each award's list, filled row by row.
  let matrix: { items: number; awards: { at: number; list: ExtractedRequirement }[] } | null = null;
  for (const l of lines) {
    if (!l.cells) {
      if (l.text) {
        columns = null;
        paperTable = null;
        matrix = null;
        above = l;
        const list = /[.;:]$/u.test(l.text.trim()) ? null : namedList(`${l.text.trim()}:`);
        if (list) dossierHeading = { line: l, list, textLinesAgo: 0 };
        else if (dossierHeading) dossierHeading.textLinesAgo++;
      }
      continue;
    }
    if (matrix) {
      const paper = (l.cells[matrix.items] ?? "").trim().replace(/[.;,]+$/u, "");
      for (const award of matrix.awards)
        if (paper && marked.test((l.cells[award.at] ?? "").trim())) award.list.items.push(paper);
      continue;
    }
    const folded = l.cells.map((c) => fold(c).replace(/[:.]$/u, "").trim());
    const items = folded.findIndex((c) => itemsColumn.test(c));
    const name = folded.findIndex((c, i) => i !== items && nameColumn.test(c));
    const awards = items >= 0 && name < 0 ? awardColumns(l.cells, folded, items) : null;
    if (awards) {
      matrix = {
        items,
        awards: awards.map((award) => {
          const named = /^(?:hồ sơ|danh hiệu|giấy khen|bằng khen|cờ)(?![\p{L}])/iu.test(award.name)
            ? award.name
            : `danh hiệu ${award.name}`;
          const list: ExtractedRequirement = { name: `Hồ sơ đề nghị ${named}`, items: [], line: l.line };
          found.push(list);
          return { at: award.at, list };
        }),
      };
      continue;
    }
    // "1. Hồ sơ đề nghị Giấy khen …" then a table of its papers: one list, a row per paper, where
    // "Hình thức" is the form each paper is handed in (under any other line it names the award).
    const byPaper = items >= 0 && (name < 0 || formColumn.test(folded[name] ?? ""));
    // The line above names the dossier, or leads into the table ("… Hồ sơ gồm:") under a heading that does.
    const aboveList = byPaper && above ? namedList(above.text.replace(/:?\s*$/u, ":")) : null;
    // "Hồ sơ gồm:", "… gồm các thành phần sau:", "như sau:".
    const leads =
      above &&
      /(?:gồm(?: có)?(?:\s+(?:các|những))?(?:\s+(?:thành phần|giấy tờ|tài liệu))?(?:\s+sau(?: đây)?)?|như sau|sau đây)\s*:\s*$/iu.test(
        above.text,
      );
    // A table of forms under the dossier's heading, after the list that points to it ("2. Các biểu mẫu
    // theo bảng dưới đây …").
    const code = folded.findIndex((c) => codeColumn.test(c));
    const forms = byPaper && code >= 0 && dossierHeading !== null && dossierHeading.textLinesAgo <= 8;
    const fromHeading =
      byPaper && !aboveList && ((leads && dossierHeading && dossierHeading.textLinesAgo <= 3) || forms)
        ? dossierHeading
        : null;
    const heading = aboveList ?? fromHeading?.list ?? null;
    const headingLine = aboveList ? above : (fromHeading?.line ?? null);
    if (heading && headingLine) {
      const list: ExtractedRequirement = {
        name: forms && !aboveList ? `${heading.name} – biểu mẫu` : heading.name,
        items: [],
        line: forms && !aboveList ? l.line : headingLine.line,
      };
      if (heading.copies) list.copies = heading.copies;
      found.push(list);
      const column = (pattern: RegExp) => folded.findIndex((c) => pattern.test(c));
      paperTable = {
        columns: {
          items,
          copies: column(copiesColumn),
          unit: folded.includes("so bo") ? "bộ" : "bản",
          form: column(formColumn),
          note: column(noteColumn),
          code,
        },
        list,
      };
      continue;
    }
    if (paperTable) {
      const paper = paperOfRow(l.cells, paperTable.columns);
      if (paper) paperTable.list.items.push(paper);
      continue;
    }
    if (items >= 0 && name >= 0) {
      columns = { name, items, copies: folded.findIndex((c) => copiesColumn.test(c)) };
      continue;
    }
    if (!columns) continue;
    const title = (l.cells[columns.name] ?? "").trim();
    const papers = cellItems(l.cells[columns.items] ?? "");
    if (!title || papers.length === 0) continue;
    // A row names an award ("Cờ thi đua của UBND tỉnh"): its papers are the dossier proposing it.
    // "Hồ sơ của nhà trường" under "2.3. Hồ sơ đăng ký dự thi": whose part of the heading's dossier it is.
    const under =
      /^hồ sơ của\s/iu.test(title) && dossierHeading && dossierHeading.textLinesAgo <= 3
        ? dossierHeading.list?.name
        : undefined;
    const listName = /^(?:hồ sơ|bảng|danh sách|báo cáo|file|tờ trình|biên bản)(?![\p{L}])/iu.test(title)
      ? under
        ? `${under} – ${title}`
        : title
      : `Hồ sơ đề nghị ${title}`;
    const requirement: ExtractedRequirement = { name: listName, items: papers, line: l.line };
    const copies = columns.copies >= 0 ? (l.cells[columns.copies] ?? "").trim() : "";
    if (copies) requirement.copies = copies;
    found.push(requirement);
  }
  return found.filter((list) => list.items.length > 0);
}
