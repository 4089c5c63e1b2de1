import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importUnits, loadUnitTree, readUnitFile, terminalAdministrator } from "../../../src/core/index.js";
import { engines, openTestDatabase, queryRows, type TestDatabase } from "../../support/engines.js";
import { nationalUnitLines } from "../../support/national-units.js";

// 50 000 units took 20 s an engine here. 12 000 are past what broke before batching (drizzle builds a
// VALUES list recursively and overflowed the stack at 10 000 rows); `npm run bench -- units` times
// the full 50 000.
const unitCount = 12_000;
const at = new Date("2023-09-01T00:00:00Z");
const csv = (lines: string[]) => ({
  name: "units.csv",
  bytes: new TextEncoder().encode(`${lines.join("\n")}\n`),
});
const count = async (database: TestDatabase, table: string) =>
  (await queryRows<{ n: number }>(database, sql.raw(`select count(*)::int as n from ${table}`)))[0]?.n;

describe.each(engines)("a national unit tree on %s", (engine) => {
  let database: TestDatabase;
  const lines = nationalUnitLines(unitCount);
  beforeEach(async () => {
    database = await openTestDatabase(engine);
  });
  afterEach(() => database.drop());

  // One test, not two: the re-import needs the first import, and each takes seconds. 12 000 units
  // take ~4 s an engine on these two cores alone, up to three times that beside the other workers.
  it("imports every unit with its parent, khối, leader and focal person; a re-import updates in place", {
    timeout: 60_000,
  }, async () => {
    const report = await importUnits(
      database.db,
      await readUnitFile(csv(lines)),
      terminalAdministrator(),
      at,
    );
    expect(report.added).toHaveLength(unitCount);
    expect(report).toMatchObject({ changed: [], removed: [], focalPersons: unitCount });
    const tree = await loadUnitTree(database.db);
    expect(tree.units).toHaveLength(unitCount);
    const so = tree.units.find((u) => u.code === "SGD");
    expect(tree.subtreeOf(so?.id ?? -1).size).toBe(unitCount);
    const school = tree.units.find((u) => u.code === "T000001");
    expect(tree.byId.get(school?.parentId ?? -1)?.code).toBe("PGD0001");
    expect(school?.groups).toEqual(["Khối Mầm non PGD0001"]);
    // Every unit but the Sở is in one khối or cụm, and every khối and cụm has its leader.
    expect(await count(database, "unit_group_members")).toBe(unitCount - 1);
    expect(await count(database, "unit_groups where leader_unit_id is not null")).toBe(report.groups);
    expect(await count(database, "person_roles where role = 'focal'")).toBe(unitCount);

    const again = await importUnits(database.db, await readUnitFile(csv(lines)), terminalAdministrator(), at);
    expect(again).toMatchObject({ added: [], changed: [], removed: [], focalPersons: unitCount });

    // The last Phòng goes with its schools; one school is renamed, one moves, one is added, one
    // focal person gets a new phone number.
    const lastPhong = lines.at(-1)?.split(",")[3] ?? "";
    const edited = lines
      .filter((line) => !line.startsWith(`${lastPhong},`) && line.split(",")[3] !== lastPhong)
      .map((line) => {
        if (line.startsWith("T000001,"))
          return line.replace("Trường Mầm non số 1,", "Trường Mầm non Hoa Sen,");
        if (line.startsWith("T000002,")) return line.replace(",PGD0002,", ",PGD0001,");
        if (line.startsWith("T000003,")) return line.replace(/,09\d{8},/, ",0912 345 678,");
        return line;
      })
      .concat("T-NEW,Trường Tiểu học Mới,tieu_hoc,PGD0001,Khối Tiểu học PGD0001,,,,");
    const removedSchools = lines.filter((line) => line.split(",")[3] === lastPhong).length;
    const edit = await importUnits(database.db, await readUnitFile(csv(edited)), terminalAdministrator(), at);
    expect(edit.added).toEqual(["T-NEW"]);
    expect(edit.changed).toEqual([
      { code: "T000001", fields: ["name"] },
      { code: "T000002", fields: ["parent"] },
    ]);
    expect(edit.removed).toHaveLength(removedSchools + 1);
    expect(edit.removed.at(-1)).toBe(lastPhong); // children before their parent

    const after = await loadUnitTree(database.db);
    expect(after.units).toHaveLength(unitCount - removedSchools);
    const byCode = new Map(after.units.map((u) => [u.code, u]));
    expect(byCode.get("T000001")?.name).toBe("Trường Mầm non Hoa Sen");
    expect(after.byId.get(byCode.get("T000002")?.parentId ?? -1)?.code).toBe("PGD0001");
    expect(byCode.get("T000002")?.groups).toEqual(["Khối Mầm non PGD0002"]);
    expect(byCode.get("T-NEW")?.groups).toEqual(["Khối Tiểu học PGD0001"]);
    expect(byCode.has(lastPhong)).toBe(false);
    const phones = await queryRows<{ phone: string }>(
      database,
      sql`select p.phone from people p join person_roles r on r.person_id = p.id join units u on u.id = r.unit_id where u.code = 'T000003'`,
    );
    expect(phones).toEqual([{ phone: "0912 345 678" }]);
    // The khối of the removed Phòng's schools are gone with them.
    expect(await count(database, `unit_groups where name like '%${lastPhong}'`)).toBe(0);
  });
});
