import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeEach, describe, expect, it } from "vitest";
import {
  importUnits,
  loadUnitTree,
  readUnitFile,
  ThiduaError,
  type TreeUnit,
  terminalAdministrator,
  type UnitFileProblem,
  unitsNamed,
} from "../../../src/core/index.js";
import { engines, queryRows, type TestDatabase, useTestDatabase } from "../../support/engines.js";

const sample = readFileSync(new URL("../../../data/units.csv", import.meta.url), "utf8");
const csv = (text: string) => ({ name: "units.csv", bytes: new TextEncoder().encode(text) });
const at = new Date("2023-09-01T00:00:00Z");

async function problemsOf(text: string): Promise<UnitFileProblem[]> {
  try {
    await readUnitFile(csv(text));
  } catch (error) {
    if (error instanceof ThiduaError) return error.params.problems as UnitFileProblem[];
    throw error;
  }
  throw new Error("the file was accepted");
}

describe("reading a unit file", () => {
  it("reads the sample: units, parents, khối with their leaders, focal persons", async () => {
    const rows = await readUnitFile(csv(sample));
    expect(rows).toHaveLength(22);
    const ketDoan = rows.find((r) => r.code === "TH-KD");
    expect(ketDoan).toMatchObject({
      kind: "tieu_hoc",
      parentCode: "PGD-Q1",
      groups: ["Khối thi đua tiểu học 2"],
      leads: ["Khối thi đua tiểu học 2"],
      focal: { name: "Phan Thị Kim", phone: "0902 222 003", email: "thketdoan.q1@hcm.edu.vn" },
    });
  });

  it("reads the same units from .xlsx, keeping phone numbers as written", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Đơn vị");
    for (const line of sample.trim().split("\n")) sheet.addRow(line.split(","));
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const fromXlsx = await readUnitFile({ name: "units.xlsx", bytes });
    expect(fromXlsx).toEqual(await readUnitFile(csv(sample)));
  });

  it("refuses a file whole, listing every problem by line", async () => {
    const problems = await problemsOf(
      [
        "code,name,kind,parent_code,groups,leads,focal_name,focal_phone,focal_email",
        "A,Sở A,so,,,,,,",
        "B,Phòng B,phong,A,,,X,0908 123 456,not-an-email",
        "B,Phòng B2,phong,A,,,,,",
        "C,Trường C,truong,ZZ,,,,,",
        "D,Trường D,tieu_hoc,E,K1,K1,,,",
        "E,Trường E,tieu_hoc,D,K1,K1,,abc,",
      ].join("\n"),
    );
    expect(problems.map((p) => [p.line, p.reason])).toEqual([
      [3, "bad_email"],
      [4, "duplicate_code"],
      [5, "bad_kind"],
      [5, "unknown_parent"],
      [6, "cycle"],
      [7, "bad_phone"],
      [7, "cycle"],
      [7, "two_leaders"],
    ]);
  });

  it("refuses a file without the expected header, and one of another type", async () => {
    expect((await problemsOf("ma,ten\nA,B"))[0]).toMatchObject({ line: 1, reason: "header" });
    await expect(readUnitFile({ name: "units.txt", bytes: new Uint8Array() })).rejects.toMatchObject({
      messageKey: "errors.unit_file_type",
    });
  });
});

