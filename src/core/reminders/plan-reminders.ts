import { isoDayIn } from "../deadlines/calendar-days.js";
import type { Db } from "../storage/open-database.js";
import { deleteDraft, idleDrafts, markDraftReminded } from "../storage/repositories/registrations.js";
import {
  insertOutboxRows,
  type NewOutboxRow,
  otherIdentitiesOf,
  pruneOutbox,
} from "../storage/repositories/reminders.js";
import { type PlannedMessage, reminderMoments } from "./reminder-moments.js";
import type { ReminderPolicy } from "./reminder-policy.js";
import { loadReminderWorld } from "./reminder-world.js";
import { nextSendingMoment } from "./working-time.js";

/** What one planner pass did. */
export interface PlannerReport {
  /** Messages written to the outbox to be sent now. */
  planned: number;
  /** Messages whose moment passed more than the window ago (the service was down): recorded, not sent. */
  skipped: number;
}

// Sent and skipped messages are kept this long (an officer may ask what went out), then deleted; the
// planner never looks back that far, so no key it could plan again is lost.
const keptMs = 60 * 24 * 3600_000;

// Moments further back than the window and this are left alone: a planner that was down for months
// does not record every reminder of the year as skipped.
const skippedLookbackMs = 7 * 24 * 3600_000;

function outboxRow(message: PlannedMessage, state: "pending" | "skipped"): NewOutboxRow {
  return {
    idempotencyKey: message.key,
    kind: message.kind,
    taskId: message.taskId,
    unitId: message.unitId,
    personId: message.to.personId,
    identityId: message.to.identityId,
    platform: message.to.platform,
    payload: message.payload,
    state,
    dueAt: message.moment,
    ...(state === "skipped" ? { lastError: "moment passed while the service was down" } : {}),
  };
}

/**
 * One planner pass: writes to the outbox every message whose moment has come (within the window),
 * each under its idempotency key, so passes that overlap, repeat or run on several replicas at once
 * plan nothing twice; a moment missed by more than the window is recorded as skipped.
 */
export async function planReminders(db: Db, policy: ReminderPolicy, now: Date): Promise<PlannerReport> {
  const world = await loadReminderWorld(db, now);
  const windowStart = new Date(now.getTime() - policy.windowMinutes * 60_000);
  const messages = reminderMoments(world, policy, new Date(windowStart.getTime() - skippedLookbackMs), now);
  const due = messages.filter((m) => m.moment > windowStart);
  const late = messages.filter((m) => m.moment <= windowStart);
  // The due ones first: a key written as pending is never turned into a skipped one.
  const planned = await insertOutboxRows(
    db,
    due.map((m) => outboxRow(m, "pending")),
  );
  const skipped = await insertOutboxRows(
    db,
    late.map((m) => outboxRow(m, "skipped")),
  );
  await pruneOutbox(db, new Date(now.getTime() - keptMs));
  const drafts = await planDraftReminders(db, policy, now);
  return { planned: planned.length + drafts, skipped: skipped.length };
}

/**
 * Registrations left half-way: a reminder to finish once a draft has been idle a day, and the draft
 * dropped once idle `draftDays`. Returns how many reminders were queued.
 */
async function planDraftReminders(db: Db, policy: ReminderPolicy, now: Date): Promise<number> {
  const expiry = new Date(now.getTime() - policy.draftDays * 86_400_000);
  let queued = 0;
  for (const draft of await idleDrafts(db, new Date(now.getTime() - 86_400_000))) {
    if (draft.updatedAt <= expiry) {
      await deleteDraft(db, draft.personId);
      continue;
    }
    if (draft.remindedAt) continue;
    const [account] = await otherIdentitiesOf(db, draft.personId, null);
    if (account) {
      const expires = isoDayIn(
        new Date(draft.updatedAt.getTime() + policy.draftDays * 86_400_000),
        policy.hours.timeZone,
      );
      const state = draft.state as { unit?: { name?: string } };
      queued += (
        await insertOutboxRows(db, [
          {
            idempotencyKey: `f:${draft.personId}:${draft.updatedAt.toISOString()}`,
            kind: "draft",
            personId: draft.personId,
            identityId: account.id,
            platform: account.platform,
            payload: { kind: "draft", unit: state.unit?.name ?? "", expires },
            dueAt: nextSendingMoment(now, policy.hours),
          },
        ])
      ).length;
    }
    await markDraftReminded(db, draft.personId, now);
  }
  return queued;
}

/** The messages the policy will send in the coming `days` (from the units' statuses as they are now). */
export async function previewReminders(
  db: Db,
  policy: ReminderPolicy,
  now: Date,
  days: number,
): Promise<PlannedMessage[]> {
  const world = await loadReminderWorld(db, now);
  return reminderMoments(
    world,
    policy,
    new Date(now.getTime() + 1),
    new Date(now.getTime() + days * 86_400_000),
  );
}
