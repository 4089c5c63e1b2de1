import type { Actor } from "../people/actor.js";
import type { Plan } from "../plans/plan-store.js";
import type { Db } from "../storage/open-database.js";
import { submissionStatusesOfPlan } from "../storage/repositories/submissions.js";
import { submissionTasksOfPlan } from "../storage/repositories/tasks.js";
import { unitsOfTask } from "../units/task-units.js";
import { loadUnitTree } from "../units/unit-tree.js";
import { unitsActorMay } from "./authorise.js";
import type { SubmissionStatus } from "./submission-store.js";

/** The unit × task table of a plan: each unit that must hand in at least one item, each item's status. */
export interface SubmissionMatrix {
  tasks: { id: number; text: string; dueOn: string | null }[];
  units: {
    code: string;
    name: string;
    group: string | null;
    /** One per task, in the order of `tasks`; null where the task is not the unit's to do. */
    statuses: (SubmissionStatus | null)[];
  }[];
}

/** Builds the submission matrix of a plan over the units the actor may read. */
export async function submissionMatrix(db: Db, plan: Plan, actor: Actor): Promise<SubmissionMatrix> {
  const planTasks = await submissionTasksOfPlan(db, plan.id);
  const tree = await loadUnitTree(db);
  const reach = unitsActorMay(actor, tree, "read");
  const records = await submissionStatusesOfPlan(db, plan.id);
  const unitsOf = planTasks.map((t) => new Set(unitsOfTask(tree, t, plan.issuer).map((u) => u.id)));
  const units = tree.units
    .filter((u) => reach.has(u.id) && unitsOf.some((ids) => ids.has(u.id)))
    .map((u) => ({
      code: u.code,
      name: u.name,
      group: u.groups[0] ?? null,
      statuses: planTasks.map((t, i) =>
        unitsOf[i]?.has(u.id)
          ? (records.find((r) => r.taskId === t.id && r.unitId === u.id)?.status ?? "chua_nop")
          : null,
      ),
    }));
  return { tasks: planTasks.map((t) => ({ id: t.id, text: t.text, dueOn: t.dueOn })), units };
}
