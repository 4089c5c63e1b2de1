import { parseDeadline } from "../deadlines/parse-deadline.js";
import type { DeadlineContext } from "../deadlines/types.js";
import { fold } from "../text/fold.js";
import { midSentence, sentenceFromCapitals } from "../text/sentence-case.js";
import { resolveAudience } from "../units/audience.js";
import { matchHeading } from "./extract-sections.js";
import type { ExtractedDeadline } from "./extraction.js";
import type { PlanLine } from "./plan-text.js";

type Column = "row" | "task" | "responsible" | "coordinating" | "deadline" | "label" | "month";

// Header cells, folded, that name each column of a timeline table.
const columnNames: [Column, RegExp][] = [
  ["row", /^(tt|stt|so tt)$/],
  ["coordinating", /(tham muu|phoi hop)/],
  [
    "responsible",
    /(don vi|bo phan|nguoi) (thuc hien|chu tri|phu trach|nop|gui)|^chu tri|^thuc hien$|^doi tuong/,
  ],
  [
    "deadline",
    /(thoi gian|thoi han|han (hoan thanh|nop)|tien do|^ngay( (tiep nhan|nop|thuc hien))?$|^thang$)/,
  ],
  ["task", /(noi dung|nhiem vu|cong viec)/],
  // A table of one task by level ("Cấp học", "Khối", "Đợt"): the cell that tells its rows apart.
  [
    "label",
    /^(cap hoc|cap|khoi|bac hoc|dot|loai ho so|ho so|cum|cum thi dua|khoi thi dua|to|to chuyen mon)$/,
  ],
];
// A label that names units ("Tổ", "Khối", "Cụm"): each row is that unit's own, whoever chairs it.
const unitLabel = /^(khoi|cum|cum thi dua|khoi thi dua|to|to chuyen mon)$/;

// A caption line: letters, all capitals, not a lone "PHỤ LỤC" (which names no task).
const isCapitals = (text: string) =>
  /\p{Lu}.*\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text) && !/^PHỤ LỤC(?:\s+[\dIVX]+)?$/u.test(text);

// A time column that dates each row: "Hạn hoàn thành", "Thời hạn", "Thời gian".
const ownDeadline = /^(thoi gian|thoi han|han (hoan thanh|nop)|han chot)/;
// A bare date under "Hạn hoàn thành" is the day it must be done by.
const dueColumn = /^(han (hoan thanh|nop)|han chot)/;

const hoursOnly =
  /^\d{1,2}\s*(?:h|giờ|g|:)\s*\d{0,2}(?:\s*phút)?(?:\s*[–-]\s*\d{1,2}\s*(?:h|giờ|g|:)\s*\d{0,2}(?:\s*phút)?)?$/iu;

// "… lịch họp chuyển sang 15h30 thứ Ba 25/5/2027, …": the day a note moves a row to.
const movedTo = /(?:chuyển|đổi|dời|lùi)\s+(?:sang|đến|tới|vào)\s+([^,;]+?)(?:[,;]|\.(?:\s|$)|$)/iu;

const quarterRow = /^Quý\s+([IVX]+|\d)(?![\p{L}\p{N}])/iu;

function mapColumns(cells: string[]): Map<Column, number> | null {
  const map = new Map<Column, number>();
  cells.forEach((cell, i) => {
    const folded = fold(cell);
    const column = columnNames.find(([name, pattern]) => !map.has(name) && pattern.test(folded));
    if (column) map.set(column[0], i);
  });
  // "Tháng · Nội dung · … · Hạn hoàn thành": the month groups the rows, the other time cell dates them.
  const first = map.get("deadline");
  const dated = cells.findIndex((cell, i) => i !== first && ownDeadline.test(fold(cell)));
  if (first !== undefined && fold(cells[first] ?? "") === "thang" && dated >= 0) {
    map.set("month", first);
    map.set("deadline", dated);
  }
  if (!map.has("deadline")) return null;
  // "Tổ · Thời gian · Phòng họp · Chủ trì · Thư ký": the tổ meets; who chairs is one of its details.
  const label = map.get("label");
  if (label !== undefined && !map.has("task") && unitLabel.test(fold(cells[label] ?? "")))
    map.delete("responsible");
  // "Cụm · Ngày tiếp nhận · Buổi · Phòng": a schedule by group needs no column of units.
  if (map.has("task") || map.has("label")) return map;
  // "Ngày · Buổi · Đơn vị nộp · Địa điểm": a schedule by unit, its rows told apart by who comes.
  const units = map.get("responsible");
  if (units === undefined) return null;
  map.set("label", units);
  return map;
}

