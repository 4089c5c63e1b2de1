import type { IncomingMessage as HttpRequest, ServerResponse } from "node:http";
import { z } from "zod";
import type { PlatformsConfig, Reply, ReplyChoice } from "../../bot/index.js";
import type { SendResult } from "../chat-adapter.js";
import { chatChoices, resolveChoice } from "../chat-choices.js";
import { readBody, respond } from "../http/http-server.js";
import { parseJson } from "../parse-json.js";
import {
  answerOnce,
  answerUnfinished,
  type PlatformAdapter,
  type PlatformAdapterDeps,
} from "../platform-adapter.js";
import { createOaClient, maxUploadBytes, type OaMessage, uploadableTypes } from "./oa-client.js";
import { renderZaloOaReply, type ZaloOaOutgoing } from "./render-reply.js";
import { createTokenKeeper } from "./token-keeper.js";
import {
  signatureHeader,
  userSendTextSchema,
  verifyZaloOaSignature,
  zaloOaEventSchema,
} from "./webhook-event.js";
import { ZaloOaError } from "./zalo-oa-error.js";

/** config.platforms.zaloOa: validated by core's configuration. */
export type ZaloOaSettings = NonNullable<PlatformsConfig["zaloOa"]>;

export const zaloOaWebhookPath = "/zalo/oa/webhook";

// An event older than this is refused. Zalo redelivers an unanswered event after 30 s and 5 min
// with its first timestamp, so the window leaves room for those; the msg_id claim stops replays inside it.
const maxEventAge = 10 * 60 * 1000;
const maxEventLead = 60 * 1000;

const pendingSchema = z.object({ userId: z.string(), text: z.string() });

