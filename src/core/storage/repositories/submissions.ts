import { and, eq, inArray } from "drizzle-orm";
import { withConstraintErrors } from "../constraint-errors.js";
import type { Db } from "../open-database.js";
import { submissionStatuses, submissions, tasks } from "../schema.js";

export { submissionStatuses };
export type Submission = typeof submissions.$inferSelect;
export type SubmissionStatus = (typeof submissionStatuses)[number];
/** The columns of a submission record that a change sets and an undo restores. */
export type SubmissionValues = Partial<Omit<typeof submissions.$inferInsert, "id" | "taskId" | "unitId">>;

/** Opens the submission record of a unit for a task; there is only ever one per task × unit. */
export async function createSubmission(
  db: Db,
  submission: { taskId: number; unitId: number; status?: Submission["status"] },
): Promise<Submission> {
  const [row] = await withConstraintErrors("submission", () =>
    db.insert(submissions).values(submission).returning(),
  );
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** The submission records of these units for these tasks. */
export async function submissionsOfUnits(
  db: Db,
  unitIds: number[],
  taskIds: number[],
): Promise<Submission[]> {
  return db
    .select()
    .from(submissions)
    .where(and(inArray(submissions.unitId, unitIds), inArray(submissions.taskId, taskIds)));
}

/** The status of every submission record of a plan's tasks. */
export async function submissionStatusesOfPlan(
  db: Db,
  planId: number,
): Promise<{ taskId: number; unitId: number; status: SubmissionStatus }[]> {
  return db
    .select({ taskId: submissions.taskId, unitId: submissions.unitId, status: submissions.status })
    .from(submissions)
    .innerJoin(tasks, eq(tasks.id, submissions.taskId))
    .where(eq(tasks.planId, planId));
}

/** A unit's record for a task, locked until the transaction ends; undefined when it has none. */
export async function lockSubmission(
  db: Db,
  taskId: number,
  unitId: number,
): Promise<Submission | undefined> {
  const [current] = await db
    .select()
    .from(submissions)
    .where(and(eq(submissions.taskId, taskId), eq(submissions.unitId, unitId)))
    .for("update");
  return current;
}

/** Writes a unit's record for a task, adding it or replacing these values of the one there is. */
export async function upsertSubmission(
  db: Db,
  key: { taskId: number; unitId: number },
  values: SubmissionValues,
): Promise<Submission> {
  const [row] = await db
    .insert(submissions)
    .values({ taskId: key.taskId, unitId: key.unitId, ...values })
    .onConflictDoUpdate({ target: [submissions.taskId, submissions.unitId], set: values })
    .returning();
  if (!row) throw new Error("upsert returned no row");
  return row;
}

/** Sets values of a submission record. */
export async function updateSubmission(db: Db, id: number, values: SubmissionValues): Promise<void> {
  await db.update(submissions).set(values).where(eq(submissions.id, id));
}

/** Deletes a submission record. */
export async function deleteSubmission(db: Db, id: number): Promise<void> {
  await db.delete(submissions).where(eq(submissions.id, id));
}

/** Deletes every submission record. */
export async function deleteAllSubmissions(db: Db): Promise<void> {
  await db.delete(submissions);
}
