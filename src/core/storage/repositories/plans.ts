import { count, desc, eq, max, or, sql, sum } from "drizzle-orm";
import type { Db } from "../open-database.js";
import { plans } from "../schema.js";

export type Plan = typeof plans.$inferSelect;
export type NewPlan = typeof plans.$inferInsert;
export type PlanStatus = Plan["status"];

/** The plan imported from the file with this SHA-256, if any. */
export async function findPlanBySourceHash(db: Db, sourceHash: string): Promise<Plan | undefined> {
  const [existing] = await db.select().from(plans).where(eq(plans.sourceHash, sourceHash)).limit(1);
  return existing;
}

/** Adds a plan's header row. */
export async function insertPlan(db: Db, plan: NewPlan): Promise<Plan> {
  const [row] = await db.insert(plans).values(plan).returning();
  if (!row) throw new Error("insert returned no plan");
  return row;
}

/** Every plan, newest first. */
export async function listPlans(db: Db): Promise<Plan[]> {
  return db.select().from(plans).orderBy(desc(plans.createdAt), desc(plans.id));
}

/** The plans with this id (when given) or this number, highest id first. */
export async function plansByIdOrNumber(db: Db, id: number | null, number: string): Promise<Plan[]> {
  return db
    .select()
    .from(plans)
    .where(id !== null ? or(eq(plans.id, id), eq(plans.number, number)) : eq(plans.number, number))
    .orderBy(desc(plans.id));
}

/** Sets a plan's status and its time stamps; undefined when there is no such plan. */
export async function updatePlanStatus(
  db: Db,
  planId: number,
  values: { status: PlanStatus; publishedAt?: Date; archivedAt?: Date | null },
): Promise<Plan | undefined> {
  const [plan] = await db.update(plans).set(values).where(eq(plans.id, planId)).returning();
  return plan;
}

/** Counts a correction of a stored plan, so that answers reload it. */
export async function bumpPlanRevision(db: Db, planId: number): Promise<void> {
  await db
    .update(plans)
    .set({ revision: sql`${plans.revision} + 1` })
    .where(eq(plans.id, planId));
}

/** The published plans in the order they were added. */
export async function publishedPlans(db: Db): Promise<Plan[]> {
  return db.select().from(plans).where(eq(plans.status, "published")).orderBy(plans.id);
}

/** How many plans are published, the highest id and latest publication among them, their revisions. */
export async function publishedPlanCounts(db: Db) {
  const [row] = await db
    .select({
      n: count(),
      last: max(plans.publishedAt),
      revisions: sum(plans.revision),
      id: max(plans.id),
    })
    .from(plans)
    .where(eq(plans.status, "published"));
  return row;
}
