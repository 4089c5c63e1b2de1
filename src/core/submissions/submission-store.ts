import { ErrorCode, ThiduaError } from "../errors.js";
import type { Actor } from "../people/actor.js";
import { noteChange } from "../storage/change-counters.js";
import type { Db } from "../storage/open-database.js";
import { appendAuditEntry } from "../storage/repositories/audit-log.js";
import { focalIdentitiesOf } from "../storage/repositories/identities.js";
import { queueReminders } from "../storage/repositories/reminder-outbox.js";
import {
  deleteAllSubmissions,
  lockSubmission,
  type Submission,
  type SubmissionStatus,
  submissionsOfUnits,
  upsertSubmission,
} from "../storage/repositories/submissions.js";
import type { UnitTree } from "../units/unit-tree.js";
import { assertMay } from "./authorise.js";

export type { SubmissionStatus };

/** The submission records of these units for these tasks; a missing record means "chưa nộp". */
export async function submissionsOf(db: Db, unitIds: number[], taskIds: number[]): Promise<Submission[]> {
  if (!unitIds.length || !taskIds.length) return [];
  return submissionsOfUnits(db, unitIds, taskIds);
}

export interface SubmissionChange {
  taskId: number;
  unitId: number;
  status: Exclude<SubmissionStatus, "chua_nop">;
  /** What is missing, told to the focal person; required when returning a dossier for completion. */
  note?: string | undefined;
}

/**
 * Moves a unit's submission for a task to a new status, checked against the actor's reach, and writes
 * who, when and from which platform to the audit log. Saying "đã nộp" twice changes nothing.
 */
export async function recordSubmission(
  db: Db,
  actor: Actor,
  tree: UnitTree,
  change: SubmissionChange,
  at: Date,
): Promise<{ submission: Submission; changed: boolean }> {
  const review = change.status !== "da_nop";
  assertMay(actor, tree, change.unitId, review ? "review" : "submit");
  if (change.status === "can_bo_sung" && !change.note?.trim()) {
    throw new ThiduaError(ErrorCode.InputInvalid, "a return for completion needs a note", {
      messageKey: "errors.submission_note_required",
    });
  }
  const result = await db.transaction(async (tx) => {
    const current = await lockSubmission(tx, change.taskId, change.unitId);
    const from: SubmissionStatus = current?.status ?? "chua_nop";
    if (current && from === change.status && !review) return { submission: current, changed: false };
    if (from === "da_tiep_nhan" && change.status === "da_nop") {
      throw new ThiduaError(ErrorCode.Conflict, "the dossier was already received", {
        messageKey: "errors.submission_already_received",
      });
    }
    const values = {
      status: change.status,
      note: change.note ?? null,
      updatedAt: at,
      ...(review
        ? { reviewedAt: at, reviewedByPersonId: actor.personId }
        : { submittedAt: at, submittedByPersonId: actor.personId }),
    };
    const row = await upsertSubmission(tx, { taskId: change.taskId, unitId: change.unitId }, values);
    if (change.status === "can_bo_sung") {
      // The focal person is told on every platform they linked; the reminder sender delivers it.
      const linked = await focalIdentitiesOf(tx, change.unitId);
      if (linked.length) {
        await queueReminders(
          tx,
          linked.map((identity) => ({
            idempotencyKey: `returned:${row.id}:${identity.id}:${at.toISOString()}`,
            taskId: change.taskId,
            unitId: change.unitId,
            identityId: identity.id,
            platform: identity.platform,
            payload: { kind: "returned", taskId: change.taskId, note: change.note ?? "" },
            dueAt: at,
          })),
        );
      }
    }
    await appendAuditEntry(tx, {
      at,
      actorPersonId: actor.personId,
      actorIdentityId: actor.identityId,
      platform: actor.platform,
      action: `submission.${change.status}`,
      entity: "submission",
      entityId: String(row.id),
      details: {
        taskId: change.taskId,
        unitId: change.unitId,
        from,
        to: change.status,
        note: change.note ?? null,
        // What an undo puts back ("hủy" within minutes of the change).
        previous: current ? recordedState(current) : null,
      },
    });
    return { submission: row, changed: true };
  });
  if (change.status === "can_bo_sung") noteChange(db, "notices");
  return result;
}

/** The part of a submission record that a change replaces and an undo restores. */
export function recordedState(row: Submission) {
  return {
    status: row.status,
    note: row.note,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    submittedByPersonId: row.submittedByPersonId,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    reviewedByPersonId: row.reviewedByPersonId,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Forgets every submission record: evaluation asks each question of an untouched tracker. */
export async function clearSubmissions(db: Db): Promise<void> {
  await deleteAllSubmissions(db);
}
