import { autoRetry } from "@grammyjs/auto-retry";
import { type RunnerHandle, run, sequentialize } from "@grammyjs/runner";
import { Bot, GrammyError } from "grammy";
import type { Update, User } from "grammy/types";
import pLimit from "p-limit";
import {
  defaultLocale,
  type IncomingMessage,
  locales,
  menuCommands,
  type PlatformsConfig,
  pickLocale,
} from "../../bot/index.js";
import type { Recipient, SendResult } from "../chat-adapter.js";
import {
  answerOnce,
  answerUnfinished,
  type PlatformAdapter,
  type PlatformAdapterDeps,
} from "../platform-adapter.js";
import { withTyping } from "../typing.js";
import { choiceIdOf } from "./choice-data.js";
import { sendTelegramReply } from "./send-reply.js";
import { telegramUpdate } from "./telegram-update.js";
import { telegramWebhookPath, telegramWebhookRoute } from "./webhook-route.js";

/** config.platforms.telegram: validated by core's configuration. */
export type TelegramSettings = NonNullable<PlatformsConfig["telegram"]>;

const platform = "telegram";
// Only what the adapter answers; Telegram then does not send (or bill us for) the rest.
const allowedUpdates = ["message", "callback_query"] as const;
const answersAtOnce = 8;
const sendsAtOnce = 32;

