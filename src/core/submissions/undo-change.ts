import { z } from "zod";
import { ErrorCode, ThiduaError } from "../errors.js";
import type { Actor } from "../people/actor.js";
import { noteChange } from "../storage/change-counters.js";
import type { Db } from "../storage/open-database.js";
import { appendAuditEntry, latestAuditEntryFrom } from "../storage/repositories/audit-log.js";
import { withdrawPendingReminders } from "../storage/repositories/reminder-outbox.js";
import {
  deleteSubmission,
  lockSubmission,
  type SubmissionStatus,
  submissionStatuses,
  updateSubmission,
} from "../storage/repositories/submissions.js";
import type { UnitTree } from "../units/unit-tree.js";
import { assertMay } from "./authorise.js";

const changeActions = ["submission.da_nop", "submission.da_tiep_nhan", "submission.can_bo_sung"];
const undoAction = "submission.undo";

const status = z.enum(submissionStatuses);
const changeDetails = z.object({
  taskId: z.number(),
  unitId: z.number(),
  from: status,
  to: status,
  previous: z
    .object({
      status,
      note: z.string().nullable(),
      submittedAt: z.string().nullable(),
      submittedByPersonId: z.number().nullable(),
      reviewedAt: z.string().nullable(),
      reviewedByPersonId: z.number().nullable(),
      updatedAt: z.string(),
    })
    .nullable()
    .optional(),
});

/** What an undo put back. */
export interface UndoneChange {
  taskId: number;
  unitId: number;
  /** The status the change had set, now taken back. */
  undone: SubmissionStatus;
  /** The status the record has again. */
  restored: SubmissionStatus;
}

const asDate = (value: string | null) => (value ? new Date(value) : null);

/**
 * Takes back the latest submission change made from this chat account, if it is younger than
 * `withinMinutes` and nobody changed the record since. Both the change and its undo stay in the audit
 * log. Returns null when there is nothing to take back. With `preview`, only says what it would do.
 */
export async function undoLastSubmissionChange(
  db: Db,
  actor: Actor,
  tree: UnitTree,
  at: Date,
  options: { withinMinutes: number; preview?: boolean },
): Promise<UndoneChange | null> {
  const { withinMinutes } = options;
  if (actor.identityId === null) return null;
  const identityId = actor.identityId;
  const result = await db.transaction(async (tx) => {
    const last = await latestAuditEntryFrom(tx, identityId, [...changeActions, undoAction]);
    if (!last || last.action === undoAction) return null;
    if (at.getTime() - last.at.getTime() > withinMinutes * 60_000) return null;
    const details = changeDetails.parse(last.details);
    assertMay(actor, tree, details.unitId, details.to === "da_nop" ? "submit" : "review");
    const current = await lockSubmission(tx, details.taskId, details.unitId);
    if (!current || current.status !== details.to || current.updatedAt.getTime() !== last.at.getTime()) {
      throw new ThiduaError(ErrorCode.Conflict, "the record changed after this change", {
        messageKey: "errors.undo_changed_since",
      });
    }
    const previous = details.previous ?? null;
    const restored: SubmissionStatus = previous?.status ?? "chua_nop";
    const change = { taskId: details.taskId, unitId: details.unitId, undone: details.to, restored };
    if (options.preview) return { change, notices: false };
    if (previous) {
      await updateSubmission(tx, current.id, {
        status: previous.status,
        note: previous.note,
        submittedAt: asDate(previous.submittedAt),
        submittedByPersonId: previous.submittedByPersonId,
        reviewedAt: asDate(previous.reviewedAt),
        reviewedByPersonId: previous.reviewedByPersonId,
        updatedAt: new Date(previous.updatedAt),
      });
    } else {
      await deleteSubmission(tx, current.id);
    }
    // A return for completion queued its note for the focal person; unsent, it goes with the change.
    const withdrawn =
      details.to === "can_bo_sung"
        ? await withdrawPendingReminders(tx, `returned:${current.id}:%:${last.at.toISOString()}`)
        : [];
    await appendAuditEntry(tx, {
      at,
      actorPersonId: actor.personId,
      actorIdentityId: identityId,
      platform: actor.platform,
      action: undoAction,
      entity: "submission",
      entityId: String(current.id),
      details: {
        undoes: last.id,
        taskId: details.taskId,
        unitId: details.unitId,
        from: details.to,
        to: restored,
        withdrawnNotices: withdrawn.length,
      },
    });
    return { change, notices: withdrawn.length > 0 };
  });
  if (result?.notices) noteChange(db, "notices");
  return result?.change ?? null;
}
