import type { Db } from "../storage/open-database.js";
import {
  type ClaimedRow,
  claimOutboxRows,
  otherIdentitiesOf,
  reservePacingSlot,
  taskRemindable,
  unitOwesTask,
  updateOutboxRow,
} from "../storage/repositories/reminders.js";
import type { ReminderPayload } from "./reminder-moments.js";

/** A claimed message on its way out: the platform, the chat and what to say. */
export interface OutgoingReminder {
  id: number;
  platform: string;
  chatId: string;
  locale: string;
  payload: ReminderPayload;
}

/** What a platform made of one message. */
export type DeliveryOutcome =
  | { status: "sent" }
  /** This account cannot be reached (blocked the bot, outside Zalo's reply window, platform not served). */
  | { status: "unreachable"; error: string }
  /** Worth trying again; after `retryAfterMs` when the platform said so (a 429). */
  | { status: "failed"; error: string; retryAfterMs?: number };

/** Sends one message through the person's platform; the app wires it to the adapters. */
export type Deliver = (message: OutgoingReminder) => Promise<DeliveryOutcome>;

/** A rate a platform holds senders to: at most one message per `intervalMs` under `key`. */
export interface PacingRule {
  key: string;
  intervalMs: number;
}

/**
 * The platforms' published limits: Telegram 30 messages/s overall, 1/s per chat, 20/min per group
 * (negative chat ids); Slack about 1/s per channel; the Zalo Bot Platform as Telegram; a Zalo OA
 * 1/s per person. Keys live in the database, so every dispatcher draws on one budget.
 */
export function platformPacing(platform: string, chatId: string): PacingRule[] {
  switch (platform) {
    case "telegram":
    case "zalo-bot":
      return [
        { key: platform, intervalMs: Math.ceil(1000 / 30) },
        { key: `${platform}:${chatId}`, intervalMs: chatId.startsWith("-") ? 3000 : 1000 },
      ];
    case "slack":
    case "zalo-oa":
      return [{ key: `${platform}:${chatId}`, intervalMs: 1000 }];
    default:
      return [];
  }
}

export interface DispatchOptions {
  now(): Date;
  sleep(ms: number): Promise<void>;
  deliver: Deliver;
  pacing?: (platform: string, chatId: string) => PacingRule[];
  /** Sends tried before a message goes to the dead letters. */
  maxAttempts?: number;
  /** A row claimed longer ago than this by a dispatcher that stopped is claimed again. */
  staleAfterMs?: number;
  /** A pacing slot further away than this is not waited for: the row goes back until then. */
  maxWaitMs?: number;
  random?: () => number;
  signal?: AbortSignal;
}

/** What one dispatcher pass did. */
export interface DispatchReport {
  sent: number;
  /** Failed and to be tried again later. */
  retried: number;
  /** Given up (dead letters the officers can list and retry). */
  dead: number;
  /** No longer owed (handed in since it was planned) or its plan's reminders paused. */
  dropped: number;
  /** Sent on later: the platform's pace was spent. */
  deferred: number;
  /** Moved to another of the person's accounts. */
  rerouted: number;
}

const batchSize = 20;
// Back-off from 30 s, doubling, at most an hour, with ±50 % jitter so failures do not come back in step.
const backoffBaseMs = 30_000;
const backoffCapMs = 3600_000;

/** The wait before the n-th retry (n ≥ 1). */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(backoffCapMs, backoffBaseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.5 + random()));
}

const pushedForTask = new Set(["reminder", "overdue", "snoozed", "one_off"]);
const unreachablePrefix = "unreachable: ";

/**
 * One dispatcher pass: claims due outbox rows (`FOR UPDATE SKIP LOCKED`) and sends each through the
 * person's platform within its pace. A row is marked sent only after the platform accepted it: a
 * crash in between leaves it claimed, and it is claimed again once stale, so a message may be
 * repeated once but never lost. Failures are retried with back-off and jitter, then go dead.
 */
