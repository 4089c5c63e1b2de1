import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "./open-database.js";

// PostgreSQL counts a statement's bind parameters in 16 bits (65 535 at most) and drizzle builds a
// VALUES list recursively (10 000 rows overflow the stack), so big writes go a slice at a time. 500
// rows of the widest table we write (tasks, 14 columns) are 7 000 parameters.
export const rowsPerStatement = 500;

/** Splits rows into consecutive slices of at most `size`, one statement's worth each. */
export function inBatches<T>(rows: readonly T[], size = rowsPerStatement): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < rows.length; i += size) batches.push(rows.slice(i, i + size));
  return batches;
}

/**
 * Sets columns of many rows of a table from `(id, …)` tuples, joined on id, a batch per statement:
 * `updateFromValues(tx, { table, set: sql\`name = v.name\`, columns: "id, name" }, tuples)`.
 */
export async function updateFromValues(
  db: Db,
  target: { table: PgTable & { id: AnyPgColumn }; set: SQL; columns: string },
  tuples: SQL[],
): Promise<void> {
  // drizzle builds no UPDATE … FROM (VALUES …), and an UPDATE per row is what made imports take minutes.
  for (const batch of inBatches(tuples)) {
    await db.execute(
      sql`update ${target.table} set ${target.set} from (values ${sql.join(batch, sql`, `)}) as v(${sql.raw(target.columns)}) where ${target.table.id} = v.id`,
    );
  }
}
