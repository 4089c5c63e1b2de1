import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, ne, sql } from "drizzle-orm";
import type { Db } from "../open-database.js";
import {
  chatIdentities,
  type outboxKinds,
  people,
  personRoles,
  plans,
  reminderOutbox,
  sendPacing,
  submissions,
  tasks,
} from "../schema.js";

export type OutboxKind = (typeof outboxKinds)[number];
export type OutboxRow = typeof reminderOutbox.$inferSelect;
export type NewOutboxRow = typeof reminderOutbox.$inferInsert;

/** The published plans whose reminders are not paused, with what the planner needs of them. */
export async function remindablePlans(db: Db) {
  return db
    .select({
      id: plans.id,
      number: plans.number,
      title: plans.title,
      issuer: plans.issuer,
      reminderPolicy: plans.reminderPolicy,
    })
    .from(plans)
    .where(and(eq(plans.status, "published"), isNull(plans.remindersPausedAt)))
    .orderBy(asc(plans.id));
}

/** The tasks of these plans that units hand something in for and that have a due date. */
export async function remindableTasks(db: Db, planIds: number[]) {
  if (!planIds.length) return [];
  return db
    .select({
      id: tasks.id,
      planId: tasks.planId,
      text: tasks.text,
      responsible: tasks.responsible,
      audienceOverride: tasks.audienceOverride,
      deadlineRaw: tasks.deadlineRaw,
      dueOn: tasks.dueOn,
      reminderPolicy: tasks.reminderPolicy,
    })
    .from(tasks)
    .where(and(inArray(tasks.planId, planIds), eq(tasks.requiresSubmission, true), isNotNull(tasks.dueOn)))
    .orderBy(asc(tasks.id));
}

/** The submission statuses of these tasks, every unit that has a record. */
export async function statusesOfTasks(db: Db, taskIds: number[]) {
  if (!taskIds.length) return [];
  return db
    .select({ taskId: submissions.taskId, unitId: submissions.unitId, status: submissions.status })
    .from(submissions)
    .where(inArray(submissions.taskId, taskIds));
}

/** Every focal person and officer with their unit, their reminder choices and their chat accounts. */
export async function reminderRecipients(db: Db) {
  return db
    .select({
      personId: people.id,
      name: people.name,
      role: personRoles.role,
      unitId: personRoles.unitId,
      reminderPlatform: people.reminderPlatform,
      digestMuted: people.digestMuted,
      identityId: chatIdentities.id,
      platform: chatIdentities.platform,
      lastSeenAt: chatIdentities.lastSeenAt,
      locale: chatIdentities.locale,
    })
    .from(personRoles)
    .innerJoin(people, eq(people.id, personRoles.personId))
    .innerJoin(chatIdentities, eq(chatIdentities.personId, people.id))
    .where(inArray(personRoles.role, ["focal", "officer"]))
    .orderBy(asc(people.id), asc(chatIdentities.id));
}

/** The units whose pushed messages were given up on (dead letters) since a moment. */
export async function unitsWithDeadRows(db: Db, since: Date): Promise<number[]> {
  const rows = await db
    .selectDistinct({ unitId: reminderOutbox.unitId })
    .from(reminderOutbox)
    .where(
      and(
        eq(reminderOutbox.state, "dead"),
        ne(reminderOutbox.kind, "notice"),
        isNotNull(reminderOutbox.unitId),
        gte(reminderOutbox.createdAt, since),
      ),
    );
  return rows.map((r) => r.unitId).filter((id): id is number => id !== null);
}

/** Adds outbox rows whose idempotency key is new; returns the keys added (the others were there). */
export async function insertOutboxRows(db: Db, rows: NewOutboxRow[]): Promise<string[]> {
  const added: string[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500);
    const inserted = await db
      .insert(reminderOutbox)
      .values(batch)
      .onConflictDoNothing({ target: reminderOutbox.idempotencyKey })
      .returning({ key: reminderOutbox.idempotencyKey });
    added.push(...inserted.map((r) => r.key));
  }
  return added;
}

/** An outbox row claimed for sending, with where it goes. */
export interface ClaimedRow extends OutboxRow {
  chatId: string | null;
  locale: string | null;
}

/**
 * Claims up to `limit` pushed rows that are due, or were claimed by a dispatcher that stopped before
 * `staleBefore`: `FOR UPDATE SKIP LOCKED`, so dispatchers running at once never take the same row.
 */
