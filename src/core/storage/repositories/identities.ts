import { and, eq, sql } from "drizzle-orm";
import { withConstraintErrors } from "../constraint-errors.js";
import type { Db } from "../open-database.js";
import { preparedPerDatabase } from "../prepared-statements.js";
import { chatIdentities, personRoles, units } from "../schema.js";

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

/** Ties a chat identity to a person, so that what the person may see follows them to that platform. */
export async function linkIdentity(db: Db, identityId: number, personId: number): Promise<void> {
  await db.update(chatIdentities).set({ personId }).where(eq(chatIdentities.id, identityId));
}

/** Records when an identity was last seen. */
export async function markIdentitySeen(db: Db, identityId: number, at: Date): Promise<void> {
  await db.update(chatIdentities).set({ lastSeenAt: at }).where(eq(chatIdentities.id, identityId));
}

/** The chat identities linked to a unit's focal persons, with their platforms. */
export async function focalIdentitiesOf(db: Db, unitId: number): Promise<{ id: number; platform: string }[]> {
  return db
    .select({ id: chatIdentities.id, platform: chatIdentities.platform })
    .from(chatIdentities)
    .innerJoin(personRoles, eq(personRoles.personId, chatIdentities.personId))
    .where(and(eq(personRoles.unitId, unitId), eq(personRoles.role, "focal")));
}

// Read on every message: prepared once per database, so only the two values travel.
const senderLookup = preparedPerDatabase((db) =>
  db
    .select({
      id: chatIdentities.id,
      personId: chatIdentities.personId,
      locale: chatIdentities.locale,
      lastSeenAt: chatIdentities.lastSeenAt,
      role: personRoles.role,
      unitId: personRoles.unitId,
      unitName: units.name,
      unitKind: units.kind,
    })
    .from(chatIdentities)
    .leftJoin(personRoles, eq(personRoles.personId, chatIdentities.personId))
    .leftJoin(units, eq(units.id, personRoles.unitId))
    .where(
      and(
        eq(chatIdentities.platform, sql.placeholder("platform")),
        eq(chatIdentities.externalId, sql.placeholder("externalId")),
      ),
    )
    .orderBy(personRoles.id)
    .prepare("identify_actor"),
);

/** A platform user's identity joined with each role of its person and that role's unit, in role order. */
export async function identityWithRoles(db: Db, sender: { platform: string; externalId: string }) {
  return senderLookup(db).execute({ platform: sender.platform, externalId: sender.externalId });
}