// "1. Thời hạn nộp hồ sơ tại điểm a mục III theo từng cấp học:" → "Nộp hồ sơ tại điểm a mục III".
function taskOfIntro(intro: string): string {
  const task = intro
    .replace(/^(?:[\dIVX]+[.)]|[a-zđ]\))\s*/u, "")
    .replace(/^(?:thời hạn|thời gian|lịch)\s+/iu, "")
    .replace(/[\s:.,]+$/u, "")
    .replace(/\s*(?:theo từng|đối với từng|của từng)\s+[^,:]*$/u, "")
    // "Lịch tiếp nhận hồ sơ theo cụm (Đợt 1)": each row names its cụm, and the office's days of
    // receiving are the units' days of handing in.
    .replace(/\s+theo\s+(?:cụm|khối)(?:\s+thi đua)?(?=\s*\(|$)/iu, "")
    .replace(/^(?:tiếp )?nhận hồ sơ/iu, "nộp hồ sơ");
  return task.charAt(0).toUpperCase() + task.slice(1);
}

type Parsed = Extract<ReturnType<typeof parseDeadline>, { ok: true }>["deadline"];

/**
 * "Trước 17h ngày 05/10 (thứ Hai): tổ trưởng nộp …" in a row under "Tháng 10/2026": the row's own day,
 * written before the colon of its task cell, and the task after it. "Trong tháng: …" keeps the month.
 */
function dayInTask(task: string, ctx: DeadlineContext): { deadline: Parsed | null; task: string } | null {
  const m = /^([^:]{3,80}):\s+(\S.*)$/u.exec(task);
  if (!m?.[1] || !m[2]) return null;
  const rest = m[2].charAt(0).toUpperCase() + m[2].slice(1);
  if (/^trong thang(?: nay)?$/.test(fold(m[1]).trim())) return { deadline: null, task: rest };
  const result = parseDeadline(m[1], ctx);
  if (!result.ok) return null;
  // Only a time, or an event the time hangs on ("Sau khi có kết quả …"), not any task naming a schedule.
  if (result.deadline.kind === "unscheduled" && !/^sau\s/.test(fold(m[1]))) return null;
  return { deadline: result.deadline, task: rest };
}

const cellAt = (cells: string[], map: Map<Column, number>, column: Column): string => {
  const i = map.get(column);
  return i === undefined ? "" : (cells[i] ?? "").trim();
};

// "Cụm số 2: 8h00 thứ Năm …", "Trường ngoài công lập: …": a cụm or khối, or the schools by who runs them.
const ownGroupOrSchools =
  /^(?:(?:cum|khoi)(?: thi dua)?(?: so)? (?:\d{1,2}|[ivx]{1,4})|(?:cac )?truong (?:ngoai )?cong lap|(?:cac )?truong tu thuc)\b/;

/**
 * A time cell that gives each level its own date ("Cấp mầm non, tiểu học: chậm nhất ngày 21/5/2027; cấp
 * THCS (…): chậm nhất ngày 25/5/2027"), as its clauses; null unless every clause names units and a date.
 */
