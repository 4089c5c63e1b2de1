import { eq } from "drizzle-orm";
import { noteChange } from "../change-counters.js";
import { withConstraintErrors } from "../constraint-errors.js";
import type { Db } from "../open-database.js";
import { units } from "../schema.js";

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
