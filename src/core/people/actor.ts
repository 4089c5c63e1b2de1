import type { Db } from "../storage/open-database.js";
import { identityWithRoles, markIdentitySeen, touchIdentity } from "../storage/repositories/identities.js";
import type { Role } from "../storage/repositories/people.js";
import type { UnitKind } from "../units/audience.js";

export interface ActorRole {
  role: Role;
  /** The unit the role is over; null for the whole organisation. */
  unitId: number | null;
  unitName: string | null;
  unitKind: UnitKind | null;
}

/** Who sent a message: their chat identity, the person it is linked to (if any) and their roles. */
export interface Actor {
  identityId: number | null;
  personId: number | null;
  platform: string;
  /** The reply language stored with the identity. */
  locale: string;
  roles: ActorRole[];
}

// "Last seen" is kept to the hour: a write on every message would cost more than the answer.
const seenGranularityMs = 60 * 60 * 1000;

/** Prepares the read every message makes of its sender (at start-up, not on someone's first message). */
export async function prepareSenderLookup(db: Db): Promise<void> {
  await identityWithRoles(db, { platform: "", externalId: "" });
}

/** Finds the sender's identity (registering it on first contact) with the roles of its person. */
export async function identifyActor(
  db: Db,
  sender: { platform: string; externalId: string; locale?: string | undefined },
  at: Date,
): Promise<Actor> {
  const rows = await identityWithRoles(db, sender);
  const first = rows[0];
  if (!first) {
    const identity = await touchIdentity(
      db,
      {
        platform: sender.platform,
        externalId: sender.externalId,
        ...(sender.locale ? { locale: sender.locale } : {}),
      },
      at,
    );
    return {
      identityId: identity.id,
      personId: identity.personId,
      platform: sender.platform,
      locale: identity.locale,
      roles: [],
    };
  }
  if (!first.lastSeenAt || at.getTime() - new Date(first.lastSeenAt).getTime() >= seenGranularityMs) {
    await markIdentitySeen(db, first.id, at);
  }
  return {
    identityId: first.id,
    personId: first.personId,
    platform: sender.platform,
    locale: first.locale,
    roles: rows.flatMap((r) =>
      r.role === null ? [] : [{ role: r.role, unitId: r.unitId, unitName: r.unitName, unitKind: r.unitKind }],
    ),
  };
}

/** The person at a command-line tool or the console holds the database itself: they act as administrator. */
export function asLocalAdministrator(actor: Actor): Actor {
  return { ...actor, roles: [{ role: "admin", unitId: null, unitName: null, unitKind: null }] };
}

/** The administrator at a `thidua` command, who has no chat identity. */
export function terminalAdministrator(platform = "cli"): Actor {
  return asLocalAdministrator({ identityId: null, personId: null, platform, locale: "vi", roles: [] });
}
