import { z } from "zod";
import { type IsoDay, isRealDate } from "../deadlines/calendar-days.js";
import { type Minutes, parseTimeOfDay, type SendingHours } from "./working-time.js";

/** When reminders go out: the office's policy, which a plan and then a task may change. */
export interface ReminderPolicy {
  /** Days before the due date a unit's focal person is reminded (0 is the day itself). */
  daysBefore: number[];
  /** Local time of day of those reminders and of the overdue notices. */
  at: Minutes;
  /** Days after the due date an overdue notice goes (1: the next day). */
  overdueDaysAfter: number[];
  /** The weekly digest to focal persons ("tuần này có N việc đến hạn"): weekday (1 Monday) and time; null for none. */
  digest: { weekday: number; at: Minutes } | null;
  /** Time of the daily summary of missing units to the officers in charge; null for none. */
  officerSummaryAt: Minutes | null;
  /** Quiet hours, days off and the time zone: what falls there waits for the next working morning. */
  hours: SendingHours;
  /** How late a reminder may still go (after downtime); older ones are skipped and counted. */
  windowMinutes: number;
  /** Days a registration left half-way is kept (its person reminded once after a day idle). */
  draftDays: number;
}

const days = (max: number) => z.array(z.number().int().min(0).max(max)).max(12);
const timeOfDay = z.string().refine((t) => parseTimeOfDay(t) !== null, "must be a time such as 08:00");

/** What a plan or a task may change of the policy (stored as JSON, set by an officer). */
export const policyOverrideSchema = z
  .object({
    daysBefore: days(90).optional(),
    at: timeOfDay.optional(),
    overdueDaysAfter: days(30).optional(),
  })
  .strict();
export type PolicyOverride = z.infer<typeof policyOverrideSchema>;

/** The policy with a plan's and then a task's changes applied; a stored change that no longer reads is ignored. */
export function effectivePolicy(base: ReminderPolicy, ...overrides: unknown[]): ReminderPolicy {
  let policy = base;
  for (const raw of overrides) {
    const parsed = policyOverrideSchema.safeParse(raw ?? {});
    if (!parsed.success) continue;
    const o = parsed.data;
    policy = {
      ...policy,
      ...(o.daysBefore ? { daysBefore: o.daysBefore } : {}),
      ...(o.at ? { at: parseTimeOfDay(o.at) ?? policy.at } : {}),
      ...(o.overdueDaysAfter ? { overdueDaysAfter: o.overdueDaysAfter } : {}),
    };
  }
  return policy;
}

const weekdays = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

/** Reads "7,3,1,0" into days; null when it does not read. */
export function parseDayList(text: string, max: number): number[] | null {
  if (!text.trim()) return [];
  const parts = text.split(",").map((p) => p.trim());
  if (!parts.every((p) => /^\d{1,2}$/.test(p) && Number(p) <= max)) return null;
  return [...new Set(parts.map(Number))].sort((a, b) => b - a);
}

/** Reads "MON 07:30" (or "off") into the digest's weekday and time; undefined when it does not read. */
export function parseDigest(text: string): { weekday: number; at: Minutes } | null | undefined {
  if (/^(off|none|no|0)$/i.test(text.trim())) return null;
  const m = /^([a-z]{3})\s+(\S+)$/i.exec(text.trim());
  const weekday = m ? weekdays.indexOf((m[1] ?? "").toLowerCase()) : -1;
  const at = m ? parseTimeOfDay(m[2] ?? "") : null;
  return weekday < 0 || at === null ? undefined : { weekday, at };
}

/** Reads "21:00-07:00" into quiet hours; null when it does not read. */
export function parseQuietHours(text: string): { from: Minutes; to: Minutes } | null {
  const [from, to, ...rest] = text.split("-").map((p) => parseTimeOfDay(p));
  return from == null || to == null || rest.length ? null : { from, to };
}

/** Reads a comma-separated list of days off (yyyy-mm-dd or dd/mm/yyyy); null when one does not read. */
export function parseHolidays(text: string): IsoDay[] | null {
  const out: IsoDay[] = [];
  for (const part of text.split(",").map((p) => p.trim())) {
    if (!part) continue;
    const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(part);
    const day = vn ? `${vn[3]}-${vn[2]?.padStart(2, "0")}-${vn[1]?.padStart(2, "0")}` : part;
    if (!isRealDate(day)) return null;
    out.push(day);
  }
  return out;
}
