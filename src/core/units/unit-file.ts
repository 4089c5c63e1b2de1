import { z } from "zod";
import { ErrorCode, ThiduaError } from "../errors.js";
import { unitKinds } from "../storage/repositories/units.js";
import type { UnitKind } from "./audience.js";
import { parseCsv } from "./csv-records.js";
import { decodeText } from "./decode-text.js";

const unitFileColumns = [
  "code",
  "name",
  "kind",
  "parent_code",
  "groups",
  "leads",
  "focal_name",
  "focal_phone",
  "focal_email",
] as const;

/** One unit of the organisation as a unit file states it. */
export interface UnitFileRow {
  line: number;
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string | null;
  /** Khối / cụm names, the ones it leads included. */
  groups: string[];
  leads: string[];
  focal: { name: string; phone: string | null; email: string | null } | null;
}

/** What is wrong with a line of a unit file: a reason (a locale key under fileProblems.) and its values. */
export interface UnitFileProblem {
  line: number;
  reason: string;
  params: Record<string, string>;
}

const list = (cell: string) =>
  cell
    .split(";")
    .map((s) => s.trim().replace(/\s+/g, " "))
    .filter(Boolean);

const rowSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,49}$/, "code"),
  name: z.string().trim().min(1, "name"),
  kind: z.enum(unitKinds, "kind"),
  parent_code: z.string().trim(),
  groups: z.string(),
  leads: z.string(),
  focal_name: z.string().trim(),
  focal_phone: z
    .string()
    .trim()
    .regex(/^$|^[0-9+][0-9 .()-]{7,19}$/, "phone"),
  focal_email: z.union([z.literal(""), z.email("email")]),
});

type Lines = { line: number; cells: string[] }[];

/** The bytes of a zip archive, as every .xlsx is. */
const zipSignature = [0x50, 0x4b, 0x03, 0x04];

const refuse = (name: string, messageKey: string, message: string) =>
  new ThiduaError(ErrorCode.InputInvalid, `${name}: ${message}`, { messageKey, params: { name } });

/** The lines of a .csv file, or the quotes out of place that keep it from being read reliably. */
function readCsv(name: string, bytes: Uint8Array): { lines: Lines; problems: UnitFileProblem[] } {
  if (zipSignature.every((b, i) => bytes[i] === b))
    throw refuse(name, "errors.unit_file_workbook", "an Excel workbook named .csv");
  const { records, problems } = parseCsv(decodeText(bytes).text);
  const lines = records.filter(({ cells }) => cells.some((c) => c.trim()));
  // Excel in locales with a decimal comma saves "CSV" with ";": the header then reads as one cell.
  const header = lines[0]?.cells ?? [];
  if (header.length === 1 && header[0]?.includes(";"))
    throw refuse(name, "errors.unit_file_semicolon", 'columns separated by ";"');
  return {
    lines,
    problems: problems.map((p) => ({
      line: p.line,
      reason: p.reason,
      params: { column: unitFileColumns[p.cell - 1] ?? String(p.cell) },
    })),
  };
}

/** The first sheet's rows of an .xlsx file, as text, with their row numbers. */
async function readXlsx(name: string, bytes: Uint8Array): Promise<Lines> {
  // Loaded on first use: exceljs takes a quarter of a second to load, and most commands never need it.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (cause) {
    // A file renamed to .xlsx, or a damaged one: exceljs's own message means nothing to an officer.
    throw new ThiduaError(ErrorCode.InputInvalid, `${name} is not a readable .xlsx workbook`, {
      messageKey: "errors.unit_file_not_xlsx",
      params: { name },
      cause,
    });
  }
  const lines: Lines = [];
  workbook.worksheets[0]?.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let c = 1; c <= unitFileColumns.length; c++) cells.push(row.getCell(c).text ?? "");
    lines.push({ line, cells });
  });
  return lines;
}

/** The cells of each line of a .csv or .xlsx file, as trimmed NFC text, with their line numbers. */
async function readCells(
  name: string,
  bytes: Uint8Array,
): Promise<{ lines: Lines; problems: UnitFileProblem[] }> {
  let read: { lines: Lines; problems: UnitFileProblem[] };
  if (/\.csv$/i.test(name)) read = readCsv(name, bytes);
  else if (/\.xlsx$/i.test(name)) read = { lines: await readXlsx(name, bytes), problems: [] };
  else
    throw new ThiduaError(ErrorCode.InputInvalid, `${name} is not a .csv or .xlsx file`, {
      messageKey: "errors.unit_file_type",
      params: { name },
    });
  // Cells stay text (a phone number "0912…" keeps its leading zero); NFC because Unikey's
  // "Unicode tổ hợp" and Windows-1258 write tone marks apart, and names are compared as typed.
  for (const line of read.lines) line.cells = line.cells.map((c) => c.trim().normalize("NFC"));
  return read;
}

