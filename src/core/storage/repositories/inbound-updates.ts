import { and, asc, eq, isNotNull, isNull, lt } from "drizzle-orm";
import type { Db } from "../open-database.js";
import { inboundUpdates } from "../schema.js";

/** Inserts an update's row; true only for the first delivery of that platform × id. */
export async function insertInboundUpdate(
  db: Db,
  update: { platform: string; updateId: string; payload?: unknown; at: Date },
): Promise<boolean> {
  const rows = await db
    .insert(inboundUpdates)
    .values({
      platform: update.platform,
      updateId: update.updateId,
      payload: update.payload ?? null,
      receivedAt: update.at,
    })
    .onConflictDoNothing()
    .returning({ updateId: inboundUpdates.updateId });
  return rows.length > 0;
}

/** Marks an update answered and drops its payload, which is no longer needed. */
export async function markInboundUpdateHandled(
  db: Db,
  update: { platform: string; updateId: string; at: Date },
): Promise<void> {
  await db
    .update(inboundUpdates)
    .set({ handledAt: update.at, payload: null })
    .where(and(eq(inboundUpdates.platform, update.platform), eq(inboundUpdates.updateId, update.updateId)));
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