describe.each(engines)("importing the unit tree (%s)", (engine) => {
  const fixture = useTestDatabase(engine);
  let database: TestDatabase;
  beforeEach(() => {
    database = fixture.database;
  });

  it("adds every unit, its khối and leader, and its focal person", async () => {
    const report = await importUnits(
      database.db,
      await readUnitFile(csv(sample)),
      terminalAdministrator(),
      at,
    );
    expect(report).toMatchObject({ changed: [], removed: [], groups: 5, focalPersons: 22 });
    expect(report.added).toHaveLength(22);
    const tree = await loadUnitTree(database.db);
    const ketDoan = tree.units.find((u) => u.code === "TH-KD");
    expect(tree.byId.get(ketDoan?.parentId ?? -1)?.code).toBe("PGD-Q1");
    expect(ketDoan?.groups).toEqual(["Khối thi đua tiểu học 2"]);
    const leaders = await queryRows<{ name: string; leader: string }>(
      database,
      sql`select g.name, u.code as leader from unit_groups g join units u on u.id = g.leader_unit_id order by g.name`,
    );
    expect(leaders).toEqual([
      { name: "Khối thi đua mầm non 1", leader: "MN-BN" },
      { name: "Khối thi đua mầm non 2", leader: "MN-BTH" },
      { name: "Khối thi đua tiểu học 1", leader: "TH-DTH" },
      { name: "Khối thi đua tiểu học 2", leader: "TH-KD" },
      { name: "Khối thi đua trung học cơ sở", leader: "THCS-CVA" },
    ]);
  });

  /** The sample tree, imported as a first time. */
  const importSample = async () =>
    importUnits(database.db, await readUnitFile(csv(sample)), terminalAdministrator(), at);

  it("changes nothing when the same file comes again", async () => {
    await importSample();
    const report = await importUnits(
      database.db,
      await readUnitFile(csv(sample)),
      terminalAdministrator(),
      at,
    );
    expect(report).toMatchObject({ added: [], changed: [], removed: [] });
    const [people] = await queryRows<{ n: number }>(database, sql`select count(*)::int as n from people`);
    expect(people?.n).toBe(22);
  });

  it("updates in place and reports what was added, changed and removed", async () => {
    await importSample();
    const edited = sample
      .replace("Trường THCS Minh Đức,thcs,PGD-Q1", "Trường THCS Minh Đức (cơ sở 2),thcs,PGD-Q3")
      .replace(/^MN-BT1,.*\n/m, "")
      .concat("TH-NEW,Trường Tiểu học Hòa Bình,tieu_hoc,PGD-Q1,Khối thi đua tiểu học 1,,,,\n");
    const report = await importUnits(
      database.db,
      await readUnitFile(csv(edited)),
      terminalAdministrator(),
      at,
    );
    expect(report.added).toEqual(["TH-NEW"]);
    expect(report.changed).toEqual([{ code: "THCS-MD", fields: ["name", "parent"] }]);
    expect(report.removed).toEqual(["MN-BT1"]);
    const tree = await loadUnitTree(database.db);
    expect(tree.units.find((u) => u.code === "TH-NEW")?.groups).toEqual(["Khối thi đua tiểu học 1"]);
    const audit = await queryRows<{ action: string }>(database, sql`select action from audit_log`);
    // The first import and this one, each written down.
    expect(audit.map((a) => a.action)).toEqual(["units.import", "units.import"]);
  });
});

describe("unit names as people type them", () => {
  const tree: TreeUnit[] = [
    { id: 1, code: "TH-KD", name: "Trường Tiểu học Kết Đoàn", kind: "tieu_hoc", parentId: null, groups: [] },
    { id: 2, code: "MN-KD", name: "Trường Mầm non Kết Đoàn", kind: "mam_non", parentId: null, groups: [] },
    { id: 3, code: "P-BD", name: "Phòng GDĐT quận Ba Đình", kind: "phong", parentId: null, groups: [] },
    {
      id: 4,
      code: "P-Q1",
      name: "Phòng Giáo dục và Đào tạo Quận 1",
      kind: "phong",
      parentId: null,
      groups: [],
    },
  ];
  const named = (text: string) => unitsNamed(text, tree).map((u) => u.code);

  it.each([
    ["trường Kết Đoàn", ["TH-KD", "MN-KD"]],
    ["TH Ket Doan", ["TH-KD"]],
    ["tiểu học Kết Đoàn đã nộp chưa", ["TH-KD"]],
    ["mầm non ket doan", ["MN-KD"]],
    ["Phòng Ba Đình", ["P-BD"]],
    ["PGD quận 1", ["P-Q1"]],
    // Spelled out through the one abbreviation table (src/core/text/abbreviations.ts).
    ["MG Kết Đoàn nộp rồi", ["MN-KD"]],
    ["pgddt ba dinh", ["P-BD"]],
    ["Phòng GD ĐT Ba Đình", ["P-BD"]],
    ["phòng gd&đt quận 1", ["P-Q1"]],
    ["trường Đoàn Kết", []],
  ])("%s → %j", (text, codes) => {
    expect(named(text)).toEqual(codes);
  });

  it("does not take a commune's Phòng Văn hóa - Xã hội for a school sharing the commune's name", () => {
    const commune: TreeUnit[] = [
      { id: 9, code: "THCS-HT", name: "Trường THCS Hòa Thuận", kind: "thcs", parentId: null, groups: [] },
    ];
    expect(unitsNamed("Phòng Văn hóa - Xã hội phường Hòa Thuận", commune)).toEqual([]);
    expect(unitsNamed("trường Hòa Thuận", commune).map((u) => u.code)).toEqual(["THCS-HT"]);
  });
});
