import { schedule } from "node-cron";
import { type Deliver, runReminderTick, type TickReport } from "../../core/index.js";
import type { App } from "../build-app.js";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One tick now: a planner pass and a dispatcher pass, as the cron job and `thidua reminders tick` run it. */
export function reminderTick(
  app: Pick<App, "database" | "config" | "clock">,
  deliver: Deliver,
  signal?: AbortSignal,
) {
  return runReminderTick(app.database.db, app.config.reminders.policy, {
    now: () => app.clock.now(),
    sleep,
    deliver,
    ...(signal ? { signal } : {}),
  });
}

export interface ReminderSchedule {
  /** Stops the cron job and waits for a tick in progress (its unsent rows go back to the queue). */
  stop(): Promise<void>;
}

/**
 * Runs reminder ticks on the configured cron schedule (REMINDER_CRON, in the configured time zone),
 * one at a time, and one at start so that what came due while the service was down goes out now.
 */
export function startReminderSchedule(app: App, deliver: Deliver): ReminderSchedule {
  const stopping = new AbortController();
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  const tick = () => {
    if (busy || stopping.signal.aborted) return running;
    busy = true;
    running = reminderTick(app, deliver, stopping.signal)
      .then((report: TickReport) => {
        if (report.planner.planned || report.dispatcher.sent || report.dispatcher.dead)
          app.log.info({ ...report.planner, ...report.dispatcher }, "reminder tick");
      })
      .catch((error: unknown) => app.log.error({ err: error }, "reminder tick failed"))
      .finally(() => {
        busy = false;
      });
    return running;
  };
  const task = schedule(app.config.reminders.cron, () => tick(), {
    timezone: app.config.timeZone,
    name: "reminders",
    noOverlap: true,
  });
  void tick();
  return {
    async stop() {
      stopping.abort();
      await task.stop();
      await running;
    },
  };
}
