import type { App } from "@slack/bolt";
import { z } from "zod";
import { menuCommands } from "../../bot/index.js";
import { answerOnce, type PlatformAdapterDeps } from "../platform-adapter.js";
import type { Destination, SlackDelivery } from "./deliver-reply.js";
import { choiceActionPrefix } from "./render-reply.js";
import { updateIdOf } from "./slack-request.js";

/** The slash command the app answers in any channel. */
export const slackCommand = "/thidua";

/** Set on a replayed update's context: it was claimed before the restart, answer it without a claim. */
export const replayKey = "thiduaReplay";

// Only what a person typed: no subtype (edits, joins, bot posts, file shares) and no bot author.
const personText = z.looseObject({
  user: z.string().min(1),
  text: z.string(),
  channel: z.string().min(1),
  ts: z.string(),
  thread_ts: z.string().optional(),
  channel_type: z.string().optional(),
  subtype: z.never().optional(),
  bot_id: z.never().optional(),
});

const idsOf = z.looseObject({
  event_id: z.string().optional(),
  trigger_id: z.string().optional(),
  command: z.string().optional(),
});

const pressed = z.looseObject({
  user: z.looseObject({ id: z.string() }),
  channel: z.looseObject({ id: z.string() }).optional(),
  container: z.looseObject({ is_ephemeral: z.boolean().optional(), thread_ts: z.string().optional() }),
  actions: z.array(z.looseObject({ action_id: z.string(), value: z.string() })).min(1),
});

// Slack's composer refuses a message starting with an unknown "/word", so "/thidua han" stands for
// "/han": the commands other platforms register in their menus.
const commandWords = new RegExp(`^(${menuCommands.join("|")})(\\s|$)`, "i");

/** A /thidua command's text as the assistant reads it: "start K7M2-QX9P" is "/start K7M2-QX9P". */
export function commandText(text: string): string {
  const typed = typedText(text, undefined);
  return commandWords.test(typed) ? `/${typed}` : typed;
}

/** Slack sends &, < and > escaped, and mentions as <@U…>: the person's own words, without ours. */
export function typedText(text: string, botUserId: string | undefined): string {
  const withoutBot = botUserId ? text.replace(new RegExp(`<@${botUserId}(\\|[^>]*)?>`, "g"), " ") : text;
  return withoutBot
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

/** Registers what the app listens to: DMs, mentions, /thidua and choice buttons, each answered once. */
export function listenToSlack(app: App, deps: PlatformAdapterDeps, delivery: SlackDelivery): void {
  const { assistant } = deps;

  async function answer(from: { userId: string; chatId: string; text: string }, to: Destination) {
    // Slack does not tell a person's language: the assistant keeps the one they chose (Vietnamese first).
    const reply =
      from.text === ""
        ? assistant.greeting()
        : await assistant.handle({ platform: "slack", ...from, receivedAt: deps.now() });
    await delivery.deliver(to, reply);
  }

  // Every update is claimed before its listeners run; Slack's retries of it end here.
  app.use(async ({ body, context, next }) => {
    const ids = idsOf.safeParse(body);
    const id = ids.success ? updateIdOf(ids.data) : undefined;
    if (!id || context[replayKey] === true) return next();
    const work = answerOnce(deps, { platform: "slack", id, payload: body }, next);
    // Socket Mode has no HTTP request to hang the slow work on: stopping waits for it here.
    deps.track(work);
    await work;
  });

  app.event("message", async ({ event }) => {
    const message = personText.safeParse(event);
    // In channels only mentions are questions (app_mention below); a DM is always one.
    if (!message.success || message.data.channel_type !== "im") return;
    const { user, channel, text } = message.data;
    await answer(
      { userId: user, chatId: channel, text: typedText(text, undefined) },
      { kind: "channel", channel },
    );
  });

  app.event("app_mention", async ({ event, context }) => {
    const mention = personText.safeParse(event);
    if (!mention.success) return;
    const { user, channel, text, ts, thread_ts } = mention.data;
    await answer(
      { userId: user, chatId: channel, text: typedText(text, context.botUserId) },
      { kind: "channel", channel, threadTs: thread_ts ?? ts },
    );
  });

  app.command(slackCommand, async ({ command, ack, respond }) => {
    await ack();
    await answer(
      { userId: command.user_id, chatId: command.channel_id, text: commandText(command.text) },
      { kind: "respond", respond, userId: command.user_id },
    );
  });

  app.action(
    { type: "block_actions", action_id: new RegExp(`^${choiceActionPrefix}\\d+$`) },
    async ({ body, ack, respond }) => {
      await ack();
      const press = pressed.safeParse(body);
      if (!press.success) return;
      const { user, channel, container, actions } = press.data;
      const value = actions[0]?.value ?? "";
      const to: Destination =
        channel && container.is_ephemeral !== true
          ? { kind: "channel", channel: channel.id, threadTs: container.thread_ts }
          : { kind: "respond", respond, userId: user.id };
      const text = await delivery.choiceText(value);
      if (text === undefined) {
        const t = assistant.translate();
        await delivery.deliver(to, {
          locale: "vi",
          blocks: [{ kind: "paragraph", text: t("platforms.moreChoicesKept") }],
        });
        return;
      }
      // The pressed choice is the person's next message, as if typed.
      await answer({ userId: user.id, chatId: channel?.id ?? user.id, text }, to);
    },
  );
}
