import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createTranslator } from "../../../src/bot/index.js";
import { engines, queryRows, useTestDatabase } from "../../support/engines.js";
import { zaloSignature } from "../../support/fakes/zalo-oa-fake.js";
import { seatPerson } from "../../support/people.js";
import { publishPlans } from "../../support/plans-fixture.js";
import { seedQuan1 } from "../../support/quan1.js";
import { appId, type ServedOa, secretKey, servedNow, serveOa } from "./served-oa.js";

const t = createTranslator()("vi");
const waitLong = { timeout: 5_000, interval: 20 };

describe.each(engines)("Zalo OA webhook (%s)", (engine) => {
  const fixture = useTestDatabase(engine);
  let oa: ServedOa;
  beforeEach(async () => {
    oa = await serveOa(fixture.database);
  });
  afterEach(() => oa.stop());

  const claimed = async () =>
    (
      await queryRows<{ n: number }>(
        fixture.database,
        sql`select count(*)::int as n from inbound_updates where platform = 'zalo-oa'`,
      )
    )[0]?.n;

  it("refuses forged, unsigned and stale events with 401 and processes none of them", async () => {
    const forged = await oa.fake.post(oa.webhook, oa.fake.textEvent("7003", "xin chào"), "forged");
    const unsigned = await oa.fake.post(oa.webhook, oa.fake.textEvent("7003", "xin chào"), "unsigned");
    const stale = oa.fake.textEvent("7003", "xin chào", {
      at: new Date(servedNow().getTime() - 11 * 60_000),
    });
    const future = oa.fake.textEvent("7003", "xin chào", {
      at: new Date(servedNow().getTime() + 5 * 60_000),
    });
    expect([
      forged,
      unsigned,
      await oa.fake.post(oa.webhook, stale),
      await oa.fake.post(oa.webhook, future),
    ]).toEqual([401, 401, 401, 401]);
    // A body altered after signing no longer matches its signature.
    const event = oa.fake.textEvent("7003", "xin chào");
    const mac = zaloSignature(appId, JSON.stringify(event), String(event.timestamp), secretKey);
    const altered = JSON.stringify({ ...event, sender: { id: "someone-else" } });
    const signed = await fetch(oa.webhook, {
      method: "POST",
      headers: { "x-zevent-signature": `mac=${mac}` },
      body: altered,
    });
    expect(signed.status).toBe(401);
    expect(await claimed()).toBe(0);
    expect(oa.fake.messageCalls).toBe(0);
    expect(oa.fake.refreshes).toHaveLength(0);
  });

  it("answers 400 to a signed body that is not a text event, and changes nothing", async () => {
    const event = oa.fake.textEvent("7004", "xin chào");
    const broken = { ...event, message: { text: "thiếu msg_id" } };
    expect(await oa.fake.post(oa.webhook, broken)).toBe(400);
    expect(await claimed()).toBe(0);
  });

  it("acknowledges other events (a follow) with 200 and sends nothing", async () => {
    const follow = { ...oa.fake.textEvent("7005", ""), event_name: "follow", follower: { id: "7005" } };
    expect(await oa.fake.post(oa.webhook, follow)).toBe(200);
    expect(await claimed()).toBe(0);
    expect(oa.fake.messageCalls).toBe(0);
  });

  it("answers a person who is not linked to any unit", async () => {
    await publishPlans(fixture.database.db, ["000_31ba9c53447dfa3c.txt"]);
    const status = await oa.fake.post(
      oa.webhook,
      oa.fake.textEvent("9990001112223334445", "đơn vị tôi đã nộp những gì rồi"),
    );
    expect(status).toBe(200);
    await vi.waitFor(() => expect(oa.fake.sent).toHaveLength(1), waitLong);
    // It is told how to link the account, not shown another unit's submissions.
    expect(oa.fake.sent[0]?.message.text).toBe(t("answers.status.noUnit"));
  });

  it("turns choices into buttons, and a pressed button's payload comes back as the next message", async () => {
    const sent = await oa.adapter.send(
      { chatId: "7001" },
      {
        locale: "vi",
        blocks: [{ kind: "paragraph", text: "Bạn có muốn ghi nhận việc này không?" }],
        choices: [
          { id: "/co", label: "Có" },
          { id: "/khong", label: "Không" },
        ],
      },
    );
    expect(sent.ok).toBe(true);
    const buttons = oa.fake.sent[0]?.message.attachment?.payload.buttons ?? [];
    expect(buttons.map((b) => [b.title, b.type])).toEqual([
      ["Có", "oa.query.hide"],
      ["Không", "oa.query.hide"],
    ]);
    // Pressing "Không" makes Zalo post a user_send_text whose text is the button's payload.
    const pressed = buttons[1]?.payload ?? "";
    expect(await oa.fake.post(oa.webhook, oa.fake.textEvent("7001", pressed))).toBe(200);
    await vi.waitFor(() => expect(oa.fake.sent).toHaveLength(2), waitLong);
    expect(oa.fake.sent[1]?.message.text).toBe(t("answers.confirm.declined"));
  });

  it("reads a bare number as the numbered choice when there were too many for buttons", async () => {
    const choices = Array.from({ length: 6 }, (_, i) => ({
      id: i === 3 ? "/khong" : `/y c${i}`,
      label: `Mục ${i}`,
    }));
    await oa.adapter.send(
      { chatId: "7002" },
      { locale: "vi", blocks: [{ kind: "paragraph", text: "Chọn:" }], choices },
    );
    expect(oa.fake.sent[0]?.message.attachment).toBeUndefined();
    expect(await oa.fake.post(oa.webhook, oa.fake.textEvent("7002", "4"))).toBe(200);
    await vi.waitFor(() => expect(oa.fake.sent).toHaveLength(2), waitLong);
    expect(oa.fake.sent[1]?.message.text).toBe(t("answers.confirm.declined"));
  });

  it("answers a question from a linked focal person, refreshing the token for its first send", async () => {
    const db = fixture.database.db;
    await publishPlans(db, ["000_31ba9c53447dfa3c.txt"]);
    const { schoolId } = await seedQuan1(db);
    await seatPerson(db, { platform: "zalo-oa", externalId: "5510185758261927916" }, "focal", schoolId);
    const question = "hạn nộp hồ sơ đề nghị khen thưởng là khi nào";
    const status = await oa.fake.post(oa.webhook, oa.fake.textEvent("5510185758261927916", question));
    expect(status).toBe(200);
    await vi.waitFor(() => expect(oa.fake.sent).toHaveLength(1), waitLong);
    const [sent] = oa.fake.sent;
    expect(sent?.userId).toBe("5510185758261927916");
    expect(sent?.message.text).toContain("15/05/2024 – 28/05/2024");
    expect(sent?.message.text).toContain("1382/HD-GDĐT");
    // The env refresh token was spent once, and the message carried the access token it bought.
    expect(oa.fake.refreshes).toEqual([
      { refreshToken: oa.fake.firstRefreshToken, secretKey: "oa-secret-key-for-tests", answered: "issued" },
    ]);
    expect(sent?.accessToken).toMatch(/^access-/);
  });

  it("answers a redelivered event once, and still says 200 to the replay", async () => {
    const event = oa.fake.textEvent("7006", "xin chào", { msgId: "e2a641af6661713b2874" });
    expect(await oa.fake.post(oa.webhook, event)).toBe(200);
    await vi.waitFor(() => expect(oa.fake.sent).toHaveLength(1), waitLong);
    expect(await oa.fake.post(oa.webhook, event)).toBe(200);
    expect(await oa.fake.post(oa.webhook, event)).toBe(200);
    // A duplicate is settled before its 200: no answer can still be on its way.
    expect(oa.fake.sent).toHaveLength(1);
    expect(await claimed()).toBe(1);
  });

  it("says 200 before the slow answer is sent", async () => {
    const release = oa.fake.holdMessages();
    const status = await oa.fake.post(oa.webhook, oa.fake.textEvent("7007", "xin chào"));
    expect(status).toBe(200);
    // The reply is on its way to Zalo, held there: the acknowledgement did not wait for it.
    await vi.waitFor(() => expect(oa.fake.messageCalls).toBe(1), waitLong);
    expect(oa.fake.sent).toHaveLength(0);
    release();
    await vi.waitFor(() => expect(oa.fake.sent).toHaveLength(1), waitLong);
  });

  it("checks signatures with the Webhook page's OA secret key when it is configured apart", async () => {
    await oa.stop();
    oa = await serveOa(fixture.database, { webhookSecret: "webhook-page-oa-secret" });
    const post = (key: string, id: string) => {
      const event = oa.fake.textEvent(id, "xin chào");
      const raw = JSON.stringify(event);
      const mac = zaloSignature(appId, raw, String(event.timestamp), key);
      return fetch(oa.webhook, {
        method: "POST",
        headers: { "x-zevent-signature": `mac=${mac}` },
        body: raw,
      });
    };
    expect((await post(secretKey, "7101")).status).toBe(401);
    expect((await post("webhook-page-oa-secret", "7102")).status).toBe(200);
    await vi.waitFor(() => expect(oa.fake.messageCalls).toBe(1), waitLong);
  });
});
