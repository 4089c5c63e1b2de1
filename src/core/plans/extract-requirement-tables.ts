import { fold } from "../text/fold.js";
import type { ExtractedRequirement } from "./extraction.js";
import type { PlanLine } from "./plan-text.js";

// Header cells, folded, of a table that lists each dossier's papers on its own row
// ("TT | Hình thức | Thành phần hồ sơ | Số lượng").
const itemsColumn =
  /^(thanh phan(?: ho so)?|ho so gom|giay to|tai lieu|(?:cac )?giay to can nop|noi dung ho so)$/;
const nameColumn =
  /^(hinh thuc(?: khen thuong)?|danh hieu|loai ho so|ten ho so|ho so|doi tuong(?: de nghi)?)$/;
const copiesColumn = /^(so luong|so bo|so ban)$/;

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

/** The dossier lists of a table with a row per dossier: its name, papers and number of copies. */
export function extractRequirementTables(lines: PlanLine[]): ExtractedRequirement[] {
  const found: ExtractedRequirement[] = [];
  let columns: { name: number; items: number; copies: number } | null = null;
  for (const l of lines) {
    if (!l.cells) {
      if (l.text) columns = null;
      continue;
    }
    const folded = l.cells.map((c) => fold(c).replace(/[:.]$/u, "").trim());
    const items = folded.findIndex((c) => itemsColumn.test(c));
    const name = folded.findIndex((c, i) => i !== items && nameColumn.test(c));
    if (items >= 0 && name >= 0) {
      columns = { name, items, copies: folded.findIndex((c) => copiesColumn.test(c)) };
      continue;
    }
    if (!columns) continue;
    const title = (l.cells[columns.name] ?? "").trim();
    const papers = cellItems(l.cells[columns.items] ?? "");
    if (!title || papers.length === 0) continue;
    // A row names an award ("Cờ thi đua của UBND tỉnh"): its papers are the dossier proposing it.
    const listName = /^(?:hồ sơ|bảng|danh sách|báo cáo|file|tờ trình|biên bản)(?![\p{L}])/iu.test(title)
      ? title
      : `Hồ sơ đề nghị ${title}`;
    const requirement: ExtractedRequirement = { name: listName, items: papers, line: l.line };
    const copies = columns.copies >= 0 ? (l.cells[columns.copies] ?? "").trim() : "";
    if (copies) requirement.copies = copies;
    found.push(requirement);
  }
  return found;
}
