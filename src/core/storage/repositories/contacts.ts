import { inArray } from "drizzle-orm";
import { inBatches } from "../in-batches.js";
import type { Db } from "../open-database.js";
import { contacts } from "../schema.js";

export type Contact = typeof contacts.$inferSelect;
export type NewContact = typeof contacts.$inferInsert;

/** Adds officers in charge, a batch per statement. */
export async function insertContacts(db: Db, rows: NewContact[]): Promise<void> {
  for (const batch of inBatches(rows)) await db.insert(contacts).values(batch);
}

/** The contacts of these plans in the order they were stored. */
export async function contactsOfPlans(db: Db, planIds: number[]): Promise<Contact[]> {
  return db.select().from(contacts).where(inArray(contacts.planId, planIds)).orderBy(contacts.id);
}
