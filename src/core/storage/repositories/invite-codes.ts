import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../open-database.js";
import { inviteCodes, units } from "../schema.js";

export type NewInviteCode = typeof inviteCodes.$inferInsert;

/** Stores an invite code (by its hash). */
export async function insertInviteCode(db: Db, invite: NewInviteCode): Promise<void> {
  await db.insert(inviteCodes).values(invite);
}

/** The invite code with this hash, with the name of its unit, if any. */
export async function findInviteByHash(db: Db, codeHash: string) {
  const [invite] = await db
    .select({
      id: inviteCodes.id,
      unitId: inviteCodes.unitId,
      role: inviteCodes.role,
      expiresAt: inviteCodes.expiresAt,
      usedAt: inviteCodes.usedAt,
      unitName: units.name,
    })
    .from(inviteCodes)
    .innerJoin(units, eq(units.id, inviteCodes.unitId))
    .where(eq(inviteCodes.codeHash, codeHash));
  return invite;
}

/**
 * Marks an unused invite code used by a chat identity; false when it was used already. Single use
 * even when two people type the same code at once: only one update finds it unused.
 */
export async function claimInviteCode(
  db: Db,
  inviteId: number,
  by: { identityId: number; at: Date },
): Promise<boolean> {
  const [claimed] = await db
    .update(inviteCodes)
    .set({ usedAt: by.at, usedByIdentityId: by.identityId })
    .where(and(eq(inviteCodes.id, inviteId), isNull(inviteCodes.usedAt)))
    .returning({ id: inviteCodes.id });
  return claimed !== undefined;
}
