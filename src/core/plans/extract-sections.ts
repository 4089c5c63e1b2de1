import type { PlanSection } from "./extraction.js";
import { isListItem, type PlanLine } from "./plan-text.js";

interface HeadingRule {
  level: number;
  pattern: RegExp;
}

// Deeper numbering first, so "1.1." is not read as "1.".
const headingRules: HeadingRule[] = [
  { level: 1, pattern: /^((?:X{0,3})(?:IX|IV|V?I{0,3}))\.\s+(.+)$/u },
  // A Quy chế's "Chương II" (its title on the next line) and "Điều 15. Xử lý hồ sơ nộp chậm", whose
  // clauses are numbered "1.", "2." under it.
  { level: 1, pattern: /^(Chương\s+(?:[IVXL]+|\d{1,2}))(?:\s*[.:–-]\s*|\s*$)(.*)$/u },
  { level: 1.5, pattern: /^(Điều\s+\d{1,3})\.\s*(.+)$/u },
  { level: 4, pattern: /^(\d+\.\d+\.\d+)\.?\s+(.+)$/u },
  { level: 3, pattern: /^(\d+\.\d+)\.?\s+(.+)$/u },
  { level: 2, pattern: /^(\d+)\.\s+(.+)$/u },
  // "Bước 2: Hội nghị khối thi đua": a guide's steps, under its part or numbered point.
  { level: 3, pattern: /^(Bước\s+\d{1,2})\s*[:.–-]\s*(.+)$/u },
  { level: 5, pattern: /^([a-zđ])\)\s+(.+)$/u },
];
const LIST_LEVEL = 6;
const SUBLIST_LEVEL = 7;

/** Recognises a numbered heading ("II.", "1.", "1.1.", "Bước 2:", "a)") and returns its numbering and level. */
export function matchHeading(text: string): { numbering: string; heading: string; level: number } | null {
  for (const rule of headingRules) {
    const m = rule.pattern.exec(text);
    if (m?.[1] && m[2] !== undefined && (m[2] || /^Chương/u.test(m[1])))
      return { numbering: m[1], heading: m[2].trim() || m[1], level: rule.level };
  }
  return null;
}

/** Where the body of a plan ends: its recipient list ("Nơi nhận:") or the appendix. */
export function bodyEnd(lines: PlanLine[]): number {
  const stop = (from: number) =>
    lines.findIndex((l, i) => i >= from && /^(Nơi nhận|PHỤ LỤC)(?![\p{L}\p{N}])/u.test(l.text));
  let end = stop(0);
  // A Quyết định that issues a Quy chế or a Kế hoạch "ban hành kèm theo" it: the body goes on into it.
  while (end >= 0) {
    const from = end;
    const issued = lines.findIndex(
      (l, i) => i > from && i < from + attachedReach && /^[(*\s]*Ban hành kèm theo\s/iu.test(l.text),
    );
    if (issued < 0) break;
    end = stop(issued);
  }
  return end >= 0 ? end : lines.length;
}
// How many lines after a decision's "Nơi nhận" the document it issues may begin.
const attachedReach = 40;

// How Vietnamese administrative documents open their closing paragraph.
const closingFormula = /^Trên đây là\s/u;

/** Builds the section tree (I., 1., 1.1., a), -, +) with each section's own text. */
// A table read elsewhere (a timeline, dossier papers, officers, khối/cụm), a letterhead and a table of
// marks is not searched again; any other (quotas by level) is.
const otherTable =
  /^(?!.*(?:thời gian|thời hạn|thành phần|hồ sơ|họ (?:và )?tên|điện thoại|khối|cụm|CỘNG HÒA|Độc lập|điểm|tiêu chí)).+$/iu;
const rowNumber = /^\s*(?:s?tt|số tt)\s*$/iu;

export function extractSections(lines: PlanLine[]): PlanSection[] {
  const sections: PlanSection[] = [];
  const levels: number[] = [];
  const stack: number[] = []; // indexes into sections, by depth

  const open = (numbering: string | null, heading: string, level: number, line: number) => {
    while (stack.length && (levels[stack[stack.length - 1] ?? 0] ?? 0) >= level) stack.pop();
    const parent = stack.length ? (stack[stack.length - 1] ?? null) : null;
    sections.push({ numbering, heading, body: "", line, parent });
    levels.push(level);
    stack.push(sections.length - 1);
  };

  // A table's first row names its columns; each row after it is kept in the section as "column: cell"
  // pairs, so a question on a quota table ("mỗi cấp học dự thi mấy người") finds it.
  let header: string[] | null = null;
  for (const l of lines.slice(0, bodyEnd(lines))) {
    if (l.cells) {
      const current = stack.length ? sections[stack[stack.length - 1] ?? 0] : undefined;
      if (!header) header = otherTable.test(l.cells.join(" · ")) ? l.cells : [];
      else if (current && header.length) {
        const columns = header;
        const row = l.cells
          .map((cell, i) => {
            const name = columns[i]?.trim() ?? "";
            if (!cell.trim() || rowNumber.test(name)) return "";
            return name ? `${name}: ${cell.trim()}` : cell.trim();
          })
          .filter(Boolean)
          .join(" · ");
        if (row) current.body = current.body ? `${current.body}\n${row}` : row;
      }
      continue;
    }
    if (l.text) header = null;
    if (!l.text) continue;
    const heading = matchHeading(l.text);
    if (closingFormula.test(l.text)) {
      // "Trên đây là Kế hoạch …; nếu có vướng mắc, báo cáo về …": the plan's closing word, not the last
      // item's; it stands alone so a question about whom to turn to finds it. Like a bullet, its own
      // words are its heading.
      open(null, l.text, 1, l.line);
    } else if (heading) {
      open(heading.numbering, heading.heading, heading.level, l.line);
    } else if (/^\*\s+\S[^.]{0,100}$/u.test(l.raw.trim())) {
      // "* Các mốc khen thưởng khác trong năm học": a part without a number, after the steps it closes.
      open("*", l.text.trim(), 3, l.line);
    } else if (isListItem(l.text)) {
      const bullet = l.text.replace(/^\s*-\s*\+/, "+").trim()[0] ?? "-";
      open(
        bullet,
        l.text.replace(/^([-+•–]\s*)+/, "").trim(),
        bullet === "+" ? SUBLIST_LEVEL : LIST_LEVEL,
        l.line,
      );
    } else {
      const current = stack.length ? sections[stack[stack.length - 1] ?? 0] : undefined;
      if (current) current.body = current.body ? `${current.body}\n${l.text}` : l.text;
    }
  }
  return sections;
}
