import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { deliverThrough } from "../../../src/app/reminders/deliver-reminders.js";
import { reminderTick } from "../../../src/app/reminders/reminder-schedule.js";
import { createAdapters } from "../../../src/app/serve/create-adapters.js";
import { createAssistant } from "../../../src/bot/index.js";
import { type Clock, memoryPlatformState, silentLogger } from "../../../src/core/index.js";
import { testConfig } from "../../support/config.js";
import { engines, queryRows, type TestDatabase, useTestDatabase } from "../../support/engines.js";
import { startSlackFake } from "../../support/fakes/slack-fake.js";
import { startTelegramFake, type TelegramFake } from "../../support/fakes/telegram-fake.js";
import { buttonUpdate } from "../../support/fakes/telegram-updates.js";
import { startZaloBotFake } from "../../support/fakes/zalo-bot-fake.js";
import { calendar } from "../../support/plans-fixture.js";
import { seedHanoi } from "../../support/reminder-world.js";
import { type ServedApp, startServedApp } from "../../support/served-app.js";

const token = "7000001:AAtelegram-test-token";
const secret = "hook_Secret-2023";

/** A clock that starts at a moment and runs on with real time (pacing waits are real). */
const runningFrom = (iso: string): Clock => {
  const start = new Date(iso).getTime();
  const began = Date.now();
  return { now: () => new Date(start + (Date.now() - began)) };
};

async function until<T>(check: () => T | undefined, what: string): Promise<T> {
  return vi.waitFor(
    () => {
      const found = check();
      if (found === undefined) throw new Error(`timed out waiting for ${what}`);
      return found;
    },
    { timeout: 5_000, interval: 25 },
  );
}

// Telegram chats are numbers: the Hà Nội world's accounts get numeric ids.
async function numericTelegramIds(database: TestDatabase) {
  for (const [from, to] of [
    ["focal-bd", "1001"],
    ["focal-da", "1002"],
    ["focal-cva", "1003"],
    ["focal-kthn", "1004"],
    ["officer-so", "1005"],
  ])
    await database.db.execute(
      sql`update chat_identities set external_id = ${to} where external_id = ${from}`,
    );
}

describe.each(engines)("reminders through the platforms' fakes (%s)", (engine) => {
  const fixture = useTestDatabase(engine);
  let database: TestDatabase;
  let fake: TelegramFake | undefined;
  let served: ServedApp | undefined;

  beforeEach(async () => {
    database = fixture.database;
    await seedHanoi(database.db);
    await numericTelegramIds(database);
  });
  afterEach(async () => {
    await served?.stop();
    await fake?.close();
    served = undefined;
    fake = undefined;
  });

  it("thidua serve pushes due reminders to Telegram with buttons, and 'Nhắc lại sau' answers", async () => {
    fake = await startTelegramFake({ token });
    fake.blockChat(1003); // Chu Văn An's focal person blocked the bot
    served = await startServedApp(
      database,
      {
        TELEGRAM_BOT_TOKEN: token,
        TELEGRAM_MODE: "webhook",
        TELEGRAM_WEBHOOK_SECRET: secret,
        TELEGRAM_API_ROOT: fake.apiRoot,
        REMINDERS: "on",
        // Only the tick at start runs during the test.
        REMINDER_CRON: "0 0 1 1 *",
      },
      { clock: runningFrom("2023-05-22T08:05:00+07:00") },
    );
    const telegram = fake;
    const sentTo = (chat: number) =>
      telegram.callsTo("sendMessage").filter((c) => Number(c.params.chat_id) === chat);
    // Ba Đình: both year-end reports are due in a week.
    const [first] = await until(() => (sentTo(1001).length >= 2 ? sentTo(1001) : undefined), "two reminders");
    expect(String(first?.params.text)).toContain("còn 7 ngày");
    const keyboard = first?.params.reply_markup as {
      inline_keyboard: { text: string; callback_data: string }[][];
    };
    const buttons = keyboard.inline_keyboard.flat();
    expect(buttons.map((b) => b.text)).toEqual(["Đã nộp", "Nhắc lại sau", "Xem hồ sơ cần nộp"]);
    // Đông Anh chose the Zalo Bot, which this server does not serve: its reminders come on Telegram.
    await until(() => (sentTo(1002).length >= 2 ? true : undefined), "Đông Anh's reminders on Telegram");
    // The blocked chat is refused with 403 and, with no other account, its reminders are dead letters.
    await until(() => (sentTo(1004).length >= 2 ? true : undefined), "the last unit's reminders");
    const rows = await queryRows<{ state: string; lastError: string }>(
      database,
      sql`select o.state, o.last_error as "lastError" from reminder_outbox o
          join chat_identities i on i.id = o.identity_id where i.external_id = '1003'`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.state === "dead" && /unreachable: telegram/.test(r.lastError))).toBe(true);

    // "Nhắc lại sau" pressed.
    const later = buttons[1]?.callback_data ?? "";
    const before = sentTo(1001).length;
    const response = await telegram.postUpdate(
      `${served.url}/telegram/webhook`,
      buttonUpdate({ updateId: 9001, userId: 1001, data: later }),
      secret,
    );
    expect(response.status).toBe(200);
    const reply = await until(() => sentTo(1001)[before], "the snooze's answer");
    expect(String(reply.params.text)).toMatch(/sẽ nhắc lại lúc \d\d:\d\d ngày 23\/05\/2023/);
  });

  it("sends through the Zalo Bot Platform as a numbered list, and through Slack with Block Kit buttons", async () => {
    const zalo = await startZaloBotFake("zalo-token");
    const slack = await startSlackFake({ botToken: "xoxb-t", signingSecret: "s", now: () => new Date() });
    try {
      // Ba Đình's focal person chose Slack; Đông Anh's the Zalo Bot.
      await database.db.execute(sql`
        update chat_identities set platform = 'slack', external_id = 'U0BADINH' where external_id = '1001'`);
      await database.db.execute(sql`update people set reminder_platform = 'slack' where name = 'focal-bd'`);
      const config = testConfig({
        ZALO_BOT_TOKEN: "zalo-token",
        ZALO_BOT_API_ROOT: zalo.url,
        SLACK_BOT_TOKEN: "xoxb-t",
        SLACK_SIGNING_SECRET: "s",
        SLACK_API_URL: slack.apiUrl,
      });
      const clock = runningFrom("2023-05-22T08:05:00+07:00");
      const log = silentLogger();
      const assistant = createAssistant({ db: database.db, clock, config, log, calendar });
      const adapters = await createAdapters(config.platforms, {
        assistant,
        state: memoryPlatformState({ now: () => clock.now() }),
        now: () => clock.now(),
        log,
        track: () => {},
        publicUrl: undefined,
      });
      const app = { database, config, clock };
      const report = await reminderTick(
        app,
        deliverThrough(new Map(adapters.map((a) => [a.platform, a])), assistant),
      );
      expect(report.dispatcher.sent).toBeGreaterThanOrEqual(4);
      const zaloText = zalo.textsTo("zalo-da").join("\n");
      expect(zaloText).toContain("còn 7 ngày");
      expect(zaloText).toMatch(/1\. Đã nộp|\[1\] Đã nộp|1\) Đã nộp/);
      const posted = slack.callsTo("chat.postMessage").filter((c) => c.params.channel === "U0BADINH");
      expect(posted.length).toBeGreaterThanOrEqual(2);
      const blocks = JSON.stringify(posted[0]?.params.blocks);
      expect(blocks).toContain("Nhắc lại sau");
      expect(blocks).toContain('"type":"button"');
    } finally {
      await zalo.close();
      await slack.close();
    }
  });
});
