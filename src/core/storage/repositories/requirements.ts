import { eq, inArray } from "drizzle-orm";
import { inBatches } from "../in-batches.js";
import type { Db } from "../open-database.js";
import { requirementItems, requirements } from "../schema.js";

export type Requirement = typeof requirements.$inferSelect;
export type NewRequirement = typeof requirements.$inferInsert;
export type RequirementItem = typeof requirementItems.$inferSelect;

/** Adds a dossier list and its items (a batch per statement). */
export async function insertRequirement(db: Db, requirement: NewRequirement, items: string[]): Promise<void> {
  const [row] = await db.insert(requirements).values(requirement).returning({ id: requirements.id });
  if (!row) return;
  const itemRows = items.map((text, position) => ({ requirementId: row.id, position, text }));
  for (const batch of inBatches(itemRows)) await db.insert(requirementItems).values(batch);
}

/** The items of the given dossier lists, in order. */
export async function requirementItemsOf(db: Db, requirementIds: number[]): Promise<RequirementItem[]> {
  if (!requirementIds.length) return [];
  return db
    .select()
    .from(requirementItems)
    .where(inArray(requirementItems.requirementId, requirementIds))
    .orderBy(requirementItems.requirementId, requirementItems.position);
}

/** The dossier lists of a plan with their items in order. */
export async function planRequirements(db: Db, planId: number) {
  const lists = await db
    .select()
    .from(requirements)
    .where(eq(requirements.planId, planId))
    .orderBy(requirements.id);
  const items = await requirementItemsOf(
    db,
    lists.map((l) => l.id),
  );
  return lists.map((list) => ({ ...list, items: items.filter((i) => i.requirementId === list.id) }));
}

/** The dossier lists of these plans in the order they were stored. */
export async function requirementsOfPlans(db: Db, planIds: number[]): Promise<Requirement[]> {
  return db.select().from(requirements).where(inArray(requirements.planId, planIds)).orderBy(requirements.id);
}
