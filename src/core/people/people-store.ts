import { eq } from "drizzle-orm";
import { withConstraintErrors } from "../storage/constraint-errors.js";
import type { Db } from "../storage/open-database.js";
import { chatIdentities, people, personRoles, type roles } from "../storage/schema.js";

export type Role = (typeof roles)[number];
export type Person = typeof people.$inferSelect;

/** Adds a person (a focal person, an officer or an administrator). */
export async function createPerson(
  db: Db,
  person: { name: string; phone?: string | null; email?: string | null },
): Promise<Person> {
  const [row] = await db.insert(people).values(person).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** Gives a person a role over a unit (null: the whole organisation); granting it twice is refused. */
export async function grantRole(db: Db, personId: number, role: Role, unitId: number | null): Promise<void> {
  await withConstraintErrors("role", () => db.insert(personRoles).values({ personId, role, unitId }));
}

/** Ties a chat identity to a person, so that what the person may see follows them to that platform. */
export async function linkIdentity(db: Db, identityId: number, personId: number): Promise<void> {
  await db.update(chatIdentities).set({ personId }).where(eq(chatIdentities.id, identityId));
}
