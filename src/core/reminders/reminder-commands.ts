import { ErrorCode, ThiduaError } from "../errors.js";
import type { Actor } from "../people/actor.js";
import type { Db } from "../storage/open-database.js";
import {
  insertOutboxRows,
  type OutboxRow,
  outboxRow,
  outboxRowByKey,
  outboxRowsIn,
  reviveDeadRows,
  setPlanRemindersPaused,
  setReminderChoices,
  setReminderPolicy,
} from "../storage/repositories/reminders.js";
import { unitsActorMay } from "../submissions/authorise.js";
import { type DispatchOptions, type DispatchReport, dispatchReminders } from "./dispatch-reminders.js";
import { type PlannerReport, planReminders } from "./plan-reminders.js";
import type { ReminderPayload } from "./reminder-moments.js";
import { policyOverrideSchema, type ReminderPolicy } from "./reminder-policy.js";
import { loadReminderWorld } from "./reminder-world.js";
import { nextSendingMoment } from "./working-time.js";

/** What one tick did: a planner pass, then a dispatcher pass. */
export interface TickReport {
  planner: PlannerReport;
  dispatcher: DispatchReport;
}

/** One tick, exactly what the cron job runs: plan what is due, then send what is planned. */
export async function runReminderTick(
  db: Db,
  policy: ReminderPolicy,
  options: DispatchOptions,
): Promise<TickReport> {
  const planner = await planReminders(db, policy, options.now());
  const dispatcher = await dispatchReminders(db, options);
  return { planner, dispatcher };
}

function notFound(what: string, id: number): ThiduaError {
  return new ThiduaError(ErrorCode.NotFound, `no ${what} ${id}`, {
    messageKey: `errors.reminders.no_${what}`,
    params: { id },
  });
}

/**
 * Sends a task's reminder now to every unit the actor oversees that still owes it (an officer's
 * "nhắc ngay"); returns how many messages were queued. Repeated within the same minute, it adds nothing.
 */
export async function remindNow(db: Db, taskId: number, actor: Actor, now: Date): Promise<number> {
  const world = await loadReminderWorld(db, now);
  const owed = world.tasks.find((t) => t.task.id === taskId);
  if (!owed) throw notFound("task", taskId);
  const allowed = unitsActorMay(actor, world.tree, "review");
  const minute = now.toISOString().slice(0, 16);
  const rows = owed.owing
    .filter((u) => allowed.has(u.id))
    .flatMap((unit) =>
      (world.focalOf.get(unit.id) ?? []).map((person) => ({
        idempotencyKey: `x:${taskId}:${unit.id}:${person.personId}:${minute}`,
        kind: "one_off" as const,
        taskId,
        unitId: unit.id,
        personId: person.personId,
        identityId: person.identityId,
        platform: person.platform,
        payload: { kind: "one_off", task: owed.task, unit: unit.name } satisfies ReminderPayload,
        dueAt: now,
      })),
    );
  return (await insertOutboxRows(db, rows)).length;
}

/**
 * "Nhắc lại sau": the same reminder again a day later (at the next working moment). Only its
 * recipient may ask; returns when it will come, or the moment already set by an earlier press.
 */
export async function snoozeReminder(
  db: Db,
  outboxId: number,
  personId: number,
  policy: ReminderPolicy,
  now: Date,
): Promise<Date> {
  const row = await outboxRow(db, outboxId);
  if (!row || row.personId !== personId || row.kind === "notice") throw notFound("reminder", outboxId);
  const payload = row.payload as ReminderPayload;
  if (!("task" in payload) || !("unit" in payload)) throw notFound("reminder", outboxId);
  const dueAt = nextSendingMoment(new Date(now.getTime() + 86_400_000), policy.hours);
  await insertOutboxRows(db, [
    {
      idempotencyKey: `z:${outboxId}`,
      kind: "snoozed",
      taskId: row.taskId,
      unitId: row.unitId,
      personId,
      identityId: row.identityId,
      platform: row.platform,
      payload: { kind: "snoozed", task: payload.task, unit: payload.unit } satisfies ReminderPayload,
      dueAt,
    },
  ]);
  // Pressed twice: the moment set by the first press stands.
  return (await outboxRowByKey(db, `z:${outboxId}`))?.dueAt ?? dueAt;
}

/** The messages given up on (dead letters), newest first. */
export async function deadReminders(db: Db): Promise<OutboxRow[]> {
  return outboxRowsIn(db, "dead");
}

/** Puts dead letters (these, or all) back to be sent at the next pass; returns how many. */
export async function retryDeadReminders(db: Db, now: Date, ids?: number[]): Promise<number> {
  return reviveDeadRows(db, now, ids);
}

/** Pauses (or resumes, with null) every reminder of a plan. */
export async function pausePlanReminders(db: Db, planId: number, pausedAt: Date | null): Promise<void> {
  if (!(await setPlanRemindersPaused(db, planId, pausedAt))) throw notFound("plan", planId);
}

/** Sets a plan's or a task's own reminder days and time; the input is checked first. */
export async function overrideReminderPolicy(
  db: Db,
  target: { planId: number } | { taskId: number },
  override: unknown,
): Promise<void> {
  const parsed = policyOverrideSchema.safeParse(override);
  if (!parsed.success)
    throw new ThiduaError(ErrorCode.InputInvalid, parsed.error.issues[0]?.message ?? "invalid policy", {
      messageKey: "errors.reminders.bad_policy",
    });
  const found = await setReminderPolicy(db, target, parsed.data);
  if (!found) throw "planId" in target ? notFound("plan", target.planId) : notFound("task", target.taskId);
}

/** A person's reminders go first to this platform (the one they write from). */
export async function chooseReminderPlatform(db: Db, personId: number, platform: string): Promise<void> {
  await setReminderChoices(db, personId, { reminderPlatform: platform });
}

/** Mutes or unmutes a person's weekly digest (deadline reminders cannot be muted). */
export async function muteDigest(db: Db, personId: number, muted: boolean): Promise<void> {
  await setReminderChoices(db, personId, { digestMuted: muted });
}
