import { inArray } from "drizzle-orm";
import { inBatches } from "../in-batches.js";
import type { Db } from "../open-database.js";
import { channels } from "../schema.js";

export type Channel = typeof channels.$inferSelect;
export type NewChannel = typeof channels.$inferInsert;

/** Adds submission channels, a batch per statement. */
export async function insertChannels(db: Db, rows: NewChannel[]): Promise<void> {
  for (const batch of inBatches(rows)) await db.insert(channels).values(batch);
}

/** The channels of these plans in the order they were stored. */
export async function channelsOfPlans(db: Db, planIds: number[]): Promise<Channel[]> {
  return db.select().from(channels).where(inArray(channels.planId, planIds)).orderBy(channels.id);
}
