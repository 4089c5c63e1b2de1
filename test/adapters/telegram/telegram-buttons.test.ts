import { describe, expect, it, vi } from "vitest";
import { engines, useTestDatabase } from "../../support/engines.js";
import { buttonUpdate } from "../../support/fakes/telegram-updates.js";
import { type ServedTelegram, secret, useServedTelegram } from "./served-telegram.js";

// Longer than a button's 64 bytes of callback data once in UTF-8: it must be kept server-side.
const longQuestion = "Cho mình hỏi tháng này bên mình có những việc gì phải nộp lên Sở không ạ?";

describe.each(engines)("Telegram buttons on %s", (engine) => {
  const fixture = useTestDatabase(engine);
  const serve = useServedTelegram(() => fixture.database);
  const press = (app: ServedTelegram, updateId: number, data: string) =>
    app.fake.postUpdate(
      `${app.served.url}/telegram/webhook`,
      buttonUpdate({ updateId, userId: 4401, data }),
      secret,
    );

  function keyboardData(f: ServedTelegram["fake"]): string[] {
    const markup = f.callsTo("sendMessage")[0]?.params.reply_markup;
    return (
      JSON.stringify(markup)
        .match(/"callback_data":"[^"]*"/g)
        ?.map((pair) => JSON.parse(`{${pair}}`).callback_data) ?? []
    );
  }

  it("turns choices into an inline keyboard, and a pressed button into the choice's message", async () => {
    const app = await serve({ plans: ["000_31ba9c53447dfa3c.txt"] });
    const adapter = app.served.server.adapters.find((a) => a.platform === "telegram");
    await adapter?.send(
      { chatId: "4401" },
      {
        locale: "vi",
        blocks: [{ kind: "paragraph", text: "Bạn muốn xem gì?" }],
        choices: [
          { id: "/trangthai", label: "Tình hình nộp của đơn vị" },
          { id: longQuestion, label: "Việc phải nộp tháng này" },
        ],
      },
    );
    const [short, long] = keyboardData(app.fake);
    expect(short).toBe("c:/trangthai");
    expect(long).toMatch(/^k:/);
    expect(Buffer.byteLength(long ?? "")).toBeLessThanOrEqual(64);

    expect((await press(app, 601, long ?? "")).status).toBe(200);
    await vi.waitFor(() => expect(app.fake.callsTo("sendMessage")).toHaveLength(2));
    expect(app.fake.callsTo("answerCallbackQuery")[0]?.params.callback_query_id).toBe("cq601");
    const answer = app.fake.callsTo("sendMessage")[1];
    expect(answer?.params.chat_id).toBe(4401);
    expect(answer?.params.text).toContain("29/05/2023");
  });

  it("says a choice has expired when its kept id is unknown", async () => {
    const app = await serve({ plans: ["000_31ba9c53447dfa3c.txt"] });
    await press(app, 701, "k:forgotten-key");
    await vi.waitFor(() => expect(app.fake.callsTo("sendMessage")).toHaveLength(1));
    expect(app.fake.callsTo("answerCallbackQuery")).toHaveLength(1);
    expect(app.fake.callsTo("sendMessage")[0]?.params.text).toBe(
      "Lựa chọn này đã hết hạn, bạn hỏi lại giúp mình nhé.",
    );
  });
});
