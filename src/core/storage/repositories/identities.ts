import { eq, sql } from "drizzle-orm";
import { withConstraintErrors } from "../constraint-errors.js";
import type { Db } from "../open-database.js";
import { chatIdentities } from "../schema.js";

export type ChatIdentity = typeof chatIdentities.$inferSelect;

/** Registers a platform identity; the same platform × external id twice is refused. */
export async function createIdentity(
  db: Db,
  identity: {
    platform: string;
    externalId: string;
    locale?: string;
    displayName?: string;
    lastSeenAt?: Date;
  },
): Promise<ChatIdentity> {
  const [row] = await withConstraintErrors("chat identity", () =>
    db.insert(chatIdentities).values(identity).returning(),
  );
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** Finds the identity for a platform user, creating it on first contact, and marks it seen. */
export async function touchIdentity(
  db: Db,
  identity: { platform: string; externalId: string; locale?: string },
  at: Date,
): Promise<ChatIdentity> {
  const [row] = await db
    .insert(chatIdentities)
    .values({ ...identity, lastSeenAt: at })
    .onConflictDoUpdate({
      target: [chatIdentities.platform, chatIdentities.externalId],
      set: { lastSeenAt: sql`excluded.last_seen_at` },
    })
    .returning();
  if (!row) throw new Error("upsert returned no row");
  return row;
}

/** Stores the language a person chose for replies. */
export async function setIdentityLocale(db: Db, identityId: number, locale: string): Promise<void> {
  await db.update(chatIdentities).set({ locale }).where(eq(chatIdentities.id, identityId));
}