export async function claimOutboxRows(
  db: Db,
  at: Date,
  staleBefore: Date,
  limit: number,
): Promise<ClaimedRow[]> {
  const atIso = at.toISOString();
  const claimed = await db.execute<{ id: number }>(sql`
    update reminder_outbox set state = 'sending', claimed_at = ${atIso}
    where id in (
      select id from reminder_outbox
      where kind <> 'notice' and (
        (state = 'pending' and due_at <= ${atIso} and (next_attempt_at is null or next_attempt_at <= ${atIso}))
        or (state = 'sending' and claimed_at < ${staleBefore.toISOString()})
      )
      order by due_at, id
      limit ${limit}
      for update skip locked
    )
    returning id`);
  const ids = (
    Array.isArray(claimed) ? claimed : (claimed as unknown as { rows: { id: number }[] }).rows
  ).map((r) => r.id);
  if (!ids.length) return [];
  return db
    .select({
      ...tableColumns,
      chatId: chatIdentities.externalId,
      locale: chatIdentities.locale,
    })
    .from(reminderOutbox)
    .leftJoin(chatIdentities, eq(chatIdentities.id, reminderOutbox.identityId))
    .where(inArray(reminderOutbox.id, ids))
    .orderBy(asc(reminderOutbox.dueAt), asc(reminderOutbox.id));
}

const tableColumns = {
  id: reminderOutbox.id,
  idempotencyKey: reminderOutbox.idempotencyKey,
  taskId: reminderOutbox.taskId,
  unitId: reminderOutbox.unitId,
  identityId: reminderOutbox.identityId,
  personId: reminderOutbox.personId,
  platform: reminderOutbox.platform,
  kind: reminderOutbox.kind,
  payload: reminderOutbox.payload,
  state: reminderOutbox.state,
  dueAt: reminderOutbox.dueAt,
  nextAttemptAt: reminderOutbox.nextAttemptAt,
  attempts: reminderOutbox.attempts,
  lastError: reminderOutbox.lastError,
  claimedAt: reminderOutbox.claimedAt,
  sentAt: reminderOutbox.sentAt,
  createdAt: reminderOutbox.createdAt,
};

/** Sets what a send made of a claimed row. */
export async function updateOutboxRow(
  db: Db,
  id: number,
  values: Partial<
    Pick<
      NewOutboxRow,
      | "state"
      | "sentAt"
      | "nextAttemptAt"
      | "attempts"
      | "lastError"
      | "identityId"
      | "platform"
      | "claimedAt"
    >
  >,
): Promise<void> {
  await db.update(reminderOutbox).set(values).where(eq(reminderOutbox.id, id));
}

/** Whether a unit still owes a task (no record, not handed in, or returned for completion). */
export async function unitOwesTask(db: Db, taskId: number, unitId: number): Promise<boolean> {
  const [row] = await db
    .select({ status: submissions.status })
    .from(submissions)
    .where(and(eq(submissions.taskId, taskId), eq(submissions.unitId, unitId)));
  return !row || row.status === "chua_nop" || row.status === "can_bo_sung";
}

/** Whether a task's plan is still published with its reminders running. */
export async function taskRemindable(db: Db, taskId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: tasks.id })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(and(eq(tasks.id, taskId), eq(plans.status, "published"), isNull(plans.remindersPausedAt)));
  return row !== undefined;
}

/** A person's other chat accounts than this one, the most recently used first. */
export async function otherIdentitiesOf(db: Db, personId: number, exceptIdentityId: number | null) {
  return db
    .select({ id: chatIdentities.id, platform: chatIdentities.platform })
    .from(chatIdentities)
    .where(
      and(
        eq(chatIdentities.personId, personId),
        exceptIdentityId === null ? undefined : ne(chatIdentities.id, exceptIdentityId),
      ),
    )
    .orderBy(sql`${chatIdentities.lastSeenAt} desc nulls last`, desc(chatIdentities.id));
}

/**
 * Reserves the next slot of a pacing key spaced `intervalMs` apart (the generic cell rate algorithm:
 * the stored moment is when the next message may go). Returns the slot's moment: now, or later when
 * the budget is spent. One statement, so every dispatcher shares one budget.
 */
