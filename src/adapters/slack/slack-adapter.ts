import { App, type Receiver, SocketModeReceiver, webApi } from "@slack/bolt";
import { z } from "zod";
import type { PlatformsConfig } from "../../bot/index.js";
import type { SendResult } from "../chat-adapter.js";
import { answerUnfinished, type PlatformAdapter, type PlatformAdapterDeps } from "../platform-adapter.js";
import { boltLogger } from "./bolt-logger.js";
import { createSlackDelivery } from "./deliver-reply.js";
import { RouteReceiver } from "./route-receiver.js";
import { listenToSlack, replayKey } from "./slack-listeners.js";

/** config.platforms.slack: validated by core's configuration. */
export type SlackSettings = NonNullable<PlatformsConfig["slack"]>;

// The client waits out a 429's Retry-After itself and then retries; these are the pauses between
// other failed attempts (network errors, 5xx): an answer half an hour late, as the default allows, helps no one.
const retryConfig = { retries: 5, factor: 2, minTimeout: 200, maxTimeout: 5_000, randomize: true };

// What answerUnfinished hands back: the body claimed before a restart.
const storedBody = z.looseObject({});

/**
 * Slack through Bolt: Events API, /thidua and buttons on POST /slack/events (signature verified),
 * or Socket Mode when an app token is given. Replies are Block Kit messages; files go up with uploadV2.
 */
export function createSlackAdapter(deps: PlatformAdapterDeps, settings: SlackSettings): PlatformAdapter {
  const logger = boltLogger(deps.log);
  const apiUrl = settings.apiUrl ?? "https://slack.com/api/";
  // The Web API client joins method names onto it.
  const clientOptions = {
    slackApiUrl: apiUrl.endsWith("/") ? apiUrl : `${apiUrl}/`,
    retryConfig,
    timeout: 15_000,
    logger,
  };
  let routeReceiver: RouteReceiver | undefined;
  let receiver: Receiver;
  if (settings.appToken) {
    receiver = new SocketModeReceiver({
      appToken: settings.appToken,
      logger,
      installerOptions: { clientOptions },
    });
  } else if (settings.signingSecret) {
    routeReceiver = new RouteReceiver(deps, settings.signingSecret);
    receiver = routeReceiver;
  } else {
    throw new Error(
      "Slack needs SLACK_SIGNING_SECRET (requests to POST /slack/events) or SLACK_APP_TOKEN (Socket Mode)",
    );
  }

  const app = new App({
    token: settings.botToken,
    receiver,
    logger,
    clientOptions,
    // auth.test (the bot's own ids, for ignoring its own messages) runs in start(), not while building.
    deferInitialization: true,
    convoStore: false,
  });
  app.error(async (error) => {
    deps.log.error({ err: error, platform: "slack" }, "slack listener failed");
  });
  const client = new webApi.WebClient(settings.botToken, clientOptions);
  const delivery = createSlackDelivery(client, deps);
  listenToSlack(app, deps, delivery);

  return {
    platform: "slack",
    routes: routeReceiver ? [routeReceiver.route] : [],
    async start() {
      await app.init();
      await app.start();
      await answerUnfinished(deps, "slack", async (payload) => {
        const body = storedBody.parse(payload);
        await app.processEvent({ body, ack: async () => {}, customProperties: { [replayKey]: true } });
      });
    },
    async stop() {
      await app.stop();
    },
    async send(to, reply) {
      try {
        const ts = await delivery.deliver({ kind: "channel", channel: to.chatId }, reply);
        return ts ? { ok: true, messageId: ts } : { ok: true };
      } catch (error) {
        deps.log.warn({ err: error, platform: "slack", chatId: to.chatId }, "slack message not sent");
        return slackFailure(error);
      }
    },
  };
}

// Slack's Web API errors that mean this person or channel cannot get the message from us.
const unreachableErrors = new Set([
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "user_not_found",
  "user_disabled",
  "account_inactive",
  "cannot_dm_bot",
  "messages_tab_disabled",
]);

function slackFailure(error: unknown): SendResult {
  const data = (error as { data?: { error?: unknown } }).data;
  const code =
    typeof data?.error === "string" ? data.error : error instanceof Error ? error.message : String(error);
  if (unreachableErrors.has(code)) return { ok: false, reason: "unreachable", error: code };
  const retryAfter = (error as { retryAfter?: unknown }).retryAfter;
  return {
    ok: false,
    reason: "failed",
    error: code,
    ...(typeof retryAfter === "number" ? { retryAfterMs: retryAfter * 1000 } : {}),
  };
}
