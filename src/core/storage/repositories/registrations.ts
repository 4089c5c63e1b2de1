import { and, asc, count, eq, lte } from "drizzle-orm";
import { noteChange } from "../change-counters.js";
import { withConstraintErrors } from "../constraint-errors.js";
import type { Db } from "../open-database.js";
import { registrationDrafts, registrations, units } from "../schema.js";

export type RegistrationRow = typeof registrations.$inferSelect;
export type RegistrationStatus = RegistrationRow["status"];

/** A person's registration in progress, if any. */
export async function draftOf(db: Db, personId: number) {
  const [row] = await db.select().from(registrationDrafts).where(eq(registrationDrafts.personId, personId));
  return row;
}

/** Stores a person's registration in progress (after every step). */
export async function saveDraft(db: Db, personId: number, unitId: number | null, state: unknown, at: Date) {
  await db
    .insert(registrationDrafts)
    .values({ personId, unitId, state, updatedAt: at })
    .onConflictDoUpdate({
      target: registrationDrafts.personId,
      set: { unitId, state, updatedAt: at, remindedAt: null },
    });
  noteChange(db, "drafts");
}

/** Drops a person's registration in progress (finished, cancelled or expired). */
export async function deleteDraft(db: Db, personId: number): Promise<void> {
  await db.delete(registrationDrafts).where(eq(registrationDrafts.personId, personId));
  noteChange(db, "drafts");
}

/** How many registrations are in progress, for anyone: a cache key, so most messages need not look for one. */
export async function draftCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(registrationDrafts);
  return row?.n ?? 0;
}

/** Drafts untouched since a moment, with whether their person was reminded. */
export async function idleDrafts(db: Db, before: Date) {
  return db.select().from(registrationDrafts).where(lte(registrationDrafts.updatedAt, before));
}

/** Notes that a draft's person was reminded to finish it. */
export async function markDraftReminded(db: Db, personId: number, at: Date): Promise<void> {
  await db
    .update(registrationDrafts)
    .set({ remindedAt: at })
    .where(eq(registrationDrafts.personId, personId));
}

/** A unit's registration of a school year, if any. */
export async function registrationOf(db: Db, unitId: number, schoolYear: string) {
  const [row] = await db
    .select()
    .from(registrations)
    .where(and(eq(registrations.unitId, unitId), eq(registrations.schoolYear, schoolYear)));
  return row;
}

/** A registration by id. */
export async function registrationById(db: Db, id: number) {
  const [row] = await db.select().from(registrations).where(eq(registrations.id, id));
  return row;
}

/** Adds a unit's registration; a second one for the same unit and year is refused (Conflict). */
export async function insertRegistration(
  db: Db,
  row: {
    unitId: number;
    schoolYear: string;
    payload: unknown;
    submittedByPersonId: number | null;
    submittedAt: Date;
  },
): Promise<RegistrationRow> {
  const [stored] = await withConstraintErrors("registration", () =>
    db.insert(registrations).values(row).returning(),
  );
  if (!stored) throw new Error("insert returned no registration");
  return stored;
}

/** Replaces a registration's payload (an amendment): submitted again, one version later. */
export async function amendRegistration(
  db: Db,
  id: number,
  values: { payload: unknown; submittedByPersonId: number | null; submittedAt: Date },
): Promise<RegistrationRow | undefined> {
  const current = await registrationById(db, id);
  if (!current) return undefined;
  const [row] = await db
    .update(registrations)
    .set({
      ...values,
      status: "submitted",
      version: current.version + 1,
      reviewedAt: null,
      reviewedByPersonId: null,
      reviewNote: null,
    })
    .where(eq(registrations.id, id))
    .returning();
  return row;
}

/** Sets an officer's review of a registration. */
export async function reviewRegistrationRow(
  db: Db,
  id: number,
  values: {
    status: RegistrationStatus;
    reviewedByPersonId: number | null;
    reviewedAt: Date;
    reviewNote: string | null;
  },
): Promise<RegistrationRow | undefined> {
  const [row] = await db.update(registrations).set(values).where(eq(registrations.id, id)).returning();
  return row;
}

/** Every registration of a school year with its unit's name, by unit name. */
export async function registrationsOfYear(db: Db, schoolYear: string) {
  return db
    .select({ row: registrations, unitName: units.name })
    .from(registrations)
    .innerJoin(units, eq(units.id, registrations.unitId))
    .where(eq(registrations.schoolYear, schoolYear))
    .orderBy(asc(units.name));
}
