import { eq, sql } from "drizzle-orm";
import type { Db } from "../open-database.js";
import { adapterState } from "../schema.js";

/** One stored value of an adapter, and whether it is sealed. */
export async function readAdapterState(
  db: Db,
  key: string,
): Promise<{ value: string; sealed: boolean } | undefined> {
  const [row] = await db
    .select({ value: adapterState.value, sealed: adapterState.sealed })
    .from(adapterState)
    .where(eq(adapterState.key, key));
  return row;
}

/** Writes one value in one statement: a reader sees the old row or the new one, never half. */
export async function writeAdapterState(
  db: Db,
  entry: { key: string; value: string; sealed: boolean; at: Date },
): Promise<void> {
  await db
    .insert(adapterState)
    .values({ key: entry.key, value: entry.value, sealed: entry.sealed, updatedAt: entry.at })
    .onConflictDoUpdate({
      target: adapterState.key,
      set: {
        value: sql`excluded.value`,
        sealed: sql`excluded.sealed`,
        updatedAt: sql`excluded.updated_at`,
      },
    });
}
