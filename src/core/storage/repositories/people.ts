import { and, eq, sql } from "drizzle-orm";
import { withConstraintErrors } from "../constraint-errors.js";
import { inBatches, updateFromValues } from "../in-batches.js";
import type { Db } from "../open-database.js";
import { people, personRoles, type roles } from "../schema.js";

export type Role = (typeof roles)[number];
export type Person = typeof people.$inferSelect;

/** How a person is reached, as a unit file gives it. */
export interface PersonContact {
  name: string;
  phone: string | null;
  email: string | null;
}

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

/** Adds a person by name holding one role at a unit; returns the person's id. */
export async function addPersonWithRole(
  db: Db,
  person: { name: string; role: Role; unitId: number },
): Promise<number> {
  const [row] = await db.insert(people).values({ name: person.name }).returning({ id: people.id });
  const personId = row?.id as number; // an insert returns its row
  await db.insert(personRoles).values({ personId, role: person.role, unitId: person.unitId });
  return personId;
}

/** The person who first took the focal role at a unit, if anyone did. */
export async function firstFocalPersonOf(db: Db, unitId: number): Promise<number | undefined> {
  const [holder] = await db
    .select({ personId: personRoles.personId })
    .from(personRoles)
    .where(and(eq(personRoles.unitId, unitId), eq(personRoles.role, "focal")))
    .orderBy(personRoles.id)
    .limit(1);
  return holder?.personId;
}

/** Every focal role with the unit it is at and its person's contact, in the order they were granted. */
export async function focalPersons(
  db: Db,
): Promise<({ unitId: number | null; personId: number } & PersonContact)[]> {
  return db
    .select({
      unitId: personRoles.unitId,
      personId: personRoles.personId,
      name: people.name,
      phone: people.phone,
      email: people.email,
    })
    .from(personRoles)
    .innerJoin(people, eq(people.id, personRoles.personId))
    .where(eq(personRoles.role, "focal"))
    .orderBy(personRoles.id);
}

/** Sets the name, phone and e-mail of many people at once, a batch per statement. */
export async function updateContacts(db: Db, changes: [personId: number, PersonContact][]): Promise<void> {
  await updateFromValues(
    db,
    {
      table: people,
      set: sql`name = v.name, phone = v.phone, email = v.email`,
      columns: "id, name, phone, email",
    },
    changes.map(([id, f]) => sql`(${id}::int, ${f.name}::text, ${f.phone}::text, ${f.email}::text)`),
  );
}

/** Adds a focal person for each unit, a batch per statement. */
export async function addFocalPersons(
  db: Db,
  added: { unitId: number; focal: PersonContact }[],
): Promise<void> {
  for (const batch of inBatches(added)) {
    // RETURNING gives a VALUES list's rows back in order: the n-th person is the n-th unit's.
    const persons = await db
      .insert(people)
      .values(batch.map((b) => b.focal))
      .returning({ id: people.id });
    const roles = persons.map((person, i) => ({
      personId: person.id,
      role: "focal" as const,
      unitId: batch[i]?.unitId ?? null,
    }));
    if (roles.length) await db.insert(personRoles).values(roles);
  }
}