function levelClauses(
  cell: string,
  ctx: DeadlineContext,
): { label: string; deadline: Extract<ReturnType<typeof parseDeadline>, { ok: true }>["deadline"] }[] | null {
  const parts = cell
    .split(/\s*;\s*/u)
    .map((part) => part.replace(/^[-+•]\s*/u, ""))
    .filter(Boolean);
  if (parts.length < 2) return null;
  const clauses = [];
  for (const part of parts) {
    // "Cấp THCS: chậm nhất ngày …", or the level after the date: "trước ngày 05/6/2027 (Phòng GDĐT)".
    const labelled = /^([^:]{2,160}?)\s*:\s*(.+)$/u.exec(part);
    const after = labelled ? null : /^(.+?)\s*\(([^()]{2,80})\)\s*\.?$/u.exec(part);
    const [label, words] = labelled ? [labelled[1], labelled[2]] : [after?.[2], after?.[1]];
    if (!label || !words || !(resolveAudience(label, null) || ownGroupOrSchools.test(fold(label))))
      return null;
    const result = parseDeadline(words, ctx);
    if (!result.ok) return null;
    clauses.push({ label, deadline: result.deadline });
  }
  return clauses;
}

/** A level's label as it reads after a dash in a task: "Cấp THCS" → "cấp THCS", "Mầm non" → "mầm non", "THPT" stays. */

// "Nội dung | Mầm non | Tiểu học | THCS": a row per task, a column per level, a date in each cell.
interface LevelColumns {
  task: number;
  levels: { at: number; label: string }[];
}
function levelColumns(cells: string[]): LevelColumns | null {
  const task = cells.findIndex((cell) =>
    /^(?:noi dung|nhiem vu|cong viec|viec|ho so|loai ho so)$/.test(fold(cell).trim()),
  );
  if (task < 0) return null;
  const levels = cells.flatMap((cell, at) =>
    at !== task && cell.trim() && resolveAudience(cell.trim(), null) ? [{ at, label: cell.trim() }] : [],
  );
  return levels.length >= 2 ? { task, levels } : null;
}

/** The deadlines of a table with a column per level: one per dated cell, done by that column's units. */
function levelColumnRow(
  cells: string[],
  table: LevelColumns,
  line: number,
  intro: string,
  ctx: DeadlineContext,
): ExtractedDeadline[] {
  const named = (cells[table.task] ?? "").trim();
  if (!named) return [];
  // "Các mốc nộp hồ sơ … (ngày ghi trong bảng là hạn cuối)": a day in a cell is the last one to hand in,
  // and a row that names a paper ("Danh sách giáo viên dự hội giảng") is the step of handing it in.
  const lastDays = /(?:hạn|mốc nộp|thời hạn)(?![\p{L}\p{N}])/iu.test(intro);
  const handIn =
    /(?<![\p{L}\p{N}])(?:nộp|gửi)(?![\p{L}\p{N}])/iu.test(intro) && !/^(?:nộp|gửi)\s/iu.test(named);
  const task = handIn ? `Nộp ${named.charAt(0).toLowerCase()}${named.slice(1)}` : named;
  return table.levels.flatMap(({ at, label }) =>
    cellDeadline(cells[at] ?? "", { task, label, line, lastDay: lastDays }, ctx),
  );
}

/**
 * The deadline of one dated cell of a table by level, done by that level's units; `lastDay`: a day in
 * it is the last one to hand in ("by"), not the day something happens.
 */
function cellDeadline(
  cell: string,
  at: { task: string; label: string; line: number; lastDay: boolean },
  ctx: DeadlineContext,
): ExtractedDeadline[] {
  const result = cell.trim() ? parseDeadline(cell.trim(), ctx) : null;
  if (!result?.ok) return [];
  const { deadline } = result;
  const byDay = at.lastDay && deadline.kind === "on";
  return [
    {
      source: "text",
      line: at.line,
      task: `${at.task} – ${midSentence(at.label)}`,
      responsible: at.label,
      coordinating: null,
      raw: deadline.raw,
      kind: byDay ? "by" : deadline.kind,
      start: byDay ? null : deadline.start,
      due: deadline.due,
      inherited: false,
    },
  ];
}

// "Cấp học · Nộp báo cáo sơ kết · Nộp hồ sơ sáng kiến": a row per level, a column per step, a date in each cell.
interface StepColumns {
  label: number;
  steps: { at: number; task: string }[];
}
function stepColumns(cells: string[]): StepColumns | null {
  if (!/^(?:cap hoc|cap|khoi|cum|cum thi dua|don vi|doi tuong)$/.test(fold(cells[0] ?? "").trim()))
    return null;
  const steps = cells.flatMap((cell, at) =>
    at > 0 &&
    /^(?:nop|gui|hoan thanh|hop|dang ky|to chuc|bao cao|tai len|cap nhat)(?![a-z])/.test(fold(cell).trim())
      ? [{ at, task: cell.trim() }]
      : [],
  );
  return steps.length ? { label: 0, steps } : null;
}

