import { and, eq, inArray } from "drizzle-orm";
import { inBatches } from "../in-batches.js";
import type { Db } from "../open-database.js";
import { tasks } from "../schema.js";

export type Task = typeof tasks.$inferSelect;
export type NewTask = typeof tasks.$inferInsert;

/** Adds tasks, a batch per statement; returns their ids in the order given. */
export async function insertTasks(db: Db, rows: NewTask[]): Promise<number[]> {
  const ids: number[] = [];
  // RETURNING gives a VALUES list's rows back in order, so the n-th id is the n-th row's.
  for (const batch of inBatches(rows)) {
    const inserted = await db.insert(tasks).values(batch).returning({ id: tasks.id });
    for (const row of inserted) ids.push(row.id);
  }
  return ids;
}

/** The tasks of a plan in document order. */
export async function planTasks(db: Db, planId: number): Promise<Task[]> {
  return db.select().from(tasks).where(eq(tasks.planId, planId)).orderBy(tasks.id);
}

/** The tasks of these plans in document order. */
export async function tasksOfPlans(db: Db, planIds: number[]): Promise<Task[]> {
  return db.select().from(tasks).where(inArray(tasks.planId, planIds)).orderBy(tasks.id);
}

/** The tasks of a plan that ask units to hand something in, by due day. */
export async function submissionTasksOfPlan(db: Db, planId: number): Promise<Task[]> {
  return db
    .select()
    .from(tasks)
    .where(and(eq(tasks.planId, planId), eq(tasks.requiresSubmission, true)))
    .orderBy(tasks.dueOn, tasks.id);
}

/**
 * Sets the audience override of a plan's tasks at an appendix row or, `byLine`, a text line;
 * returns the ids of the tasks changed.
 */
export async function setTaskAudienceOverride(
  db: Db,
  where: { planId: number; byLine: boolean; n: number },
  kinds: string[] | null,
): Promise<{ id: number }[]> {
  return db
    .update(tasks)
    .set({ audienceOverride: kinds })
    .where(
      and(eq(tasks.planId, where.planId), where.byLine ? eq(tasks.line, where.n) : eq(tasks.row, where.n)),
    )
    .returning({ id: tasks.id });
}
