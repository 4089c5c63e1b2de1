import { and, asc, eq, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "../open-database.js";
import { preparedPerDatabase } from "../prepared-statements.js";
import { inboundUpdates } from "../schema.js";

// Both run on every update: prepared once per database (times travel as ISO text, cast by the
// statement, since a placeholder has no column to convert a Date for it).
const claim = preparedPerDatabase((db) =>
  db
    .insert(inboundUpdates)
    .values({
      platform: sql.placeholder("platform"),
      updateId: sql.placeholder("updateId"),
      payload: sql.placeholder("payload"),
      receivedAt: sql`${sql.placeholder("at")}::timestamptz`,
    })
    .onConflictDoNothing()
    .returning({ updateId: inboundUpdates.updateId })
    .prepare("claim_inbound_update"),
);
const finish = preparedPerDatabase((db) =>
  db
    .update(inboundUpdates)
    .set({ handledAt: sql`${sql.placeholder("at")}::timestamptz`, payload: null })
    .where(
      and(
        eq(inboundUpdates.platform, sql.placeholder("platform")),
        eq(inboundUpdates.updateId, sql.placeholder("updateId")),
      ),
    )
    .prepare("finish_inbound_update"),
);

/** Inserts an update's row; true only for the first delivery of that platform × id. */
export async function insertInboundUpdate(
  db: Db,
  update: { platform: string; updateId: string; payload?: unknown; at: Date },
): Promise<boolean> {
  const rows = await claim(db).execute({
    platform: update.platform,
    updateId: update.updateId,
    payload: update.payload ?? null,
    at: update.at.toISOString(),
  });
  return rows.length > 0;
}

/** Marks an update answered and drops its payload, which is no longer needed. */
export async function markInboundUpdateHandled(
  db: Db,
  update: { platform: string; updateId: string; at: Date },
): Promise<void> {
  await finish(db).execute({
    platform: update.platform,
    updateId: update.updateId,
    at: update.at.toISOString(),
  });
}

/** Updates of a platform received before a moment and never answered, oldest first. */
export async function unhandledInboundUpdates(
  db: Db,
  platform: string,
  receivedBefore: Date,
): Promise<{ updateId: string; payload: unknown }[]> {
  return db
    .select({ updateId: inboundUpdates.updateId, payload: inboundUpdates.payload })
    .from(inboundUpdates)
    .where(
      and(
        eq(inboundUpdates.platform, platform),
        isNull(inboundUpdates.handledAt),
        lt(inboundUpdates.receivedAt, receivedBefore),
      ),
    )
    .orderBy(asc(inboundUpdates.receivedAt));
}

/** Forgets answered updates received before a moment (platforms stop redelivering long before). */
export async function deleteHandledInboundUpdates(db: Db, receivedBefore: Date): Promise<number> {
  const rows = await db
    .delete(inboundUpdates)
    .where(and(lt(inboundUpdates.receivedAt, receivedBefore), isNotNull(inboundUpdates.handledAt)))
    .returning({ updateId: inboundUpdates.updateId });
  return rows.length;
}
