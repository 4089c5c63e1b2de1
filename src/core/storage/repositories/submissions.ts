import { withConstraintErrors } from "../constraint-errors.js";
import type { Db } from "../open-database.js";
import { submissions } from "../schema.js";

export type Submission = typeof submissions.$inferSelect;

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