export async function dispatchReminders(db: Db, options: DispatchOptions): Promise<DispatchReport> {
  const maxAttempts = options.maxAttempts ?? 5;
  const staleAfterMs = options.staleAfterMs ?? 5 * 60_000;
  const maxWaitMs = options.maxWaitMs ?? 2000;
  const pacing = options.pacing ?? platformPacing;
  const random = options.random ?? Math.random;
  const report: DispatchReport = { sent: 0, retried: 0, dead: 0, dropped: 0, deferred: 0, rerouted: 0 };

  async function stillWanted(row: ClaimedRow): Promise<boolean> {
    if (!pushedForTask.has(row.kind) || row.taskId === null) return true;
    if (!(await taskRemindable(db, row.taskId))) return false;
    return row.unitId === null || (await unitOwesTask(db, row.taskId, row.unitId));
  }

  // Another account of the person, on a platform not yet found unreachable for this message.
  async function reroute(row: ClaimedRow, error: string): Promise<void> {
    const tried = new Set(
      (row.lastError?.startsWith(unreachablePrefix) ? row.lastError.slice(unreachablePrefix.length) : "")
        .split(",")
        .filter(Boolean),
    );
    tried.add(row.platform);
    const next =
      row.personId === null
        ? undefined
        : (await otherIdentitiesOf(db, row.personId, row.identityId)).find((i) => !tried.has(i.platform));
    const lastError = `${unreachablePrefix}${[...tried].join(",")}`;
    if (!next) {
      await updateOutboxRow(db, row.id, { state: "dead", lastError: `${lastError} (${error})` });
      report.dead++;
      return;
    }
    await updateOutboxRow(db, row.id, {
      state: "pending",
      identityId: next.id,
      platform: next.platform,
      nextAttemptAt: options.now(),
      lastError,
    });
    report.rerouted++;
  }

  async function failed(row: ClaimedRow, error: string, retryAfterMs?: number): Promise<void> {
    // A 429 is the platform pacing us, not the message failing: it waits its retry-after, uncounted.
    if (retryAfterMs !== undefined) {
      await updateOutboxRow(db, row.id, {
        state: "pending",
        lastError: error,
        nextAttemptAt: new Date(options.now().getTime() + retryAfterMs),
      });
      report.retried++;
      return;
    }
    const attempts = row.attempts + 1;
    if (attempts >= maxAttempts) {
      await updateOutboxRow(db, row.id, { state: "dead", attempts, lastError: error });
      report.dead++;
      return;
    }
    const wait = backoffMs(attempts, random);
    await updateOutboxRow(db, row.id, {
      state: "pending",
      attempts,
      lastError: error,
      nextAttemptAt: new Date(options.now().getTime() + wait),
    });
    report.retried++;
  }

  async function handle(row: ClaimedRow): Promise<void> {
    if (!(await stillWanted(row))) {
      await updateOutboxRow(db, row.id, { state: "skipped", lastError: "no longer owed" });
      report.dropped++;
      return;
    }
    if (row.chatId === null) return reroute(row, "the chat account is gone");
    // Each rule's slot is reserved in the database; the latest of them is when this one may go.
    let slot = options.now();
    for (const rule of pacing(row.platform, row.chatId)) {
      const at = await reservePacingSlot(db, rule.key, options.now(), rule.intervalMs);
      if (at > slot) slot = at;
    }
    const wait = slot.getTime() - options.now().getTime();
    if (wait > maxWaitMs) {
      await updateOutboxRow(db, row.id, { state: "pending", nextAttemptAt: slot });
      report.deferred++;
      return;
    }
    if (wait > 0) await options.sleep(wait);
    let outcome: DeliveryOutcome;
    try {
      outcome = await options.deliver({
        id: row.id,
        platform: row.platform,
        chatId: row.chatId,
        locale: row.locale ?? "vi",
        payload: row.payload as ReminderPayload,
      });
    } catch (error) {
      outcome = { status: "failed", error: error instanceof Error ? error.message : String(error) };
    }
    if (outcome.status === "sent") {
      await updateOutboxRow(db, row.id, { state: "sent", sentAt: options.now(), lastError: null });
      report.sent++;
    } else if (outcome.status === "unreachable") await reroute(row, outcome.error);
    else await failed(row, outcome.error, outcome.retryAfterMs);
  }

  while (!options.signal?.aborted) {
    const now = options.now();
    const rows = await claimOutboxRows(db, now, new Date(now.getTime() - staleAfterMs), batchSize);
    if (!rows.length) break;
    for (const row of rows) {
      if (options.signal?.aborted) {
        // Not started: back to the queue at once rather than after the stale delay.
        await updateOutboxRow(db, row.id, { state: "pending" });
        continue;
      }
      await handle(row);
    }
  }
  return report;
}
