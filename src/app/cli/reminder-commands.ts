import { parseArgs } from "node:util";
import type { ChatAdapter } from "../../adapters/chat-adapter.js";
import {
  type Clock,
  createSecretBox,
  databasePlatformState,
  deadReminders,
  dispatchReminders,
  ErrorCode,
  findPlan,
  formatDay,
  formatTimeOfDay,
  isoDayIn,
  outboxCounts,
  overrideReminderPolicy,
  pausePlanReminders,
  previewReminders,
  type ReminderPayload,
  remindNow,
  retryDeadReminders,
  ThiduaError,
  terminalAdministrator,
} from "../../core/index.js";
import { type App, withApp } from "../build-app.js";
import { deliverThrough } from "../reminders/deliver-reminders.js";
import { reminderTick } from "../reminders/reminder-schedule.js";
import { createAdapters } from "../serve/create-adapters.js";
import { cliText } from "./cli-text.js";
import { type CliIo, line } from "./io.js";

const usage =
  "thidua reminders tick [--now ISO] | preview [--days N] [--now ISO] | send --task ID | dead | retry [ID …] | pause|resume --plan PLAN | policy --plan PLAN|--task ID [--days 7,3,1,0] [--at 08:00] [--overdue 1] | status";

function usageError(): ThiduaError {
  return new ThiduaError(ErrorCode.InputInvalid, "usage", { messageKey: "cli.usageOf", params: { usage } });
}

