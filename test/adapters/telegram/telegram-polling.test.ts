import { describe, expect, it, vi } from "vitest";
import { databasePlatformState } from "../../../src/core/index.js";
import { engines, useTestDatabase } from "../../support/engines.js";
import { textUpdate } from "../../support/fakes/telegram-updates.js";
import { useServedTelegram } from "./served-telegram.js";

describe.each(engines)("Telegram long polling on %s", (engine) => {
  const fixture = useTestDatabase(engine);
  const serve = useServedTelegram(() => fixture.database);
  it("drops a stale webhook, answers what an earlier process left, polls, and skips seen updates", async () => {
    // An earlier process claimed update 900 and stopped before answering; 903 was answered.
    const earlier = databasePlatformState(fixture.database.db, {
      now: () => new Date("2023-05-10T04:00:00Z"),
    });
    await earlier.claimUpdate(
      "telegram",
      "900",
      textUpdate({ updateId: 900, userId: 4501, text: "trợ giúp" }),
    );
    await earlier.claimUpdate(
      "telegram",
      "903",
      textUpdate({ updateId: 903, userId: 4503, text: "trợ giúp" }),
    );
    await earlier.finishUpdate("telegram", "903");

    const { fake, served: app } = await serve({
      mode: "polling",
      staleWebhook: "https://old.example.org/telegram/webhook",
    });
    expect(fake.callsTo("sendMessage").map((c) => c.params.chat_id)).toEqual([4501]);

    fake.queueUpdate(textUpdate({ updateId: 903, userId: 4503, text: "trợ giúp" }));
    fake.queueUpdate(textUpdate({ updateId: 904, userId: 4504, text: "trợ giúp" }));
    await vi.waitFor(() => expect(fake.callsTo("sendMessage").map((c) => c.params.chat_id)).toContain(4504));
    // The fake refuses getUpdates (409) while a webhook is set, as Telegram does: it was deleted first.
    const methods = fake.calls.map((c) => c.method);
    expect(methods.indexOf("deleteWebhook")).toBeGreaterThan(-1);
    expect(methods.indexOf("deleteWebhook")).toBeLessThan(methods.indexOf("getUpdates"));
    expect(fake.webhookUrl).toBe("");
    expect(fake.callsTo("getUpdates").every((c) => c.params.allowed_updates !== undefined)).toBe(true);
    // The webhook route is not served when polling.
    const posted = await fetch(`${app.url}/telegram/webhook`, { method: "POST", body: "{}" });
    expect(posted.status).toBe(404);
    await app.stop();
    expect(fake.callsTo("sendMessage").map((c) => c.params.chat_id)).toEqual([4501, 4504]);
  });
});