/** A Zalo Official Account: signed webhook events in, consultation messages out. */
export function createZaloOaAdapter(deps: PlatformAdapterDeps, settings: ZaloOaSettings): PlatformAdapter {
  const { assistant, state, log, now } = deps;
  const choices = chatChoices(state, "zalo-oa");
  const tokens = createTokenKeeper({
    appId: settings.appId,
    secretKey: settings.secretKey,
    firstRefreshToken: settings.refreshToken,
    oauthRoot: trimSlash(settings.oauthRoot ?? "https://oauth.zaloapp.com"),
    state,
    now,
    log,
  });
  const client = createOaClient({
    apiRoot: trimSlash(settings.apiRoot ?? "https://openapi.zalo.me"),
    tokens,
    log,
  });

  async function handle(request: HttpRequest, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    if (body === null) return respond(response, 413, { error: "body too large" });
    const rawBody = body.toString("utf8");
    const header = request.headers[signatureHeader];
    const signed = verifyZaloOaSignature({
      appId: settings.appId,
      secretKey: settings.webhookSecret,
      rawBody,
      header: typeof header === "string" ? header : undefined,
    });
    if (!signed) {
      log.warn({ platform: "zalo-oa" }, "OA webhook refused: missing or wrong X-ZEvent-Signature");
      return respond(response, 401, { error: "bad signature" });
    }
    const parsed = parseJson(rawBody);
    const event = zaloOaEventSchema.safeParse(parsed);
    if (!event.success) return respond(response, 400, { error: "not an OA event" });
    const age = now().getTime() - event.data.timestamp;
    if (event.data.app_id !== settings.appId || age > maxEventAge || age < -maxEventLead) {
      log.warn({ platform: "zalo-oa", ageMs: age }, "OA webhook refused: stale or for another app");
      return respond(response, 401, { error: "stale event" });
    }
    // Follows, stickers, images and the like are acknowledged and left alone.
    if (event.data.event_name !== "user_send_text") return respond(response, 200, { ok: true });
    const text = userSendTextSchema.safeParse(parsed);
    if (!text.success) return respond(response, 400, { error: "not a user_send_text event" });

    const pending = { userId: text.data.sender.id, text: text.data.message.text };
    // The 200 goes out once the msg_id is claimed; the answer follows in tracked work.
    await new Promise<void>((acknowledged, failed) => {
      const work = answerOnce(
        deps,
        { platform: "zalo-oa", id: text.data.message.msg_id, payload: pending },
        () => {
          acknowledged();
          return answer(pending);
        },
      );
      deps.track(
        work.then(
          () => acknowledged(),
          (error: unknown) => {
            failed(error);
            log.error({ err: error, platform: "zalo-oa", ...stateOf(error) }, "OA event not answered");
          },
        ),
      );
    });
    respond(response, 200, { ok: true });
  }

  async function answer(pending: z.infer<typeof pendingSchema>): Promise<void> {
    const reply = await assistant.handle({
      platform: "zalo-oa",
      userId: pending.userId,
      chatId: pending.userId,
      text: await pickedChoice(pending.userId, pending.text),
      receivedAt: now(),
    });
    const result = await send({ chatId: pending.userId }, reply);
    if (!result.ok) log.warn({ platform: "zalo-oa", userId: pending.userId }, "OA reply not delivered");
  }

  // A bare number answers the numbered list last sent instead of buttons.
  async function pickedChoice(userId: string, text: string): Promise<string> {
    return resolveChoice(text, await choices.read(userId));
  }

  async function send(to: { chatId: string }, reply: Reply): Promise<SendResult> {
    const rendered = renderZaloOaReply(reply, assistant.translate(reply.locale));
    await keepChoices(to.chatId, reply.locale, rendered.numbered);
    let messageId: string | undefined;
    try {
      for (const outgoing of rendered.messages) {
        messageId = await client.sendMessage(to.chatId, await toOaMessage(outgoing, reply));
      }
    } catch (error) {
      // Outside the reply window and the like: a caller can try another way (ZNS, another platform).
      if (error instanceof ZaloOaError && error.undeliverable) {
        log.warn({ platform: "zalo-oa", userId: to.chatId, ...stateOf(error) }, "OA message not delivered");
        return { ok: false, reason: "unreachable", error: error.message };
      }
      throw error;
    }
    return messageId === undefined ? { ok: true } : { ok: true, messageId };
  }

  async function keepChoices(userId: string, locale: Reply["locale"], numbered: ReplyChoice[] | null) {
    await choices.keep(userId, { locale, choices: numbered ?? [] }, await choices.read(userId));
  }

  async function toOaMessage(outgoing: ZaloOaOutgoing, reply: Reply): Promise<OaMessage> {
    if (outgoing.kind === "text") {
      if (!outgoing.buttons?.length) return { text: outgoing.text };
      const buttons = outgoing.buttons.map((b) => ({ ...b, type: "oa.query.hide" as const }));
      return { text: outgoing.text, attachment: { type: "template", payload: { buttons } } };
    }
    const { file } = outgoing;
    const t = assistant.translate(reply.locale);
    if (!uploadableTypes.has(file.mimeType) || file.data.byteLength > maxUploadBytes)
      return { text: t("platforms.zaloOa.fileNotSent", { name: file.name }) };
    try {
      const token = await client.uploadFile(file);
      return { attachment: { type: "file", payload: { token } } };
    } catch (error) {
      if (!(error instanceof ZaloOaError) || !error.undeliverable) throw error;
      log.warn({ platform: "zalo-oa", file: file.name, ...stateOf(error) }, "OA file upload refused");
      return { text: t("platforms.zaloOa.fileNotSent", { name: file.name }) };
    }
  }

  return {
    platform: "zalo-oa",
    routes: [{ method: "POST", path: zaloOaWebhookPath, handle }],
    async start() {
      // Events acknowledged by a process that stopped before answering them.
      await answerUnfinished(deps, "zalo-oa", async (payload) => {
        const pending = pendingSchema.safeParse(payload);
        if (pending.success) await answer(pending.data);
      });
    },
    // Nothing polls; the server waits for the tracked answers.
    async stop() {},
    send,
  };
}

function stateOf(error: unknown): { state?: string; zaloCode?: number } {
  return error instanceof ZaloOaError ? { state: error.failure, zaloCode: error.zaloCode } : {};
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}
