import {
  createIdentity,
  createPerson,
  type Db,
  grantRole,
  linkIdentity,
  type Role,
} from "../../src/core/index.js";

/** A person with one role (or none), reached through a chat identity of their own on `platform`. */
export async function seatPerson(
  db: Db,
  at: { platform: string; externalId: string },
  role: Role | null,
  unitId: number | null,
): Promise<void> {
  const identity = await createIdentity(db, at);
  if (!role) return;
  const person = await createPerson(db, { name: at.externalId });
  await grantRole(db, person.id, role, unitId);
  await linkIdentity(db, identity.id, person.id);
}
