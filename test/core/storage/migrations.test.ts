import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { engines, openTestDatabase, queryRows, type TestDatabase } from "../../support/engines.js";

const migrationsFolder = fileURLToPath(new URL("../../../migrations", import.meta.url));

const expectedTables = [
  "adapter_state",
  "audit_log",
  "channels",
  "chat_identities",
  "contacts",
  "conversation_states",
  "inbound_updates",
  "invite_codes",
  "people",
  "person_roles",
  "plan_sections",
  "plans",
  "registration_drafts",
  "registrations",
  "reminder_outbox",
  "requirement_items",
  "requirements",
  "send_pacing",
  "submissions",
  "tasks",
  "unit_group_members",
  "unit_groups",
  "units",
];

describe.each(engines)("migrations on %s", (engine) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await openTestDatabase(engine);
  });
  afterEach(() => database.drop());

  it("creates every table of the data model", async () => {
    const rows = await queryRows<{ table_name: string }>(
      database,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    expect(rows.map((r) => r.table_name)).toEqual(expectedTables);
  });

  it("creates the indexes for the common queries", async () => {
    const rows = await queryRows<{ indexname: string }>(
      database,
      sql`select indexname from pg_indexes where schemaname = 'public'`,
    );
    expect(rows.map((r) => r.indexname)).toEqual(
      expect.arrayContaining([
        "tasks_due_idx",
        "submissions_unit_status_idx",
        "reminder_outbox_state_due_idx",
      ]),
    );
  });

  it("records each migration once and runs them again as a no-op", async () => {
    const tables = sql`select table_name from information_schema.tables where table_schema = 'public'`;
    const before = await queryRows<{ table_name: string }>(database, tables);
    await database.db.execute(sql`insert into units (code, name, kind) values ('X', 'Trường X', 'thcs')`);
    // A second and a third run, as every start of `thidua` does: nothing applied, nothing lost.
    await database.migrate();
    await database.migrate();
    const [row] = await queryRows<{ n: number }>(
      database,
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    // One row per file in migrations/.
    expect(row?.n).toBe(readdirSync(migrationsFolder).filter((f) => f.endsWith(".sql")).length);
    expect(await queryRows(database, tables)).toEqual(before);
    expect(await queryRows(database, sql`select code from units`)).toEqual([{ code: "X" }]);
  });
});