// `--now` sets the moment the pass runs at; the clock then moves on with real time, so pacing waits work.
function clockFrom(now: string | undefined): Clock | undefined {
  if (now === undefined) return undefined;
  const start = new Date(now);
  if (Number.isNaN(start.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(now))
    throw new ThiduaError(ErrorCode.InputInvalid, `--now ${now}`, {
      messageKey: "errors.bad_now",
      params: { value: now },
    });
  const began = Date.now();
  return { now: () => new Date(start.getTime() + (Date.now() - began)) };
}

/**
 * The configured platforms' adapters, built to send (not started: this process receives nothing).
 * With none configured nothing could be sent, and every reminder would end in the dead letters.
 */
async function sendingAdapters(app: App): Promise<Map<string, ChatAdapter>> {
  if (Object.keys(app.config.platforms).length === 0)
    throw new ThiduaError(ErrorCode.ConfigInvalid, "no platform is configured", {
      messageKey: "errors.no_platform",
    });
  const state = databasePlatformState(app.database.db, {
    now: () => app.clock.now(),
    ...(app.config.secretKey ? { box: createSecretBox(app.config.secretKey) } : {}),
  });
  const adapters = await createAdapters(app.config.platforms, {
    assistant: app.assistant,
    state,
    now: () => app.clock.now(),
    log: app.log,
    track: () => {},
    publicUrl: app.config.server.publicUrl,
  });
  return new Map(adapters.map((a) => [a.platform, a]));
}

const payloadAbout = (t: ReturnType<typeof cliText>, payload: ReminderPayload) =>
  "task" in payload ? payload.task.text : t(`reminders.kinds.${payload.kind}`);

/** `thidua reminders …`: one tick by hand, a preview, one-off reminders, dead letters, pauses, policies. */
export async function remindersCommand(args: string[], io: CliIo): Promise<number> {
  const t = cliText();
  const [verb, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      now: { type: "string" },
      days: { type: "string" },
      task: { type: "string" },
      plan: { type: "string" },
      at: { type: "string" },
      overdue: { type: "string" },
      json: { type: "boolean", default: false },
    },
    allowPositionals: true,
  });
  const clock = clockFrom(values.now);
  const out = (text: string) => line(io.stdout, text);
  return withApp({ env: io.env }, async (base) => {
    const app: App = clock ? { ...base, clock } : base;
    const db = app.database.db;
    const now = app.clock.now();
    const tz = app.config.timeZone;
    const when = (at: Date) => `${formatDay(isoDayIn(at, tz))} ${formatTimeOfDay(at, tz)}`;
    switch (verb) {
      case "tick": {
        const deliver = deliverThrough(await sendingAdapters(app), app.assistant);
        const report = await reminderTick(app, deliver, io.signal);
        out(
          values.json
            ? JSON.stringify(report)
            : t("reminders.tick", { ...report.planner, ...report.dispatcher }),
        );
        return 0;
      }
      case "preview": {
        const days = Number(values.days ?? 7);
        if (!Number.isInteger(days) || days < 1 || days > 366) throw usageError();
        const messages = await previewReminders(db, app.config.reminders.policy, now, days);
        if (values.json) {
          out(
            JSON.stringify(
              messages.map((m) => ({
                at: m.moment.toISOString(),
                kind: m.kind,
                to: m.to.name,
                platform: m.to.platform,
                taskId: m.taskId,
                unitId: m.unitId,
              })),
            ),
          );
          return 0;
        }
        out(
          messages.length
            ? t("reminders.previewTitle", { days, count: messages.length })
            : t("reminders.previewNone", { days }),
        );
        for (const m of messages)
          out(
            `  ${t("reminders.previewLine", {
              when: when(m.moment),
              kind: t(`reminders.kinds.${m.kind}`),
              to: m.to.name,
              platform: m.to.platform,
              about: payloadAbout(t, m.payload),
            })}`,
          );
        return 0;
      }
      case "send": {
        const taskId = Number(values.task);
        if (!Number.isInteger(taskId)) throw usageError();
        const deliver = deliverThrough(await sendingAdapters(app), app.assistant);
        const count = await remindNow(db, taskId, terminalAdministrator(), now);
        out(t("reminders.sentNow", { count, task: taskId }));
        const report = await dispatchReminders(db, {
          now: () => app.clock.now(),
          sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
          deliver,
          ...(io.signal ? { signal: io.signal } : {}),
        });
        out(t("reminders.tick", { planned: count, skipped: 0, ...report }));
        return 0;
      }
      case "dead": {
        const dead = await deadReminders(db);
        if (values.json) {
          out(
            JSON.stringify(
              dead.map((r) => ({ id: r.id, platform: r.platform, kind: r.kind, error: r.lastError })),
            ),
          );
          return 0;
        }
        out(dead.length ? t("reminders.deadTitle", { count: dead.length }) : t("reminders.deadNone"));
        for (const r of dead)
          out(
            `  ${t("reminders.deadLine", {
              id: r.id,
              platform: r.platform,
              about: payloadAbout(t, r.payload as ReminderPayload),
              error: r.lastError ?? "",
            })}`,
          );
        return 0;
      }
      case "retry": {
        const ids = positionals.map(Number);
        if (ids.some((id) => !Number.isInteger(id))) throw usageError();
        out(
          t("reminders.retried", { count: await retryDeadReminders(db, now, ids.length ? ids : undefined) }),
        );
        return 0;
      }
      case "pause":
      case "resume": {
        if (!values.plan) throw usageError();
        const plan = await findPlan(db, values.plan);
        await pausePlanReminders(db, plan.id, verb === "pause" ? now : null);
        out(t(verb === "pause" ? "reminders.paused" : "reminders.resumed", { plan: plan.number ?? plan.id }));
        return 0;
      }
      case "policy": {
        const override = {
          ...(values.days !== undefined ? { daysBefore: values.days.split(",").map(Number) } : {}),
          ...(values.at !== undefined ? { at: values.at } : {}),
          ...(values.overdue !== undefined
            ? { overdueDaysAfter: values.overdue.split(",").map(Number) }
            : {}),
        };
        if (values.task !== undefined) {
          await overrideReminderPolicy(db, { taskId: Number(values.task) }, override);
        } else if (values.plan !== undefined) {
          const plan = await findPlan(db, values.plan);
          await overrideReminderPolicy(db, { planId: plan.id }, override);
        } else throw usageError();
        out(JSON.stringify(override));
        return 0;
      }
      case "status": {
        out(JSON.stringify(await outboxCounts(db)));
        return 0;
      }
      default:
        throw usageError();
    }
  });
}
