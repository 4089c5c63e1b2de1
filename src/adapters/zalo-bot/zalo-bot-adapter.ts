import type { PlatformsConfig } from "../../bot/index.js";
import type { Route } from "../http/http-server.js";
import {
  answerOnce,
  answerUnfinished,
  type PlatformAdapter,
  type PlatformAdapterDeps,
} from "../platform-adapter.js";
import { createResponder } from "./answer-update.js";
import { type Polling, startPolling } from "./polling.js";
import { zaloBotWebhookPath, zaloBotWebhookRoute } from "./webhook-route.js";
import { createZaloBotApi } from "./zalo-bot-api.js";
import { zaloBotUpdateSchema } from "./zalo-bot-update.js";

/** config.platforms.zaloBot: validated by core's configuration. */
export type ZaloBotSettings = NonNullable<PlatformsConfig["zaloBot"]>;

/**
 * The Zalo Bot Platform (a bot made in the Zalo app with Zalo Bot Creator): events through a webhook
 * checked by its secret token, or through getUpdates long polling when there is no public address.
 */
export function createZaloBotAdapter(deps: PlatformAdapterDeps, settings: ZaloBotSettings): PlatformAdapter {
  const api = createZaloBotApi({ token: settings.token, apiRoot: settings.apiRoot, log: deps.log });
  const responder = createResponder(deps, api);
  let polling: Polling | undefined;

  const routes: Route[] = [];
  if (settings.mode === "webhook") {
    // The configuration refuses webhook mode without a secret; this keeps the route from ever being open.
    if (!settings.webhookSecret)
      throw new Error("ZALO_BOT_WEBHOOK_SECRET must be set when ZALO_BOT_MODE=webhook (8 to 256 characters)");
    routes.push(zaloBotWebhookRoute(deps, settings.webhookSecret, responder));
  }

  const answerLogged = (id: string, work: Promise<unknown>) =>
    work.catch((error: unknown) => {
      deps.log.error({ err: error, updateId: id }, "Zalo Bot update could not be answered");
    });

  return {
    platform: "zalo-bot",
    routes,
    async start() {
      // Fails early, with the variable to fix, rather than on the first message.
      try {
        await api.getMe();
      } catch (error) {
        throw new Error(
          `Zalo Bot refused ZALO_BOT_TOKEN (getMe: ${error instanceof Error ? error.message : String(error)}): ` +
            "copy the token again from the message Zalo Bot Creator sent when the bot was made",
        );
      }
      const unfinished = await answerUnfinished(deps, "zalo-bot", async (payload) => {
        const update = zaloBotUpdateSchema.safeParse(payload);
        if (update.success) await responder.answer(update.data);
      });
      if (unfinished) deps.log.info({ count: unfinished }, "Zalo Bot updates left unanswered were answered");
      if (settings.mode === "webhook") {
        if (deps.publicUrl && settings.webhookSecret) {
          const url = `${deps.publicUrl.replace(/\/+$/, "")}${zaloBotWebhookPath}`;
          await api.setWebhook(url, settings.webhookSecret);
          deps.log.info({ url }, "Zalo Bot webhook registered");
        }
        return;
      }
      // getUpdates answers nothing while a webhook is set.
      await api.deleteWebhook();
      polling = startPolling({
        api,
        log: deps.log,
        onUpdate: async (update) => {
          const id = update.message?.message_id;
          if (id === undefined) return responder.answer(update);
          await answerLogged(
            id,
            answerOnce(deps, { platform: "zalo-bot", id, payload: update }, () => responder.answer(update)),
          );
        },
      });
    },
    async stop() {
      await polling?.stop();
      polling = undefined;
    },
    send: (to, reply) => responder.send(to.chatId, reply),
  };
}
