import { inArray } from "drizzle-orm";
import { inBatches } from "../in-batches.js";
import type { Db } from "../open-database.js";
import { planSections } from "../schema.js";

export type PlanSection = typeof planSections.$inferSelect;
export type NewPlanSection = typeof planSections.$inferInsert;

/** Adds sections, a batch per statement; returns the id given to each position. */
export async function insertPlanSections(
  db: Db,
  sections: NewPlanSection[],
): Promise<{ id: number; position: number }[]> {
  const ids: { id: number; position: number }[] = [];
  for (const batch of inBatches(sections)) {
    const inserted = await db
      .insert(planSections)
      .values(batch)
      .returning({ id: planSections.id, position: planSections.position });
    ids.push(...inserted);
  }
  return ids;
}

/** The sections of these plans in the order they were stored. */
export async function sectionsOfPlans(db: Db, planIds: number[]): Promise<PlanSection[]> {
  return db.select().from(planSections).where(inArray(planSections.planId, planIds)).orderBy(planSections.id);
}
