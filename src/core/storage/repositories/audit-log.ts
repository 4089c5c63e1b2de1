import { and, count, desc, eq, gte, inArray } from "drizzle-orm";
import type { Db } from "../open-database.js";
import { auditLog } from "../schema.js";

export type AuditEntry = typeof auditLog.$inferSelect;
export type NewAuditEntry = typeof auditLog.$inferInsert;

/** Writes who did what, when and from where. */
export async function appendAuditEntry(db: Db, entry: NewAuditEntry): Promise<void> {
  await db.insert(auditLog).values(entry);
}

/** How many entries of one action about one entity were written since a moment. */
export async function countAuditEntriesSince(
  db: Db,
  about: { action: string; entity: string; entityId: string },
  since: Date,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, about.action),
        eq(auditLog.entity, about.entity),
        eq(auditLog.entityId, about.entityId),
        gte(auditLog.at, since),
      ),
    );
  return row?.n ?? 0;
}

/** The latest entry of one of these actions made from a chat identity, if any. */
export async function latestAuditEntryFrom(
  db: Db,
  identityId: number,
  actions: string[],
): Promise<AuditEntry | undefined> {
  const [last] = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.actorIdentityId, identityId), inArray(auditLog.action, actions)))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return last;
}
