import { eq } from "drizzle-orm";
import type { Db } from "../storage/open-database.js";
import { touchIdentity } from "../storage/repositories/identities.js";
import { personRoles, units } from "../storage/schema.js";
import type { UnitKind } from "../units/audience.js";
import type { Role } from "./people-store.js";

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

/** Finds the sender's identity (registering it on first contact) with the roles of its person. */
export async function identifyActor(
  db: Db,
  sender: { platform: string; externalId: string; locale?: string | undefined },
  at: Date,
): Promise<Actor> {
  const identity = await touchIdentity(
    db,
    {
      platform: sender.platform,
      externalId: sender.externalId,
      ...(sender.locale ? { locale: sender.locale } : {}),
    },
    at,
  );
  const roles =
    identity.personId === null
      ? []
      : await db
          .select({
            role: personRoles.role,
            unitId: personRoles.unitId,
            unitName: units.name,
            unitKind: units.kind,
          })
          .from(personRoles)
          .leftJoin(units, eq(units.id, personRoles.unitId))
          .where(eq(personRoles.personId, identity.personId));
  return {
    identityId: identity.id,
    personId: identity.personId,
    platform: sender.platform,
    locale: identity.locale,
    roles,
  };
}

/** The person at a command-line tool or the console holds the database itself: they act as administrator. */
export function asLocalAdministrator(actor: Actor): Actor {
  return { ...actor, roles: [{ role: "admin", unitId: null, unitName: null, unitKind: null }] };
}
