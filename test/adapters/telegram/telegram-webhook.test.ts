import { sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import type { PlatformAdapter } from "../../../src/adapters/platform-adapter.js";
import { createUnit } from "../../../src/core/index.js";
import { engines, queryRows, useTestDatabase } from "../../support/engines.js";
import type { TelegramFake } from "../../support/fakes/telegram-fake.js";
import { textUpdate } from "../../support/fakes/telegram-updates.js";
import { seatPerson } from "../../support/people.js";
import type { ServedApp } from "../../support/served-app.js";
import { type ServedTelegram, secret, useServedTelegram } from "./served-telegram.js";

const plan = "000_31ba9c53447dfa3c.txt";
// Our own wording: what is due this month, asked in chat Vietnamese.
const monthQuestion = "Tháng này bên mình có việc gì phải nộp không?";

describe.each(engines)("Telegram webhook on %s", (engine) => {
  const fixture = useTestDatabase(engine);
  const serve = useServedTelegram(() => fixture.database);
  const deliver = (app: ServedTelegram, update: unknown, key: string | null = secret) =>
    app.fake.postUpdate(`${app.served.url}/telegram/webhook`, update, key ?? undefined);
  const texts = (f: TelegramFake) => f.callsTo("sendMessage").map((c) => String(c.params.text));
  const updateRows = () =>
    queryRows<{ update_id: string }>(fixture.database, sql`select update_id from inbound_updates`);

  it("starts with getMe and the commands in Vietnamese and English, and registers no webhook without PUBLIC_URL", async () => {
    const app = await serve();
    expect(app.fake.callsTo("getMe")).toHaveLength(1);
    const commands = app.fake.callsTo("setMyCommands");
    expect(commands.map((c) => c.params.language_code)).toEqual([undefined, "en"]);
    const names = ["start", "han", "hoso", "trangthai", "dangky", "lang", "trogiup"];
    const listed = names.map((command) => expect.objectContaining({ command }));
    expect(commands[0]?.params.commands).toEqual(listed);
    expect(commands[1]?.params.commands).toEqual(listed);
    expect(JSON.stringify(commands[0]?.params)).toContain("Hạn nộp sắp tới");
    expect(JSON.stringify(commands[1]?.params)).toContain("Upcoming deadlines");
    expect(app.fake.callsTo("setWebhook")).toHaveLength(0);
  });

  it("answers a question with the plan's content, as HTML, in the person's chat", async () => {
    const app = await serve({ plans: [plan] });
    const response = await deliver(app, textUpdate({ updateId: 101, userId: 4201, text: monthQuestion }));
    expect(response.status).toBe(200);
    await vi.waitFor(() => expect(app.fake.callsTo("sendMessage")).toHaveLength(1));
    const sent = app.fake.callsTo("sendMessage")[0];
    expect(sent?.params.chat_id).toBe(4201);
    expect(sent?.params.parse_mode).toBe("HTML");
    expect(sent?.params.text).toContain("• 29/05/2023 (trước ngày 30/05/2023): Gửi hồ sơ thi đua");
    // An English speaker is answered in English.
    await deliver(app, textUpdate({ updateId: 102, userId: 4202, text: "/trogiup", languageCode: "en" }));
    await vi.waitFor(() => expect(app.fake.callsTo("sendMessage")).toHaveLength(2));
    expect(texts(app.fake)[1]).toMatch(/I can help/i);
  });

  it("refuses a forged or missing secret with 401 and a bad body with 400, processing nothing", async () => {
    const app = await serve();
    const update = textUpdate({ updateId: 201, userId: 4201, text: "trợ giúp" });
    expect((await deliver(app, update, "forged-secret")).status).toBe(401);
    expect((await deliver(app, update, null)).status).toBe(401);
    expect((await deliver(app, { message: { text: "no update id" } })).status).toBe(400);
    const notJson = await fetch(`${app.served.url}/telegram/webhook`, {
      method: "POST",
      headers: { "x-telegram-bot-api-secret-token": secret },
      body: "{not json",
    });
    expect(notJson.status).toBe(400);
    await app.served.stop(); // waits for any work an accepted update would have started
    expect(app.fake.callsTo("sendMessage")).toHaveLength(0);
    expect(await updateRows()).toHaveLength(0);
  });

  it("answers the same update delivered twice once", async () => {
    const app = await serve();
    const update = textUpdate({ updateId: 301, userId: 4201, text: "trợ giúp" });
    expect((await deliver(app, update)).status).toBe(200);
    expect((await deliver(app, update)).status).toBe(200);
    await app.served.stop();
    expect(app.fake.callsTo("sendMessage")).toHaveLength(1);
    expect(await updateRows()).toEqual([{ update_id: "301" }]);
  });

  it("waits out a 429's retry_after and still delivers the answer", async () => {
    const app = await serve();
    app.fake.rateLimitNext("sendMessage", 1);
    await deliver(app, textUpdate({ updateId: 401, userId: 4201, text: "trợ giúp" }));
    await vi.waitFor(() => expect(app.fake.callsTo("sendMessage")).toHaveLength(2), { timeout: 4000 });
    const [refused, delivered] = app.fake.callsTo("sendMessage");
    expect(delivered?.params.text).toBe(refused?.params.text);
    expect((delivered?.at ?? 0) - (refused?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it("keeps answering other chats while Telegram is slow to take a dozen answers", async () => {
    const app = await serve();
    const slow = Array.from({ length: 12 }, (_, i) => 4300 + i);
    const holds = slow.map((chatId) => app.fake.holdChat(chatId));
    for (const [i, userId] of slow.entries())
      await deliver(app, textUpdate({ updateId: 450 + i, userId, text: "trợ giúp" }));
    await vi.waitFor(() => expect(app.fake.callsTo("sendMessage")).toHaveLength(slow.length));
    // Every slow send is still waiting; a new chat's question is prepared and answered all the same.
    await deliver(app, textUpdate({ updateId: 470, userId: 4399, text: "trợ giúp" }));
    await vi.waitFor(() =>
      expect(app.fake.callsTo("sendMessage").map((c) => c.params.chat_id)).toContain(4399),
    );
    for (const hold of holds) hold.release();
    await app.served.stop();
  });

  it("shows a linked focal person their unit, and tells an unlinked person how to link", async () => {
    const app = await serve({ plans: [plan] });
    const unit = await createUnit(fixture.database.db, {
      code: "PGD-HK",
      name: "Phòng GDĐT Hoàn Kiếm",
      kind: "phong",
    });
    await seatPerson(fixture.database.db, { platform: "telegram", externalId: "5501" }, "focal", unit.id);
    await deliver(app, textUpdate({ updateId: 501, userId: 5501, text: "/trangthai" }));
    await vi.waitFor(() => expect(app.fake.callsTo("sendMessage")).toHaveLength(1));
    expect(texts(app.fake)[0]).toContain("Phòng GDĐT Hoàn Kiếm");
    await deliver(app, textUpdate({ updateId: 502, userId: 5502, text: "/trangthai" }));
    await vi.waitFor(() => expect(app.fake.callsTo("sendMessage")).toHaveLength(2));
    expect(texts(app.fake)[1]).toContain("chưa gắn với đơn vị");
    expect(texts(app.fake)[1]).toContain("/start");
  });

  it("sends a reply's files as documents through send()", async () => {
    const app = await serve();
    const adapter = telegramOf(app.served);
    const data = new TextEncoder().encode("don_vi,da_nop\nPGD-HK,3\n");
    const result = await adapter.send(
      { chatId: "4201" },
      {
        locale: "vi",
        blocks: [{ kind: "paragraph", text: "Bảng tình hình nộp:" }],
        files: [{ name: "tinh-hinh-nop.csv", mimeType: "text/csv", data }],
      },
    );
    const [document] = app.fake.callsTo("sendDocument");
    expect(String(document?.params.chat_id)).toBe("4201");
    expect(document?.files[0]?.filename).toBe("tinh-hinh-nop.csv");
    expect(document?.files[0]?.bytes.equals(Buffer.from(data))).toBe(true);
    expect(result).toEqual({ ok: true, messageId: expect.any(String) });
    expect(texts(app.fake)).toEqual(["Bảng tình hình nộp:"]);
  });

  it("splits a long reply on line boundaries with the keyboard on the last message", async () => {
    const app = await serve();
    const items = Array.from({ length: 240 }, (_, i) => `Trường Tiểu học số ${i + 1} <chưa nộp> & quá hạn`);
    await telegramOf(app.served).send(
      { chatId: "4201" },
      { locale: "vi", blocks: [{ kind: "list", items }], choices: [{ id: "/trangthai", label: "Xem lại" }] },
    );
    const sent = app.fake.callsTo("sendMessage");
    expect(sent.length).toBeGreaterThan(1);
    const lines = sent.flatMap((c) => String(c.params.text).split("\n"));
    expect(lines).toEqual(
      items.map((item) => `• ${item.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")}`),
    );
    expect(sent.map((c) => c.params.reply_markup !== undefined)).toEqual(
      sent.map((_, i) => i === sent.length - 1),
    );
  });
});

function telegramOf(served: ServedApp): PlatformAdapter {
  const adapter = served.server.adapters.find((a) => a.platform === "telegram");
  if (!adapter) throw new Error("the Telegram adapter is not served");
  return adapter;
}
