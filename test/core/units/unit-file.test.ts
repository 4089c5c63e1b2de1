import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { beforeEach, describe, expect, it } from "vitest";
import { createTranslator } from "../../../src/bot/index.js";
import {
  importUnits,
  loadUnitTree,
  readUnitFile,
  ThiduaError,
  terminalAdministrator,
  type UnitFileProblem,
} from "../../../src/core/index.js";
import { engines, type TestDatabase, useTestDatabase } from "../../support/engines.js";
import { windows1258 } from "./windows-1258.js";

const sample = readFileSync(new URL("../../../data/units.csv", import.meta.url), "utf8");
const utf8 = new TextEncoder().encode(sample);
const csv = (bytes: Uint8Array) => ({ name: "units.csv", bytes });
const t = createTranslator();

/** The error a file is refused with. */
async function refusal(file: { name: string; bytes: Uint8Array }): Promise<ThiduaError> {
  const error = await readUnitFile(file).then(
    () => new Error("the file was accepted"),
    (thrown: unknown) => thrown,
  );
  if (error instanceof ThiduaError) return error;
  throw error;
}

describe("the encoding of a unit file", () => {
  it("reads Excel's Windows-1258 CSV as the same units, names spelled as in UTF-8", async () => {
    const bytes = windows1258(sample);
    expect(bytes.includes(0x3f)).toBe(false); // every character has its 1258 spelling
    const rows = await readUnitFile(csv(bytes));
    expect(rows).toEqual(await readUnitFile(csv(utf8)));
    expect(rows.find((r) => r.code === "MN-BTH")?.name).toBe("Trường Mầm non Bến Thành");
  });

  it("reads UTF-8 with a byte-order mark and UTF-16 LE with its mark", async () => {
    const expected = await readUnitFile(csv(utf8));
    expect(await readUnitFile(csv(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])))).toEqual(expected);
    expect(await readUnitFile(csv(iconv.encode(sample, "utf-16le", { addBOM: true })))).toEqual(expected);
  });
});

describe("unit files refused with what to do", () => {
  it('refuses a ";"-separated file, saying how to save it as CSV UTF-8', async () => {
    const error = await refusal(csv(windows1258(sample.replaceAll(",", ";"))));
    expect(error.messageKey).toBe("errors.unit_file_semicolon");
    for (const locale of ["vi", "en"] as const) {
      const message = t(locale)(error.messageKey, error.params);
      expect(message).toContain("units.csv");
      expect(message).toContain("(;)");
      expect(message).toContain('"CSV UTF-8 (Comma delimited) (*.csv)"');
    }
  });

  it("refuses an .xlsx workbook renamed .csv, saying to import it as .xlsx or save it as CSV", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Đơn vị");
    for (const line of sample.trim().split("\n")) sheet.addRow(line.split(","));
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect((await readUnitFile({ name: "units.xlsx", bytes })).length).toBe(22);
    const error = await refusal(csv(bytes));
    expect(error.messageKey).toBe("errors.unit_file_workbook");
    expect(t("vi")(error.messageKey, error.params)).toBe(
      'Tệp units.csv là một sổ tính Excel (.xlsx) được đặt đuôi .csv; không có gì được thay đổi. Đổi đuôi tệp thành .xlsx rồi nhập lại, hoặc mở tệp trong Excel và lưu thành "CSV UTF-8 (Comma delimited) (*.csv)".',
    );
  });

  it("refuses a file named .xlsx that is not a workbook, without exceljs's message", async () => {
    const error = await refusal({ name: "units.xlsx", bytes: utf8 });
    expect(error.messageKey).toBe("errors.unit_file_not_xlsx");
    expect(t("en")(error.messageKey, error.params)).toContain("units.xlsx is not a readable .xlsx workbook");
  });

  it("lists a stray quote and a quote never closed by line and column", async () => {
    const bad = sample
      .replace("MN-BN,Trường Mầm non Bé Ngoan,", 'MN-BN,Trường Mầm non "Bé Ngoan",')
      .replace("MN-195,Trường Mầm non 19/5,", 'MN-195,"Trường Mầm non 19/5,');
    const error = await refusal(csv(new TextEncoder().encode(bad)));
    expect(error.messageKey).toBe("errors.unit_file_invalid");
    const problems = error.params.problems as UnitFileProblem[];
    expect(problems).toEqual([
      { line: 10, reason: "stray_quote", params: { column: "name" } },
      { line: 11, reason: "unclosed_quote", params: { column: "name" } },
    ]);
    const vi = t("vi");
    expect(
      vi("fileProblems.line", { line: 10, problem: vi("fileProblems.stray_quote", problems[0]?.params) }),
    ).toBe(
      'Dòng 10: dấu ngoặc kép (") đặt sai chỗ trong ô name: hãy xóa nó, hoặc bao cả ô trong dấu ngoặc kép và viết mỗi dấu " bên trong thành ""',
    );
  });
});

describe.each(engines)("importing a Windows-1258 unit file (%s)", (engine) => {
  const fixture = useTestDatabase(engine);
  let database: TestDatabase;
  beforeEach(() => {
    database = fixture.database;
  });

  it("stores the names as UTF-8 spells them, and a refused file changes nothing", async () => {
    const rows = await readUnitFile(csv(windows1258(sample)));
    await importUnits(database.db, rows, terminalAdministrator(), new Date("2023-09-01T00:00:00Z"));
    const names = async () => (await loadUnitTree(database.db)).units.map((u) => [u.code, u.name]);
    const stored = await names();
    expect(stored).toContainEqual(["MN-BTH", "Trường Mầm non Bến Thành"]);
    expect(stored).toContainEqual([
      "GDTX-Q1",
      "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên Quận 1",
    ]);
    // The file is checked whole before anything is written: a refusal leaves no trace.
    const unclosed = sample.split("\n").slice(0, 3).join("\n").replace("Sở Giáo", '"Sở Giáo');
    await expect(readUnitFile(csv(new TextEncoder().encode(unclosed)))).rejects.toBeInstanceOf(ThiduaError);
    expect(await names()).toEqual(stored);
  });
});
