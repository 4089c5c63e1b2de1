import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fixedClock } from "../../src/core/index.js";
import { serveOa } from "../adapters/zalo-oa/served-oa.js";
import { engines, type TestDatabase, useTestDatabase } from "../support/engines.js";
import { startSlackFake } from "../support/fakes/slack-fake.js";
import { startTelegramFake, type TelegramFake } from "../support/fakes/telegram-fake.js";
import { buttonUpdate, textUpdate } from "../support/fakes/telegram-updates.js";
import { startZaloBotFake, zaloEvent } from "../support/fakes/zalo-bot-fake.js";
import { seedHanoi } from "../support/reminder-world.js";
import { type ServedApp, startServedApp } from "../support/served-app.js";

const token = "7000001:AAtelegram-test-token";
const secret = "hook_Secret-2023";

describe.each(engines)("registering on every platform's fake (%s)", (engine) => {
  const fixture = useTestDatabase(engine);
  let database: TestDatabase;
  let fake: TelegramFake;
  let served: ServedApp;
  let update = 100;

  beforeEach(async () => {
    database = fixture.database;
    await seedHanoi(database.db);
    await database.db.execute(
      sql`update chat_identities set external_id = '2001' where external_id = 'focal-bd'`,
    );
    fake = await startTelegramFake({ token });
    served = await startServedApp(
      database,
      {
        TELEGRAM_BOT_TOKEN: token,
        TELEGRAM_MODE: "webhook",
        TELEGRAM_WEBHOOK_SECRET: secret,
        TELEGRAM_API_ROOT: fake.apiRoot,
      },
      { clock: fixedClock("2023-10-12") },
    );
  });
  afterEach(async () => {
    await served.stop();
    await fake.close();
  });

  /** Posts an update and waits for the bot's answer (its last message, or its documents). */
  async function send(body: ReturnType<typeof textUpdate>, want: "message" | "documents" = "message") {
    const method = want === "message" ? "sendMessage" : "sendDocument";
    const before = fake.callsTo(method).length;
    const response = await fake.postUpdate(`${served.url}/telegram/webhook`, body, secret);
    if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
    await grown(() => fake.callsTo(method).length, before, want === "message" ? 1 : 2);
    return fake.callsTo(method).slice(before);
  }
  const buttonsOf = (call: { params: Record<string, unknown> } | undefined) =>
    (
      (call?.params.reply_markup ?? { inline_keyboard: [] }) as {
        inline_keyboard: { text: string; callback_data: string }[][];
      }
    ).inline_keyboard.flat();
  const say = (text: string) => send(textUpdate({ updateId: update++, userId: 2001, text }));
  const press = (data: string) => send(buttonUpdate({ updateId: update++, userId: 2001, data }));

  it("asks each step with inline buttons, and sends the filled forms as documents", async () => {
    const [start] = await say("/dangky");
    const yes = buttonsOf(start)[0];
    expect(yes?.text).toBe("Năm học 2023-2024");
    const [staff] = await press(yes?.callback_data ?? "");
    expect(String(staff?.params.text)).toContain("bao nhiêu cán bộ");
    const [collective] = await say("45");
    const titles = buttonsOf(collective);
    expect(titles.map((b) => b.text)).toContain("Tập thể lao động xuất sắc");
    await press(titles.find((b) => b.text === "Tập thể lao động xuất sắc")?.callback_data ?? "");
    await say("LĐTT 30, CSTĐ cơ sở 1");
    await say("Lê Văn Tám");
    await say("khong");
    const [summary] = await say("Sáng kiến: Sổ điểm điện tử - Lê Văn Tám");
    expect(String(summary?.params.text)).toContain("Chiến sĩ thi đua cơ sở: 1 người (Lê Văn Tám)");
    const confirm = buttonsOf(summary)[0];
    expect(confirm?.text).toBe("Xác nhận gửi");
    const documents = await send(
      buttonUpdate({ updateId: update++, userId: 2001, data: confirm?.callback_data ?? "" }),
      "documents",
    );
    expect(documents.map((d) => d.files[0]?.filename)).toEqual([
      expect.stringMatching(/\.docx$/),
      expect.stringMatching(/\.xlsx$/),
    ]);
    expect(documents[0]?.files[0]?.bytes.subarray(0, 2).toString()).toBe("PK");
  });

  it("on the Zalo Bot, choices are a numbered list that a number answers, and the forms are named", async () => {
    const zalo = await startZaloBotFake("zalo-reg");
    const zaloServed = await startServedApp(
      database,
      {
        ZALO_BOT_TOKEN: "zalo-reg",
        ZALO_BOT_MODE: "webhook",
        ZALO_BOT_WEBHOOK_SECRET: secret,
        ZALO_BOT_API_ROOT: zalo.url,
      },
      { clock: fixedClock("2023-10-12") },
    );
    try {
      const zaloSay = async (text: string) => {
        const before = zalo.textsTo("zalo-da").length;
        const posted = await zalo.postWebhook(zaloServed.url, zaloEvent("zalo-da", text), secret);
        if (posted.status !== 200) throw new Error(`webhook answered ${posted.status}`);
        await grown(() => zalo.textsTo("zalo-da").length, before);
        return zalo.textsTo("zalo-da").slice(before).join("\n");
      };
      expect(await zaloSay("cho em lam ban dang ky danh hieu nam nay")).toMatch(/1\. Năm học 2023-2024/);
      expect(await zaloSay("1")).toContain("bao nhiêu cán bộ");
      expect(await zaloSay("38")).toMatch(/2\. Tập thể lao động xuất sắc/);
      await zaloSay("2");
      await zaloSay("ldtt 20");
      await zaloSay("khong");
      expect(await zaloSay("khong")).toContain("Lao động tiên tiến: 20 người");
      const done = await zaloSay("xác nhận");
      expect(done).toContain("Đã gửi bản đăng ký");
      expect(done).toMatch(/\.docx/);
    } finally {
      await zaloServed.stop();
      await zalo.close();
    }
  });

  it("on Slack, each step in a DM with Block Kit buttons, and the forms uploaded with files.uploadV2", async () => {
    // Chu Văn An's focal person talks on Slack.
    await database.db.execute(
      sql`update chat_identities set platform = 'slack', external_id = 'U0CVA' where external_id = 'focal-cva'`,
    );
    const slack = await startSlackFake({
      botToken: "xoxb-reg",
      signingSecret: "8f742231b10e8888abcd99yyyzzz85a5",
      now: () => fixedClock("2023-10-12").now(),
    });
    const slackServed = await startServedApp(
      database,
      {
        SLACK_BOT_TOKEN: "xoxb-reg",
        SLACK_SIGNING_SECRET: "8f742231b10e8888abcd99yyyzzz85a5",
        SLACK_API_URL: slack.apiUrl,
      },
      { clock: fixedClock("2023-10-12") },
    );
    let event = 0;
    try {
      const slackSay = async (text: string) => {
        const before = slack.callsTo("chat.postMessage").length;
        const body = slack.eventBody(
          {
            type: "message",
            channel_type: "im",
            channel: "DCVA",
            user: "U0CVA",
            text,
            ts: `1697778000.00${event}`,
          },
          `EvReg${event++}`,
        );
        const posted = await slack.post(`${slackServed.url}/slack/events`, body);
        if (posted.status !== 200) throw new Error(`events answered ${posted.status} ${posted.text}`);
        await grown(() => slack.callsTo("chat.postMessage").length, before);
        return slack.callsTo("chat.postMessage").slice(before);
      };
      const [start] = await slackSay("/dangky");
      expect(JSON.stringify(start?.params.blocks)).toContain('"value":"/co"');
      await slackSay("có");
      await slackSay("90");
      await slackSay("2");
      await slackSay("ldtt 60");
      await slackSay("không");
      await slackSay("không");
      const before = slack.callsTo("files.completeUploadExternal").length;
      await slackSay("xác nhận");
      await grown(() => slack.callsTo("files.completeUploadExternal").length, before);
      const uploaded = JSON.stringify(
        slack.callsTo("files.getUploadURLExternal").map((c) => c.params.filename),
      );
      expect(uploaded).toMatch(/\.docx/);
      expect(uploaded).toMatch(/\.xlsx/);
    } finally {
      await slackServed.stop();
      await slack.close();
    }
  });

  it("on a Zalo Official Account, OA buttons or numbers, and the Word form uploaded", async () => {
    await database.db.execute(
      sql`update chat_identities set platform = 'zalo-oa', external_id = 'oa-kthn' where external_id = 'focal-kthn'`,
    );
    const oa = await serveOa(database);
    try {
      const oaSay = async (text: string) => {
        const before = oa.fake.sent.length;
        const status = await oa.fake.post(oa.webhook, oa.fake.textEvent("oa-kthn", text));
        if (status !== 200) throw new Error(`webhook answered ${status}`);
        await grown(() => oa.fake.sent.length, before);
        return oa.fake.sent.slice(before);
      };
      const start = await oaSay("/dangky");
      const buttons = start.flatMap((m) => m.message.attachment?.payload.buttons ?? []);
      expect(buttons.map((b) => b.title)).toContain("Năm học 2022-2023");
      await oaSay("có");
      await oaSay("25");
      await oaSay("1");
      await oaSay("ldtt 20");
      await oaSay("không");
      await oaSay("không");
      const done = await oaSay("xác nhận");
      expect(done.map((m) => m.message.text ?? "").join("\n")).toContain("Đã gửi bản đăng ký");
      await grown(() => oa.fake.uploads.length, 0);
      expect(oa.fake.uploads.map((u) => u.name)).toEqual([expect.stringMatching(/\.docx$/)]);
    } finally {
      await oa.stop();
    }
  });
});

/** Waits until `count()` has grown by `by` past `before`: a platform's answer has arrived. */
const grown = (count: () => number, before: number, by = 1) =>
  vi.waitFor(() => expect(count()).toBeGreaterThanOrEqual(before + by), { timeout: 4_000, interval: 10 });
