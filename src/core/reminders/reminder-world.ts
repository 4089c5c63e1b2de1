import type { IsoDay } from "../deadlines/calendar-days.js";
import type { Db } from "../storage/open-database.js";
import {
  remindablePlans,
  remindableTasks,
  reminderRecipients,
  statusesOfTasks,
  unitsWithDeadRows,
} from "../storage/repositories/reminders.js";
import { unitsOfTask } from "../units/task-units.js";
import { loadUnitTree, type UnitTree } from "../units/unit-tree.js";

/** A task as a reminder names it. */
export interface TaskRef {
  id: number;
  text: string;
  dueOn: IsoDay;
  deadlineRaw: string | null;
  /** The plan's number ("4582/KH-SGDĐT"), or its title when it has none. */
  plan: string | null;
}

/** A person reminders go to, through the chat account chosen for them. */
export interface Recipient {
  personId: number;
  name: string;
  identityId: number;
  platform: string;
  digestMuted: boolean;
}

/** A task with the units that still owe it. */
export interface OwedTask {
  task: TaskRef;
  planId: number;
  /** The plan's and the task's changes to the reminder policy, as stored. */
  overrides: unknown[];
  owing: { id: number; name: string }[];
}

/** What the planner reads from the database, once per pass. */
export interface ReminderWorld {
  tasks: OwedTask[];
  /** A unit's focal persons. */
  focalOf: Map<number, Recipient[]>;
  /** Officers with the unit they see (and everything below it). */
  officers: (Recipient & { unitId: number })[];
  /** Units whose reminders could not be delivered this past week (their officers are told). */
  undelivered: { id: number; name: string }[];
  tree: UnitTree;
}

type RecipientRow = Awaited<ReturnType<typeof reminderRecipients>>[number];

/** The chat account a person's reminders go to: the platform they chose, else the one they used last. */
function chooseAccount(rows: RecipientRow[]): RecipientRow | undefined {
  const chosen = rows.find((r) => r.reminderPlatform && r.platform === r.reminderPlatform);
  if (chosen) return chosen;
  return [...rows].sort(
    (a, b) => (b.lastSeenAt?.getTime() ?? 0) - (a.lastSeenAt?.getTime() ?? 0) || b.identityId - a.identityId,
  )[0];
}

// Dead letters are named in the officers' summary for a week, or until an officer sends them again.
const undeliveredReachMs = 7 * 86_400_000;

/** Loads the published plans' tasks with the units that owe them, and who is to be reminded. */
export async function loadReminderWorld(db: Db, now: Date): Promise<ReminderWorld> {
  const plans = await remindablePlans(db);
  const [rows, tree, recipientRows, deadUnits] = await Promise.all([
    remindableTasks(
      db,
      plans.map((p) => p.id),
    ),
    loadUnitTree(db),
    reminderRecipients(db),
    unitsWithDeadRows(db, new Date(now.getTime() - undeliveredReachMs)),
  ]);
  const statuses = await statusesOfTasks(
    db,
    rows.map((t) => t.id),
  );
  const done = new Set(
    statuses
      .filter((s) => s.status === "da_nop" || s.status === "da_tiep_nhan")
      .map((s) => `${s.taskId}:${s.unitId}`),
  );
  const planOf = new Map(plans.map((p) => [p.id, p]));
  const tasks: OwedTask[] = [];
  for (const row of rows) {
    const plan = planOf.get(row.planId);
    if (!plan || !row.dueOn) continue;
    const owing = unitsOfTask(tree, row, plan.issuer)
      .filter((u) => !done.has(`${row.id}:${u.id}`))
      .map((u) => ({ id: u.id, name: u.name }));
    tasks.push({
      task: {
        id: row.id,
        text: row.text,
        dueOn: row.dueOn,
        deadlineRaw: row.deadlineRaw,
        plan: plan.number || plan.title,
      },
      planId: plan.id,
      overrides: [plan.reminderPolicy, row.reminderPolicy],
      owing,
    });
  }

  // One account per person and role: grouped by person × role × unit.
  const byRole = new Map<string, RecipientRow[]>();
  for (const r of recipientRows) {
    const key = `${r.personId}:${r.role}:${r.unitId}`;
    byRole.set(key, [...(byRole.get(key) ?? []), r]);
  }
  const focalOf = new Map<number, Recipient[]>();
  const officers: ReminderWorld["officers"] = [];
  for (const group of byRole.values()) {
    const account = chooseAccount(group);
    if (!account || account.unitId === null) continue;
    const recipient: Recipient = {
      personId: account.personId,
      name: account.name,
      identityId: account.identityId,
      platform: account.platform,
      digestMuted: account.digestMuted,
    };
    if (account.role === "focal")
      focalOf.set(account.unitId, [...(focalOf.get(account.unitId) ?? []), recipient]);
    else officers.push({ ...recipient, unitId: account.unitId });
  }
  const undelivered = deadUnits.flatMap((id) => {
    const unit = tree.byId.get(id);
    return unit ? [{ id, name: unit.name }] : [];
  });
  return { tasks, focalOf, officers, undelivered, tree };
}