export async function reservePacingSlot(db: Db, key: string, at: Date, intervalMs: number): Promise<Date> {
  const next = new Date(at.getTime() + intervalMs).toISOString();
  const [row] = await db
    .insert(sendPacing)
    .values({ key, nextAt: new Date(next) })
    .onConflictDoUpdate({
      target: sendPacing.key,
      set: {
        nextAt: sql`greatest(${sendPacing.nextAt}, ${at.toISOString()}::timestamptz) + ${`${intervalMs} milliseconds`}::interval`,
      },
    })
    .returning({ nextAt: sendPacing.nextAt });
  return new Date((row?.nextAt ?? new Date(next)).getTime() - intervalMs);
}

/** Deletes pushed rows sent or skipped before a moment; returns how many. */
export async function pruneOutbox(db: Db, before: Date): Promise<number> {
  const gone = await db
    .delete(reminderOutbox)
    .where(
      and(
        inArray(reminderOutbox.state, ["sent", "skipped"]),
        ne(reminderOutbox.kind, "notice"),
        lt(reminderOutbox.dueAt, before),
      ),
    )
    .returning({ id: reminderOutbox.id });
  return gone.length;
}

/** Rows in a state (dead letters, by default), newest first. */
export async function outboxRowsIn(db: Db, state: OutboxRow["state"], limit = 200): Promise<OutboxRow[]> {
  return db
    .select()
    .from(reminderOutbox)
    .where(and(eq(reminderOutbox.state, state), ne(reminderOutbox.kind, "notice")))
    .orderBy(desc(reminderOutbox.id))
    .limit(limit);
}

/** Puts dead rows (these ids, or all when none given) back to be sent at once; returns how many. */
export async function reviveDeadRows(db: Db, at: Date, ids?: number[]): Promise<number> {
  const revived = await db
    .update(reminderOutbox)
    .set({ state: "pending", attempts: 0, nextAttemptAt: at, lastError: null })
    .where(and(eq(reminderOutbox.state, "dead"), ids?.length ? inArray(reminderOutbox.id, ids) : undefined))
    .returning({ id: reminderOutbox.id });
  return revived.length;
}

/** How many pushed rows are in each state (for the tick's report and the officers' view). */
export async function outboxCounts(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .select({ state: reminderOutbox.state, n: sql<number>`count(*)::int` })
    .from(reminderOutbox)
    .where(ne(reminderOutbox.kind, "notice"))
    .groupBy(reminderOutbox.state);
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
}

/** The outbox row planned under an idempotency key, if any. */
export async function outboxRowByKey(db: Db, key: string): Promise<OutboxRow | undefined> {
  const [row] = await db.select().from(reminderOutbox).where(eq(reminderOutbox.idempotencyKey, key));
  return row;
}

/** One outbox row, if it exists. */
export async function outboxRow(db: Db, id: number): Promise<OutboxRow | undefined> {
  const [row] = await db.select().from(reminderOutbox).where(eq(reminderOutbox.id, id));
  return row;
}

/** Pauses or resumes a plan's reminders; false when there is no such plan. */
export async function setPlanRemindersPaused(
  db: Db,
  planId: number,
  pausedAt: Date | null,
): Promise<boolean> {
  const rows = await db
    .update(plans)
    .set({ remindersPausedAt: pausedAt })
    .where(eq(plans.id, planId))
    .returning({ id: plans.id });
  return rows.length > 0;
}

/** Sets a plan's or a task's changes to the reminder policy; false when there is no such row. */
export async function setReminderPolicy(
  db: Db,
  target: { planId: number } | { taskId: number },
  policy: unknown,
): Promise<boolean> {
  const rows =
    "planId" in target
      ? await db
          .update(plans)
          .set({ reminderPolicy: policy })
          .where(eq(plans.id, target.planId))
          .returning({ id: plans.id })
      : await db
          .update(tasks)
          .set({ reminderPolicy: policy })
          .where(eq(tasks.id, target.taskId))
          .returning({ id: tasks.id });
  return rows.length > 0;
}

/** Sets where a person's reminders go first, and whether the weekly digest is muted. */
export async function setReminderChoices(
  db: Db,
  personId: number,
  choices: { reminderPlatform?: string | null; digestMuted?: boolean },
): Promise<void> {
  await db.update(people).set(choices).where(eq(people.id, personId));
}