type Linked = Pick<UnitFileRow, "line" | "code" | "parentCode" | "leads">;

/**
 * Finds every problem of a file's lines taken together: duplicates, unknown parents, cycles, two
 * leaders. Read from every line, so a line with a bad cell still counts as the unit its code names.
 */
function problemsAcross(rows: Linked[]): UnitFileProblem[] {
  const problems: UnitFileProblem[] = [];
  const byCode = new Map<string, Linked>();
  for (const row of rows) {
    const first = byCode.get(row.code);
    if (first)
      problems.push({
        line: row.line,
        reason: "duplicate_code",
        params: { code: row.code, first: String(first.line) },
      });
    else byCode.set(row.code, row);
  }
  for (const row of rows) {
    if (row.parentCode && !byCode.has(row.parentCode))
      problems.push({ line: row.line, reason: "unknown_parent", params: { parent: row.parentCode } });
  }
  for (const row of rows) {
    const seen = new Set<string>([row.code]);
    for (let up = row.parentCode; up; up = byCode.get(up)?.parentCode ?? null) {
      if (seen.has(up)) {
        problems.push({ line: row.line, reason: "cycle", params: { code: row.code } });
        break;
      }
      seen.add(up);
    }
  }
  const leaders = new Map<string, Linked>();
  for (const row of rows) {
    for (const group of row.leads) {
      const other = leaders.get(group);
      if (other)
        problems.push({ line: row.line, reason: "two_leaders", params: { group, other: other.code } });
      else leaders.set(group, row);
    }
  }
  return problems;
}

/**
 * Reads a unit file (.csv or .xlsx with the header code,name,kind,parent_code,groups,leads,
 * focal_name,focal_phone,focal_email) and checks it whole: any problem refuses the file, every
 * problem listed by line.
 */
export async function readUnitFile(file: { name: string; bytes: Uint8Array }): Promise<UnitFileRow[]> {
  const { lines, problems } = await readCells(file.name, file.bytes);
  const [header, ...body] = lines;
  const headerCells = header?.cells.map((c) => c.toLowerCase()) ?? [];
  // Around a quote out of place the cells cannot be trusted: those problems alone are listed.
  if (!problems.length && unitFileColumns.some((column, i) => headerCells[i] !== column)) {
    problems.push({
      line: header?.line ?? 1,
      reason: "header",
      params: { expected: unitFileColumns.join(",") },
    });
  }
  const rows: UnitFileRow[] = [];
  if (!problems.length) {
    for (const { line, cells } of body) {
      const parsed = rowSchema.safeParse(
        Object.fromEntries(unitFileColumns.map((c, i) => [c, cells[i] ?? ""])),
      );
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const column = String(issue.path[0] ?? "");
          problems.push({
            line,
            reason: `bad_${issue.message}`,
            params: { value: cells[unitFileColumns.indexOf(column as never)] ?? "" },
          });
        }
        continue;
      }
      const r = parsed.data;
      const leads = list(r.leads);
      rows.push({
        line,
        code: r.code,
        name: r.name.replace(/\s+/g, " "),
        kind: r.kind,
        parentCode: r.parent_code || null,
        groups: [...new Set([...list(r.groups), ...leads])],
        leads,
        focal: r.focal_name
          ? { name: r.focal_name, phone: r.focal_phone || null, email: r.focal_email || null }
          : null,
      });
    }
    if (!body.length) problems.push({ line: header?.line ?? 1, reason: "empty", params: {} });
    const across = problemsAcross(
      body
        .filter(({ cells }) => cells[0])
        .map(({ line, cells }) => ({
          line,
          code: cells[0] ?? "",
          parentCode: cells[3] || null,
          leads: list(cells[5] ?? ""),
        })),
    );
    // A loop, not push(...across): a large file can hold more problems than a call takes arguments.
    for (const problem of across) problems.push(problem);
  }
  if (problems.length) {
    problems.sort((a, b) => a.line - b.line);
    throw new ThiduaError(ErrorCode.InputInvalid, `${file.name}: ${problems.length} problem(s)`, {
      messageKey: "errors.unit_file_invalid",
      params: { name: file.name, count: problems.length, problems },
    });
  }
  return rows;
}