/** The Telegram bot (grammY): webhook or long polling, commands, inline keyboards, documents. */
export function createTelegramAdapter(
  deps: PlatformAdapterDeps,
  settings: TelegramSettings,
): PlatformAdapter {
  const { log } = deps;
  const bot = new Bot(settings.token, settings.apiRoot ? { client: { apiRoot: settings.apiRoot } } : {});
  // Waits out 429s (retry_after) and brief network failures instead of dropping the reply.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60 }));
  // One chat's messages are answered in order; different chats run side by side.
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString()));

  const inFlight = new Set<Promise<unknown>>();
  const keep = (work: Promise<unknown>) => {
    const settled = work.finally(() => inFlight.delete(settled));
    inFlight.add(settled);
    deps.track(settled);
  };
  let runner: RunnerHandle | undefined;

  // "/han@ThiduaBot" in a group is "/han"; a command for another bot is not ours to answer.
  const ownCommand = (text: string): string | null => {
    const addressed = /^(\/\w+)@(\w+)/.exec(text);
    if (!addressed?.[1]) return text;
    if (addressed[2]?.toLowerCase() !== bot.botInfo.username.toLowerCase()) return null;
    return addressed[1] + text.slice(addressed[0].length);
  };

  // Answers prepared at once: enough to keep the database busy, few enough that a burst of updates
  // queues here instead of in the database's queue, where it would hold up the claims of newer updates
  // and so their 200s. Sending has slots of its own: a slow Bot API must not hold up the preparing, and
  // a burst must not open a connection per answer.
  const answerSlots = pLimit(answersAtOnce);
  const sendSlots = pLimit(sendsAtOnce);

  async function answer(chatId: number, from: User, text: string): Promise<void> {
    const message: IncomingMessage = {
      platform,
      userId: String(from.id),
      chatId: String(chatId),
      text,
      locale: pickLocale(from.language_code),
      receivedAt: deps.now(),
    };
    // Typing is shown while the answer is prepared, not while it waits for a slot.
    const reply = await answerSlots(() =>
      withTyping(deps.assistant.handle(message), () => bot.api.sendChatAction(chatId, "typing"), {
        after: 1_000,
        every: 4_500,
        onError: (err) => log.warn({ err, platform }, "typing action failed"),
      }),
    );
    await sendSlots(() => sendTelegramReply(bot.api, deps.state, chatId, reply));
  }

  bot.on("message:text", async (ctx) => {
    const text = ownCommand(ctx.message.text);
    if (text !== null && ctx.from) await answer(ctx.chat.id, ctx.from, text);
  });
  bot.on("callback_query:data", async (ctx) => {
    // Answered first, so that the button stops spinning whatever the answer takes.
    await ctx.answerCallbackQuery();
    const chatId = ctx.chat?.id ?? ctx.from.id;
    const choiceId = await choiceIdOf(deps.state, ctx.callbackQuery.data);
    if (choiceId !== undefined) return answer(chatId, ctx.from, choiceId);
    const t = deps.assistant.translate(pickLocale(ctx.from.language_code));
    await bot.api.sendMessage(chatId, t("platforms.moreChoicesKept"));
  });

  const claim = (update: Update, answering: () => Promise<void>) =>
    answerOnce(deps, { platform, id: String(update.update_id), payload: update }, answering);

  // Webhook: resolves once the update is claimed (or found a duplicate), so that the 200 goes out
  // before the answer is prepared; a failed claim rejects, the route answers 500, Telegram retries.
  const acceptWebhookUpdate = (update: Update) =>
    new Promise<void>((resolve, reject) => {
      const work = claim(update, async () => {
        resolve();
        await bot.handleUpdate(update);
      }).then(
        () => resolve(),
        (err: unknown) => {
          reject(err);
          log.error({ err, platform, updateId: update.update_id }, "telegram update failed");
        },
      );
      keep(work);
    });

  async function registerCommands(): Promise<void> {
    for (const locale of locales) {
      const t = deps.assistant.translate(locale);
      const commands = menuCommands.map((command) => ({
        command,
        description: t(`platforms.commands.${command}`),
      }));
      // The default list (no language code) is Vietnamese; English speakers get theirs.
      await bot.api.setMyCommands(commands, locale === defaultLocale ? {} : { language_code: locale });
    }
  }

  function startPolling(): void {
    runner = run(
      {
        handleUpdate: (update: Update) => {
          const work = claim(update, () => bot.handleUpdate(update));
          keep(work);
          return work.then(() => undefined);
        },
        errorHandler: (err: unknown) => log.error({ err, platform }, "telegram update failed"),
        api: {
          getUpdates: (args, signal) =>
            bot.api.getUpdates({ ...args, allowed_updates: [...allowedUpdates] }, signal),
        },
      },
      { runner: { silent: true, maxRetryTime: Number.POSITIVE_INFINITY } },
    );
    runner.task()?.catch((err: unknown) => log.error({ err, platform }, "telegram polling stopped"));
  }

  return {
    platform,
    routes:
      settings.mode === "webhook" && settings.webhookSecret
        ? [telegramWebhookRoute({ secret: settings.webhookSecret, accept: acceptWebhookUpdate })]
        : [],

    async start() {
      await bot.init();
      await registerCommands();
      await answerUnfinished(deps, platform, async (payload) => {
        const update = telegramUpdate.safeParse(payload);
        if (update.success) await bot.handleUpdate(update.data);
      });
      if (settings.mode === "polling") {
        // Telegram refuses getUpdates while a webhook is set.
        await bot.api.deleteWebhook();
        startPolling();
      } else if (deps.publicUrl && settings.webhookSecret) {
        await bot.api.setWebhook(`${deps.publicUrl.replace(/\/+$/, "")}${telegramWebhookPath}`, {
          secret_token: settings.webhookSecret,
          allowed_updates: [...allowedUpdates],
        });
      } else {
        log.info({ platform }, "PUBLIC_URL is not set: serving /telegram/webhook without registering it");
      }
      log.info({ platform, mode: settings.mode, bot: bot.botInfo.username }, "telegram started");
    },

    async stop() {
      await runner?.stop();
      runner = undefined;
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },

    async send(to: Recipient, reply): Promise<SendResult> {
      try {
        const sent = await sendTelegramReply(bot.api, deps.state, to.chatId, reply);
        return { ok: true, ...(sent ? { messageId: String(sent.message_id) } : {}) };
      } catch (err) {
        const failure = sendFailure(err);
        // A person who blocked the bot is a state of their account, not a fault of ours.
        if (!failure.ok && failure.reason === "unreachable")
          log.warn({ platform, chatId: to.chatId, error: failure.error }, "telegram chat unreachable");
        else log.error({ err, platform, chatId: to.chatId }, "telegram send failed");
        return failure;
      }
    },
  };
}

// 403: the person blocked the bot or never pressed Start; 400 "chat not found": no such chat. Neither
// gets better by waiting; a 429 left after auto-retry's attempts carries its own wait.
function sendFailure(err: unknown): SendResult {
  if (err instanceof GrammyError) {
    if (
      err.error_code === 403 ||
      (err.error_code === 400 && /chat not found|user not found/i.test(err.description))
    )
      return { ok: false, reason: "unreachable", error: err.description };
    const retryAfter = err.parameters.retry_after;
    return {
      ok: false,
      reason: "failed",
      error: err.description,
      ...(retryAfter ? { retryAfterMs: retryAfter * 1000 } : {}),
    };
  }
  return { ok: false, reason: "failed", error: err instanceof Error ? err.message : String(err) };
}
