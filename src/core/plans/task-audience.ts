import { z } from "zod";
import { ErrorCode, ThiduaError } from "../errors.js";
import { noteChange } from "../storage/change-counters.js";
import type { Db } from "../storage/open-database.js";
import { appendAuditEntry } from "../storage/repositories/audit-log.js";
import { bumpPlanRevision } from "../storage/repositories/plans.js";
import { setTaskAudienceOverride } from "../storage/repositories/tasks.js";
import { unitKinds } from "../storage/repositories/units.js";
import type { UnitKind } from "../units/audience.js";

// How `plan show` names a task: its row in the appendix ("16") or its line in the text ("L157").
const taskRef = z.string().regex(/^(\d+|L\d+)$/i);
const kindList = z.array(z.enum(unitKinds)).min(1);

/**
 * Sets (or, with null, clears) the unit kinds that must do a task, overriding what its
 * "đơn vị thực hiện" words resolve to; every task under the reference changes together.
 */
export async function overrideTaskAudience(
  db: Db,
  planId: number,
  ref: string,
  kinds: string[] | null,
  at: Date,
  by: { personId: number | null; platform: string },
): Promise<{ tasks: number; kinds: UnitKind[] | null }> {
  const refOk = taskRef.safeParse(ref);
  const kindsOk = kinds === null ? { success: true as const, data: null } : kindList.safeParse(kinds);
  if (!refOk.success || !kindsOk.success) {
    throw new ThiduaError(ErrorCode.InputInvalid, `bad task reference or unit kinds: ${ref} ${kinds}`, {
      messageKey: "errors.task_audience_invalid",
      params: { kinds: unitKinds.join(", ") },
    });
  }
  const byLine = /^L/i.test(ref);
  const n = Number(ref.replace(/^L/i, ""));
  const result = await db.transaction(async (tx) => {
    const changed = await setTaskAudienceOverride(tx, { planId, byLine, n }, kindsOk.data);
    if (!changed.length) {
      throw new ThiduaError(ErrorCode.NotFound, `no task ${ref} in plan ${planId}`, {
        messageKey: "errors.task_not_found",
        params: { task: ref },
      });
    }
    await bumpPlanRevision(tx, planId);
    await appendAuditEntry(tx, {
      at,
      actorPersonId: by.personId,
      platform: by.platform,
      action: "task.audience",
      entity: "plan",
      entityId: String(planId),
      details: { ref, taskIds: changed.map((c) => c.id), kinds: kindsOk.data },
    });
    return { tasks: changed.length, kinds: kindsOk.data };
  });
  noteChange(db, "plans");
  return result;
}
