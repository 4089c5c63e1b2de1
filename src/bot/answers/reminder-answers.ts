import {
  chooseReminderPlatform,
  deadReminders,
  formatDay,
  formatTimeOfDay,
  isoDayIn,
  muteDigest,
  pausePlanReminders,
  previewReminders,
  type ReminderPayload,
  type ReminderPolicy,
  remindNow,
  retryDeadReminders,
  snoozeReminder,
  unitsActorMay,
} from "../../core/index.js";
import { foldText } from "../normalize.js";
import { type AnswerContext, type AnswerResult, list, paragraph } from "./answer-context.js";
import { isOfficer } from "./submission-tasks.js";

// A preview lists this many messages, then counts the rest.
const previewLines = 30;

const said = (ctx: AnswerContext) => foldText(ctx.said.trim());

/** What a pushed message is about, in one line: its task, or its kind. */
function aboutOf(ctx: AnswerContext, payload: ReminderPayload): string {
  return "task" in payload ? payload.task.text : ctx.t(`reminders.kinds.${payload.kind}`);
}

/** "Nhắc lại sau" pressed under a reminder: the same reminder a day later. */
export async function answerSnooze(ctx: AnswerContext, policy: ReminderPolicy): Promise<AnswerResult> {
  const id = Number(/(\d+)/.exec(ctx.said)?.[1]);
  if (ctx.actor.personId === null) return { blocks: [paragraph(ctx.t("reminders.notLinked"))] };
  const at = await snoozeReminder(ctx.db, id, ctx.actor.personId, policy, ctx.now);
  return {
    blocks: [
      paragraph(
        ctx.t("reminders.snoozedUntil", {
          time: formatTimeOfDay(at, ctx.timeZone),
          day: formatDay(isoDayIn(at, ctx.timeZone)),
        }),
      ),
    ],
  };
}

/** "/nhacday": reminders come here; "/bantin tat|bat": the weekly digest off or on. */
export async function answerReminderSettings(ctx: AnswerContext): Promise<AnswerResult> {
  if (ctx.actor.personId === null) return { blocks: [paragraph(ctx.t("reminders.notLinked"))] };
  const text = said(ctx);
  const digest = /^\/bantin (\S+)$/.exec(text)?.[1];
  if (digest) {
    const muted = digest === "tat" || digest === "off";
    await muteDigest(ctx.db, ctx.actor.personId, muted);
    return { blocks: [paragraph(ctx.t(muted ? "reminders.digestMuted" : "reminders.digestOn"))] };
  }
  await chooseReminderPlatform(ctx.db, ctx.actor.personId, ctx.actor.platform);
  return { blocks: [paragraph(ctx.t("reminders.platformChosen", { platform: ctx.actor.platform }))] };
}

/**
 * An officer's reminder commands: `/nhac xem 7` previews the coming days, `/nhac gui 12` reminds
 * every unit still owing task 12 now, `/nhac loi` lists what could not be sent and `/nhac guilai [id]`
 * sends it again, `/nhac dung 3` / `/nhac tiep 3` pause and resume a plan's reminders.
 */
export async function answerReminderCommand(
  ctx: AnswerContext,
  policy: ReminderPolicy,
): Promise<AnswerResult> {
  const { t } = ctx;
  if (!isOfficer(ctx)) return { blocks: [paragraph(t("reminders.officerOnly"))] };
  const [, verb = "", arg] = /^\/nhac(?:\s+(\S+))?(?:\s+(\d+))?\s*$/.exec(said(ctx)) ?? [];
  const n = arg === undefined ? undefined : Number(arg);
  const planName = (id: number) => ctx.knowledge.plans.find((p) => p.id === id)?.number ?? String(id);
  switch (verb) {
    case "xem":
    case "preview": {
      const days = Math.min(60, n ?? 7);
      const tree = await ctx.unitTree();
      const scope = unitsActorMay(ctx.actor, tree, "review");
      const messages = (await previewReminders(ctx.db, policy, ctx.now, days)).filter(
        (m) => m.unitId === null || scope.has(m.unitId),
      );
      if (!messages.length) return { blocks: [paragraph(t("reminders.previewNone", { days }))] };
      const lines = messages.slice(0, previewLines).map((m) =>
        t("reminders.previewLine", {
          when: `${formatDay(isoDayIn(m.moment, ctx.timeZone))} ${formatTimeOfDay(m.moment, ctx.timeZone)}`,
          kind: t(`reminders.kinds.${m.kind}`),
          to: m.to.name,
          platform: m.to.platform,
          about: aboutOf(ctx, m.payload),
        }),
      );
      const blocks = [paragraph(t("reminders.previewTitle", { days, count: messages.length })), list(lines)];
      if (messages.length > previewLines)
        blocks.push(paragraph(t("reminders.previewMore", { count: messages.length - previewLines })));
      return { blocks };
    }
    case "gui":
    case "send": {
      if (n === undefined) break;
      const count = await remindNow(ctx.db, n, ctx.actor, ctx.now);
      const task = ctx.knowledge.tasks.find((x) => x.id === n)?.text ?? String(n);
      return { blocks: [paragraph(t("reminders.sentNow", { count, task }))] };
    }
    case "loi":
    case "failed": {
      const tree = await ctx.unitTree();
      const scope = unitsActorMay(ctx.actor, tree, "review");
      const dead = (await deadReminders(ctx.db)).filter(
        (r) => (r.unitId !== null && scope.has(r.unitId)) || r.personId === ctx.actor.personId,
      );
      if (!dead.length) return { blocks: [paragraph(t("reminders.deadNone"))] };
      return {
        blocks: [
          paragraph(t("reminders.deadTitle", { count: dead.length })),
          list(
            dead.map((r) =>
              t("reminders.deadLine", {
                id: r.id,
                platform: r.platform,
                about: aboutOf(ctx, r.payload as ReminderPayload),
                error: r.lastError ?? "",
              }),
            ),
          ),
        ],
      };
    }
    case "guilai":
    case "retry": {
      const count = await retryDeadReminders(ctx.db, ctx.now, n === undefined ? undefined : [n]);
      return { blocks: [paragraph(t("reminders.retried", { count }))] };
    }
    case "dung":
    case "pause":
    case "tiep":
    case "resume": {
      if (n === undefined) break;
      const pause = verb === "dung" || verb === "pause";
      await pausePlanReminders(ctx.db, n, pause ? ctx.now : null);
      return {
        blocks: [paragraph(t(pause ? "reminders.paused" : "reminders.resumed", { plan: planName(n) }))],
      };
    }
  }
  return { blocks: [paragraph(t("reminders.usage"))] };
}
