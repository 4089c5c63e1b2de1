import { createHash, timingSafeEqual } from "node:crypto";
import type { Update } from "grammy/types";
import { type Route, readBody, respond } from "../http/http-server.js";
import { telegramUpdate } from "./telegram-update.js";

export const telegramWebhookPath = "/telegram/webhook";

// Hashing first makes both sides the same length, so the comparison takes the same time whatever
// the header holds.
function sameSecret(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== "string") return false;
  const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * POST /telegram/webhook: checks Telegram's secret header and the body, then hands the update to
 * `accept`, which claims it and resolves once answering has started; the 200 goes out then.
 */
export function telegramWebhookRoute(options: {
  secret: string;
  accept(update: Update): Promise<void>;
}): Route {
  return {
    method: "POST",
    path: telegramWebhookPath,
    async handle(request, response) {
      if (!sameSecret(request.headers["x-telegram-bot-api-secret-token"], options.secret)) {
        return respond(response, 401, { error: "wrong or missing X-Telegram-Bot-Api-Secret-Token" });
      }
      const body = await readBody(request);
      if (!body) return respond(response, 413, { error: "body over 1 MiB" });
      let json: unknown;
      try {
        json = JSON.parse(body.toString("utf8"));
      } catch {
        return respond(response, 400, { error: "body is not JSON" });
      }
      const parsed = telegramUpdate.safeParse(json);
      if (!parsed.success) return respond(response, 400, { error: "body is not a Telegram update" });
      await options.accept(parsed.data);
      respond(response, 200, { ok: true });
    },
  };
}
