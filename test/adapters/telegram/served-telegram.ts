import { afterEach } from "vitest";
import type { TestDatabase } from "../../support/engines.js";
import { startTelegramFake, type TelegramFake } from "../../support/fakes/telegram-fake.js";
import { publishPlans } from "../../support/plans-fixture.js";
import { type ServedApp, startServedApp } from "../../support/served-app.js";

export const token = "7000001:AAtelegram-test-token";
export const secret = "hook_Secret-2023";

export interface ServedTelegram {
  fake: TelegramFake;
  served: ServedApp;
}

/**
 * `thidua serve` with Telegram against a fresh fake Bot API, stopped after each test: in webhook mode
 * (the default) or polling; `plans` are published before the server starts, so that its warm-up loads
 * them as it would in service.
 */
export function useServedTelegram(database: () => TestDatabase) {
  let running: ServedTelegram | undefined;
  afterEach(async () => {
    await running?.served.stop();
    await running?.fake.close();
    running = undefined;
  });
  return async function serve(
    options: { plans?: string[]; mode?: "webhook" | "polling"; staleWebhook?: string } = {},
  ): Promise<ServedTelegram> {
    await publishPlans(database().db, options.plans ?? []);
    const fake = await startTelegramFake({
      token,
      ...(options.staleWebhook ? { webhookUrl: options.staleWebhook } : {}),
    });
    const served = await startServedApp(database(), {
      TELEGRAM_BOT_TOKEN: token,
      TELEGRAM_MODE: options.mode ?? "webhook",
      ...(options.mode === "polling" ? {} : { TELEGRAM_WEBHOOK_SECRET: secret }),
      TELEGRAM_API_ROOT: fake.apiRoot,
    });
    running = { fake, served };
    return running;
  };
}