/** The deadlines of a row of a table with a column per step: one per dated cell, done by the row's units. */
function stepColumnRow(
  cells: string[],
  table: StepColumns,
  line: number,
  ctx: DeadlineContext,
): ExtractedDeadline[] {
  const label = (cells[table.label] ?? "").trim();
  if (!label) return [];
  // A day under "Nộp …" is the last one to hand in.
  return table.steps.flatMap(({ at, task }) =>
    cellDeadline(cells[at] ?? "", { task, label, line, lastDay: true }, ctx),
  );
}

/** Reads every timeline table (TT · Nội dung · Đơn vị thực hiện · phối hợp · Thời gian) into deadlines. */
export function extractAppendix(lines: PlanLine[], ctx: DeadlineContext): ExtractedDeadline[] {
  const deadlines: ExtractedDeadline[] = [];
  let columns: Map<Column, number> | null = null;
  // The month of the rows below a "Tháng 10/2026" cell, which leave theirs empty.
  let monthOfRows = "";
  const withMonth = (cell: string, monthCell: string): string => {
    if (!columns?.has("month")) return cell;
    if (monthCell) monthOfRows = monthCell;
    const month = monthOfRows.replace(/^tháng\s+/iu, "");
    if (!month) return cell;
    if (!cell || /^(?:trong\s+)?tháng$/iu.test(cell)) return monthOfRows;
    // "Tuần 3", "Cuối tháng" in the month's rows: that week, or the end of that month.
    if (/^tuần\s+(?:\d|[IVX]+)$/iu.test(cell)) return `${cell} tháng ${month}`;
    if (/^(?:cuối|đầu|giữa)\s+tháng$/iu.test(cell)) return `${cell} ${month}`;
    return cell;
  };
  let quarter: string | undefined;
  let previous: ExtractedDeadline | undefined;
  // Rows whose time cell carries a footnote's mark ("15h30 chiều 24/5 (*)"), for the note under the table.
  let marked: ExtractedDeadline[] = [];
  // The prose line just above a table, which names the task of a table without a task column.
  let intro = "";
  let heading = "";
  let headerCells: string[] = [];
  let tableIntro = "";
  // A table without a TT column numbers its rows by position.
  let position = 0;

  let byColumn: LevelColumns | null = null;
  let byStep: StepColumns | null = null;
  let inAppendix = false;
  let caption = "";
  let captionOpen = false;
  const fullText = lines.map((l) => l.text).join("\n");

  for (const l of lines) {
    if (!l.cells) {
      // A table ends at a prose line; blank lines between page-broken parts do not end it.
      // "PHỤ LỤC II" opens another appendix, and ends the table of the one before.
      const otherAppendix = /^PHỤ LỤC\s+[\dIVX]+\s*$/u.test(l.text);
      if (
        l.text &&
        (otherAppendix || !/^PHỤ LỤC|^\(Kèm theo/u.test(l.text)) &&
        columns &&
        !quarterRow.test(l.text)
      )
        columns = null;
      // "(*) Tổ Hóa – Sinh: …, lịch họp chuyển sang 15h30 thứ Ba 25/5/2027, …": the note moves the marked rows.
      const moved = marked.length && /^\(\s*\)/u.test(l.text) ? movedTo.exec(l.text)?.[1] : undefined;
      const to = moved ? parseDeadline(moved, ctx) : null;
      if (to?.ok)
        for (const row of marked)
          Object.assign(row, {
            raw: `${row.raw}, chuyển sang ${to.deadline.raw}`,
            kind: to.deadline.kind,
            start: to.deadline.start,
            due: to.deadline.due,
          });
      if (l.text && !/^\(\s*\)/u.test(l.text)) marked = [];
      if (l.text) {
        byColumn = null;
        byStep = null;
        // Past "Phụ lục", a table of one task by group is the appendix's, its rows counted.
        if (/^PHỤ LỤC(?![\p{L}])/iu.test(l.text)) inAppendix = true;
        // "LỊCH TIẾP NHẬN HỒ SƠ" then "ĐỀ NGHỊ XÉT TẶNG …": an appendix's caption in capitals, its lines
        // read as one; "(Kèm theo …)" under it does not end it.
        // A numbered heading in capitals ("II. LỊCH TIẾP NHẬN …") is the part's heading, read below.
        const words = l.text;
        const captionLine = isCapitals(words) && !matchHeading(words);
        if (captionLine) caption = captionOpen ? `${caption} ${words}` : words;
        else if (!/^\(Kèm theo/iu.test(words)) caption = "";
        captionOpen = captionLine || (captionOpen && /^\(Kèm theo/iu.test(words));
        intro = l.text;
      }
      // "3. Lịch tiếp nhận hồ sơ theo cụm (Đợt 1)": a numbered part's heading.
      if (matchHeading(l.text) && l.text.length < 120) heading = l.text;
      continue;
    }
    const header = mapColumns(l.cells);
    const levelHeader = header ? null : levelColumns(l.cells);
    const stepHeader = header || levelHeader ? null : stepColumns(l.cells);
    if (levelHeader) {
      byColumn = levelHeader;
      tableIntro = intro;
      columns = null;
      continue;
    }
    if (stepHeader) {
      byStep = stepHeader;
      columns = null;
      continue;
    }
    if (byColumn) {
      deadlines.push(...levelColumnRow(l.cells, byColumn, l.line, tableIntro, ctx));
      continue;
    }
    if (byStep) {
      deadlines.push(...stepColumnRow(l.cells, byStep, l.line, ctx));
      continue;
    }
    if (header) {
      // A repeated header after a page break is structure, not a task, and keeps the table's intro
      // and its count of rows.
      if (!columns) {
        // The sentence that leads into the table, else the heading of its part: a paragraph that
        // only says where and how to hand in does not name the rows' task.
        tableIntro = /:\s*$/u.test(intro)
          ? intro
          : caption
            ? sentenceFromCapitals(caption, fullText)
            : heading || intro;
        position = 0;
      }
      columns = header;
      headerCells = l.cells;
      monthOfRows = "";
      continue;
    }
    if (!columns) continue;
    const first = l.cells.find((c) => c !== "") ?? "";
    const quarterMatch = quarterRow.exec(first);
    if (quarterMatch && l.cells.filter((c) => c !== "").length === 1) {
      quarter = quarterMatch[1]?.toUpperCase();
      continue;
    }
    const label = cellAt(l.cells, columns, "label");
    const byLevel = !columns.has("task");
    // "Cụm 3 · Thứ Tư, 19/5 · Sáng · Phòng 104": a schedule by group keeps its other cells (the session,
    // the room) in the task, where a unit reads when and where to come.
    const mapped = new Set(columns.values());
    // (A units column of its own, as in "Cấp học · Đơn vị nộp · Thời hạn · Người tiếp nhận", keeps its rows short.)
    const details =
      byLevel && (!columns.has("responsible") || columns.get("label") === columns.get("responsible"))
        ? l.cells.flatMap((cell, i) =>
            !mapped.has(i) && cell.trim() && headerCells[i] ? [`${headerCells[i]}: ${cell.trim()}`] : [],
          )
        : [];
    const task = byLevel
      ? label &&
        `${taskOfIntro(tableIntro) || "Nộp hồ sơ"} (${label})${details.length ? ` – ${details.join("; ")}` : ""}`
      : cellAt(l.cells, columns, "task");
    if (!task) continue;
    const rowCell = cellAt(l.cells, columns, "row").replace(/\.$/, "");
    // Without a column of units, the row's level or group ("Cụm 3", "Mầm non") is who does it.
    const responsible = cellAt(l.cells, columns, "responsible") || (byLevel ? label : "");
    const coordinating = cellAt(l.cells, columns, "coordinating");
    // "nt" (như trên) in a time cell: the same time as the row above, as an empty merged cell is.
    // "14h00 chiều 19/5 (*)": the footnote's mark (its star already gone with the markup) is no part of it.
    const footnoted = /\(\s*\*?\s*\)/u.test(cellAt(l.cells, columns, "deadline"));
    const timeCell = cellAt(l.cells, columns, "deadline")
      .replace(/^(?:nt|n\.t\.?|như trên)$/iu, "")
      .replace(/\s*\(\s*\*?\s*\)/gu, "");
    const deadlineText = withMonth(timeCell, cellAt(l.cells, columns, "month"));

    const entry: ExtractedDeadline = {
      // A table of one task by level stands in the body, where its line says where it is.
      source: byLevel && !inAppendix ? "text" : "appendix",
      line: l.line,
      task,
      responsible: responsible || null,
      coordinating: coordinating || null,
      raw: deadlineText,
      kind: null,
      start: null,
      due: null,
      inherited: false,
    };
    position++;
    if (!byLevel || inAppendix) {
      if (/^\d+$/.test(rowCell)) entry.row = Number(rowCell);
      else if (!columns.has("row")) entry.row = position;
    }
    if (quarter) entry.quarter = quarter;

    // Only a filled time cell can give each level its own date.
    const byLevelDates = deadlineText ? levelClauses(deadlineText, ctx) : null;
    if (!responsible && !coordinating && !deadlineText && previous) {
      // Merged cells: the row continues the unit and deadline cells of the row above.
      Object.assign(entry, {
        responsible: previous.responsible,
        coordinating: previous.coordinating,
        raw: previous.raw,
        kind: previous.kind,
        start: previous.start,
        due: previous.due,
        inherited: true,
      });
      if (previous.warning) entry.warning = previous.warning;
    } else if (!deadlineText && previous?.kind) {
      // Only the time cell is merged: the row keeps its own units and takes the time above.
      Object.assign(entry, {
        raw: previous.raw,
        kind: previous.kind,
        start: previous.start,
        due: previous.due,
        inherited: true,
      });
    } else if (byLevelDates) {
      // One row, a date per level: a task for each, with that level as who does it; a units cell in as
      // many parts ("Trường THPT, trường chuyên, trung tâm GDTX; Phòng GDĐT") names each part's units.
      const unitParts = responsible.split(/\s*;\s*/u);
      const paired = unitParts.length === byLevelDates.length;
      for (const [n, clause] of byLevelDates.entries()) {
        deadlines.push({
          ...entry,
          task: `${task} – ${midSentence(clause.label)}`,
          responsible: paired ? (unitParts[n] ?? clause.label) : clause.label,
          raw: clause.deadline.raw,
          kind: clause.deadline.kind,
          start: clause.deadline.start,
          due: clause.deadline.due,
        });
      }
      previous = deadlines.at(-1);
      continue;
    } else {
      const result = parseDeadline(deadlineText, ctx);
      if (result.ok) {
        Object.assign(entry, {
          raw: result.deadline.raw,
          kind: result.deadline.kind,
          start: result.deadline.start,
          due: result.deadline.due,
        });
        const dueHeader = fold(headerCells[columns.get("deadline") ?? -1] ?? "");
        if (entry.kind === "on" && dueColumn.test(dueHeader))
          Object.assign(entry, { kind: "by", start: null });
      } else if (hoursOnly.test(deadlineText.trim())) {
        // "07h15 – 07h45" in a meeting's programme: an hour of that day, no one's deadline.
        continue;
      } else {
        entry.warning = result.detail;
      }
    }
    // The month of the time cell, kept for the rows below it that leave the cell empty.
    const cellTime = { ...entry };
    const own =
      !byLevel && (entry.kind === null || entry.kind === "month") ? dayInTask(entry.task, ctx) : null;
    if (own) entry.task = own.task;
    if (own?.deadline) {
      Object.assign(entry, {
        raw: own.deadline.raw,
        kind: own.deadline.kind,
        start: own.deadline.start,
        due: own.deadline.due,
        inherited: false,
      });
      delete entry.warning;
    }
    deadlines.push(entry);
    if (footnoted) marked.push(entry);
    previous = own?.deadline ? { ...cellTime, task: entry.task } : entry;
  }
  return deadlines;
}
