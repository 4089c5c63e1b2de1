import { eq, inArray, sql } from "drizzle-orm";
import { noteChange } from "../change-counters.js";
import { withConstraintErrors } from "../constraint-errors.js";
import { inBatches, updateFromValues } from "../in-batches.js";
import type { Db } from "../open-database.js";
import { unitGroupMembers, units } from "../schema.js";

export type Unit = typeof units.$inferSelect;
export type NewUnit = typeof units.$inferInsert;

/** Adds a unit; a second unit with the same code is refused with a Conflict. */
export async function createUnit(db: Db, unit: NewUnit): Promise<Unit> {
  const [row] = await withConstraintErrors("unit", () => db.insert(units).values(unit).returning());
  if (!row) throw new Error("insert returned no row");
  noteChange(db, "units");
  return row;
}

/** The unit with this code, if any. */
export async function findUnitByCode(db: Db, code: string): Promise<Unit | undefined> {
  const [row] = await db.select().from(units).where(eq(units.code, code)).limit(1);
  return row;
}

/** What an import compares a file against: each unit's id, code, name, kind and parent. */
export type UnitOutline = Pick<Unit, "id" | "code" | "name" | "kind" | "parentId">;

/** Every unit's outline, in the order they were added. */
export async function unitOutlines(db: Db): Promise<UnitOutline[]> {
  return db
    .select({ id: units.id, code: units.code, name: units.name, kind: units.kind, parentId: units.parentId })
    .from(units)
    .orderBy(units.id);
}

/** Every unit, by code. */
export async function allUnits(db: Db): Promise<Unit[]> {
  return db.select().from(units).orderBy(units.code);
}

/** Adds units, a batch per statement; returns each new code's id. */
export async function insertUnits(db: Db, rows: NewUnit[]): Promise<{ id: number; code: string }[]> {
  const created: { id: number; code: string }[] = [];
  for (const batch of inBatches(rows))
    created.push(...(await db.insert(units).values(batch).returning({ id: units.id, code: units.code })));
  return created;
}

/** Sets the name, kind and parent of many units at once, stamping when, a batch per statement. */
export async function updateUnits(
  db: Db,
  changes: { id: number; name: string; kind: string; parentId: number | null }[],
  at: Date,
): Promise<void> {
  await updateFromValues(
    db,
    {
      table: units,
      set: sql`name = v.name, kind = v.kind, parent_id = v.parent_id, updated_at = ${at.toISOString()}::timestamptz`,
      columns: "id, name, kind, parent_id",
    },
    changes.map((c) => sql`(${c.id}::int, ${c.name}::text, ${c.kind}::text, ${c.parentId}::int)`),
  );
}

/** Removes units in the order given (children before parents), a batch per statement. */
export async function deleteUnits(db: Db, ids: number[]): Promise<void> {
  for (const batch of inBatches(ids)) await db.delete(units).where(inArray(units.id, batch));
}

/** A value that changes whenever a unit or a group membership is added, changed or removed. */
export async function unitsVersion(db: Db): Promise<string> {
  const [row] = await db
    .select({
      units: sql<number>`(select count(*) from ${units})`,
      last: sql<string | null>`(select max(${units.updatedAt})::text from ${units})`,
      top: sql<number | null>`(select max(${units.id}) from ${units})`,
      members: sql<number>`(select count(*) from ${unitGroupMembers})`,
    })
    .from(sql`(select 1) as one`);
  return `${row?.units ?? 0}:${row?.top ?? 0}:${row?.last ?? ""}:${row?.members ?? 0}`;
}
export { unitKinds } from "../schema.js";
