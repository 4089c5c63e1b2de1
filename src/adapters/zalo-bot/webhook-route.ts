import { createHash, timingSafeEqual } from "node:crypto";
import { type Route, readBody, respond } from "../http/http-server.js";
import { answerOnce, type PlatformAdapterDeps } from "../platform-adapter.js";
import type { ZaloBotResponder } from "./answer-update.js";
import { parseWebhookBody } from "./zalo-bot-update.js";

export const zaloBotWebhookPath = "/zalo/bot/webhook";

/** Zalo sends the secret given to setWebhook in this header with every event. */
const secretHeader = "x-bot-api-secret-token";

/** Compares in constant time; hashing first makes both sides one length, so no length leaks either. */
export function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * POST /zalo/bot/webhook: checks the secret (401), reads and validates the event (413, 400), claims
 * its message id in the database, answers 200 and only then asks the assistant, so that Zalo does not
 * wait on the answer (nor send the event again while it is being prepared).
 */
export function zaloBotWebhookRoute(
  deps: Pick<PlatformAdapterDeps, "state" | "log" | "track">,
  secret: string,
  responder: ZaloBotResponder,
): Route {
  return {
    method: "POST",
    path: zaloBotWebhookPath,
    async handle(request, response) {
      const given = request.headers[secretHeader];
      if (!sameSecret(typeof given === "string" ? given : undefined, secret)) {
        deps.log.warn(
          { route: zaloBotWebhookPath },
          "Zalo Bot webhook refused: missing or wrong secret token",
        );
        // The body is left unread: nothing of a forged request is looked at.
        return respond(response, 401, { ok: false, description: "unauthorized" });
      }
      const body = await readBody(request);
      if (body === null) return respond(response, 413, { ok: false, description: "body too large" });
      let json: unknown;
      try {
        json = JSON.parse(body.toString("utf8"));
      } catch {
        return respond(response, 400, { ok: false, description: "body is not JSON" });
      }
      const update = parseWebhookBody(json);
      if (!update) return respond(response, 400, { ok: false, description: "not a Zalo Bot event" });
      const id = update.message?.message_id;
      if (id === undefined) {
        // Nothing to answer and nothing to deduplicate on (e.g. an unsupported event from a protected account).
        deps.log.info({ event: update.event_name }, "Zalo Bot event without a message ignored");
        return respond(response, 200, { ok: true });
      }
      let claimed!: () => void;
      const wasClaimed = new Promise<void>((resolve) => {
        claimed = resolve;
      });
      const work = answerOnce(deps, { platform: "zalo-bot", id, payload: update }, async () => {
        claimed();
        await responder.answer(update);
      });
      deps.track(
        work.catch((error: unknown) => {
          deps.log.error({ err: error, updateId: id }, "Zalo Bot update could not be answered");
        }),
      );
      // Answered once claimed (or found a duplicate); a claim that fails gives a 500 and Zalo retries.
      await Promise.race([wasClaimed, work]);
      respond(response, 200, { ok: true });
    },
  };
}
