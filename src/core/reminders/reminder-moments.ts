import { addDays, type IsoDay } from "../deadlines/calendar-days.js";
import type { OutboxKind } from "../storage/repositories/reminders.js";
import { effectivePolicy, type ReminderPolicy } from "./reminder-policy.js";
import type { OwedTask, Recipient, ReminderWorld, TaskRef } from "./reminder-world.js";
import { instantAt, isRestDay, localTime, nextSendingMoment, weekday } from "./working-time.js";

/** What a pushed message says; the bot words it in the person's language. */
export type ReminderPayload =
  | { kind: "reminder"; daysBefore: number; task: TaskRef; unit: string }
  | { kind: "overdue"; daysLate: number; task: TaskRef; unit: string }
  | { kind: "snoozed" | "one_off"; task: TaskRef; unit: string }
  | { kind: "digest"; weekStart: IsoDay; tasks: TaskRef[]; unit: string }
  | {
      kind: "officer_summary";
      day: IsoDay;
      tasks: { task: TaskRef; missing: string[] }[];
      /** Units whose reminders could not be delivered (no platform reaches their focal person). */
      undelivered: string[];
    }
  | { kind: "non_submitters"; task: TaskRef; missing: string[] }
  | {
      kind: "registration";
      registrationId: number;
      unit: string;
      schoolYear: string;
      amended: boolean;
      /** Set on the message to the unit after an officer's review. */
      review?: { status: "approved" | "returned"; note: string | null };
    }
  | { kind: "draft"; unit: string; expires: IsoDay };

/** One message the policy asks for: when, to whom, and its idempotency key. */
export interface PlannedMessage {
  /** task × unit × person × step (or person × week, person × day …): planning it twice adds nothing. */
  key: string;
  kind: Exclude<OutboxKind, "notice">;
  moment: Date;
  to: Recipient;
  taskId: number | null;
  unitId: number | null;
  payload: ReminderPayload;
}

// The officers' summary looks this far around the day: a week ahead and a week back.
const summaryReachDays = 7;

/** The days from one instant's local day to another's, both included. */
function daysBetween(from: Date, to: Date, timeZone: string): IsoDay[] {
  const last = localTime(to, timeZone).day;
  const out: IsoDay[] = [];
  for (let d = localTime(from, timeZone).day; d <= last; d = addDays(d, 1)) out.push(d);
  return out;
}

function officersOver(world: ReminderWorld, missing: { id: number; name: string }[]) {
  return world.officers
    .map((officer) => {
      const scope = world.tree.subtreeOf(officer.unitId);
      return { officer, missing: missing.filter((u) => scope.has(u.id) && u.id !== officer.unitId) };
    })
    .filter((o) => o.missing.length > 0);
}

/** The reminders of one owed task to its units' focal persons: before the due date, then overdue. */
function taskSteps(
  owed: OwedTask,
  policy: ReminderPolicy,
): { kind: "reminder" | "overdue"; n: number; moment: Date }[] {
  const { hours } = policy;
  const steps: { kind: "reminder" | "overdue"; n: number; moment: Date }[] = [];
  // One reminder a day at most: when a Sunday or a holiday pushes one onto the next's day, the one
  // nearer the due date is kept (tried first).
  const daysTaken = new Set<IsoDay>();
  const add = (kind: "reminder" | "overdue", n: number, day: IsoDay) => {
    const moment = nextSendingMoment(instantAt(day, policy.at, hours.timeZone), hours);
    const sendingDay = localTime(moment, hours.timeZone).day;
    // A reminder pushed past the due date itself (due on a Sunday) gives way to the overdue notice.
    if (daysTaken.has(sendingDay) || (kind === "reminder" && sendingDay > owed.task.dueOn)) return;
    daysTaken.add(sendingDay);
    steps.push({ kind, n, moment });
  };
  for (const n of [...policy.daysBefore].sort((a, b) => a - b))
    add("reminder", n, addDays(owed.task.dueOn, -n));
  for (const n of policy.overdueDaysAfter) if (n >= 1) add("overdue", n, addDays(owed.task.dueOn, n));
  return steps;
}

/** Every message the policy asks for whose moment falls in [from, to], earliest first. */
export function reminderMoments(
  world: ReminderWorld,
  base: ReminderPolicy,
  from: Date,
  to: Date,
): PlannedMessage[] {
  const inRange = (moment: Date) => moment >= from && moment <= to;
  const out: PlannedMessage[] = [];
  const { hours } = base;

  for (const owed of world.tasks) {
    const policy = effectivePolicy(base, ...owed.overrides);
    const { task } = owed;
    for (const step of taskSteps(owed, policy).filter((s) => inRange(s.moment))) {
      for (const unit of owed.owing) {
        for (const person of world.focalOf.get(unit.id) ?? []) {
          out.push({
            key: `r:${task.id}:${unit.id}:${person.personId}:${step.kind === "reminder" ? "b" : "o"}${step.n}`,
            kind: step.kind,
            moment: step.moment,
            to: person,
            taskId: task.id,
            unitId: unit.id,
            payload:
              step.kind === "reminder"
                ? { kind: "reminder", daysBefore: step.n, task, unit: unit.name }
                : { kind: "overdue", daysLate: step.n, task, unit: unit.name },
          });
        }
      }
    }
    // At the deadline the officers in charge get the units that did not hand in.
    const report = nextSendingMoment(instantAt(addDays(task.dueOn, 1), policy.at, hours.timeZone), hours);
    if (inRange(report))
      for (const { officer, missing } of officersOver(world, owed.owing))
        out.push({
          key: `n:${task.id}:${officer.personId}`,
          kind: "non_submitters",
          moment: report,
          to: officer,
          taskId: task.id,
          unitId: null,
          payload: { kind: "non_submitters", task, missing: missing.map((u) => u.name) },
        });
  }

  for (const day of daysBetween(from, to, hours.timeZone)) {
    // The weekly digest: each unit's tasks due this week (Monday to Sunday) not yet handed in.
    if (base.digest && weekday(day) === base.digest.weekday) {
      const moment = nextSendingMoment(instantAt(day, base.digest.at, hours.timeZone), hours);
      const weekStart = addDays(day, -((weekday(day) + 6) % 7));
      const weekEnd = addDays(weekStart, 6);
      if (inRange(moment)) {
        const dueOf = new Map<number, TaskRef[]>();
        for (const owed of world.tasks) {
          if (owed.task.dueOn < weekStart || owed.task.dueOn > weekEnd) continue;
          for (const unit of owed.owing) dueOf.set(unit.id, [...(dueOf.get(unit.id) ?? []), owed.task]);
        }
        for (const [unitId, tasks] of dueOf)
          for (const person of world.focalOf.get(unitId) ?? []) {
            if (person.digestMuted) continue;
            out.push({
              key: `d:${unitId}:${person.personId}:${weekStart}`,
              kind: "digest",
              moment,
              to: person,
              taskId: null,
              unitId,
              payload: { kind: "digest", weekStart, tasks, unit: world.tree.byId.get(unitId)?.name ?? "" },
            });
          }
      }
    }
    // The officers' daily summary: units still missing for what is due this coming week or was due last week.
    if (base.officerSummaryAt !== null && !isRestDay(day, hours.extraHolidays)) {
      const moment = nextSendingMoment(instantAt(day, base.officerSummaryAt, hours.timeZone), hours);
      if (!inRange(moment)) continue;
      const near = world.tasks.filter(
        (o) =>
          o.task.dueOn >= addDays(day, -summaryReachDays) && o.task.dueOn <= addDays(day, summaryReachDays),
      );
      const perOfficer = new Map<
        number,
        { officer: ReminderWorld["officers"][number]; tasks: { task: TaskRef; missing: string[] }[] }
      >();
      for (const owed of near)
        for (const { officer, missing } of officersOver(world, owed.owing)) {
          const entry = perOfficer.get(officer.personId) ?? { officer, tasks: [] };
          entry.tasks.push({ task: owed.task, missing: missing.map((u) => u.name) });
          perOfficer.set(officer.personId, entry);
        }
      // An officer is also told which of their units no reminder could reach.
      for (const { officer } of officersOver(world, world.undelivered))
        if (!perOfficer.has(officer.personId)) perOfficer.set(officer.personId, { officer, tasks: [] });
      for (const { officer, tasks } of perOfficer.values()) {
        const scope = world.tree.subtreeOf(officer.unitId);
        out.push({
          key: `s:${officer.personId}:${day}`,
          kind: "officer_summary",
          moment,
          to: officer,
          taskId: null,
          unitId: null,
          payload: {
            kind: "officer_summary",
            day,
            tasks,
            undelivered: world.undelivered.filter((u) => scope.has(u.id)).map((u) => u.name),
          },
        });
      }
    }
  }
  return out.sort((a, b) => a.moment.getTime() - b.moment.getTime() || a.key.localeCompare(b.key));
}
