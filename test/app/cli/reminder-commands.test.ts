import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../../src/core/index.js";
import { engines } from "../../support/engines.js";
import { startTelegramFake, type TelegramFake } from "../../support/fakes/telegram-fake.js";
import { seedHanoi } from "../../support/reminder-world.js";
import { commandTests, useCliEnvironment } from "../../support/run-cli.js";

const monday = "2023-05-22T08:05:00+07:00";

describe.each(engines)("thidua reminders (%s)", commandTests, (engine) => {
  const cli = useCliEnvironment(engine, "reminders-");
  let fake: TelegramFake;

  beforeEach(async () => {
    const database = await openDatabase({
      dataDir: cli.env.DATA_DIR ?? "",
      databaseUrl: cli.env.DATABASE_URL,
    });
    try {
      await seedHanoi(database.db);
      // Telegram chats are numbers.
      await database.db.execute(
        sql`update chat_identities set external_id = '10' || id where platform = 'telegram'`,
      );
    } finally {
      await database.close();
    }
    fake = await startTelegramFake({ token: "7000001:AAcli" });
  });
  afterEach(() => fake.close());

  const withTelegram = () =>
    Object.assign(cli.env, { TELEGRAM_BOT_TOKEN: "7000001:AAcli", TELEGRAM_API_ROOT: fake.apiRoot });

  it("previews the coming days without sending or writing anything", async () => {
    const result = await cli.run(["reminders", "preview", "--days", "5", "--now", monday]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Nhắc việc trong 5 ngày tới: \d+ tin/);
    expect(result.stdout).toMatch(/22\/05\/2023 16:00 · tổng hợp cho cán bộ/);
    expect(result.stdout).toMatch(/26\/05\/2023 08:00 · nhắc hạn · focal-\w+ \(telegram\)/);
    expect(fake.callsTo("sendMessage")).toHaveLength(0);
  });

  it("runs one tick at a chosen moment, exactly what the cron job runs, and a second adds nothing", async () => {
    withTelegram();
    const first = await cli.run(["reminders", "tick", "--now", monday, "--json"]);
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout);
    expect(report.planner.planned).toBeGreaterThan(0);
    // Đông Anh chose the Zalo Bot, not configured here: rerouted to Telegram.
    expect(report.dispatcher.rerouted).toBeGreaterThan(0);
    expect(report.dispatcher.sent).toBe(fake.callsTo("sendMessage").length);
    const again = JSON.parse((await cli.run(["reminders", "tick", "--now", monday, "--json"])).stdout);
    expect(again.planner.planned).toBe(0);
    expect(again.dispatcher.sent).toBe(0);
    const status = JSON.parse((await cli.run(["reminders", "status"])).stdout);
    expect(status.sent).toBe(report.dispatcher.sent);
  });

  it("refuses to tick with no platform to send through", async () => {
    const result = await cli.run(["reminders", "tick", "--now", monday]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("TELEGRAM_BOT_TOKEN");
  });

  it("pauses and resumes a plan, and gives it its own days and time", async () => {
    const pause = await cli.run(["reminders", "pause", "--plan", "4582/KH-SGDĐT"]);
    expect(pause.stdout).toContain("Đã tạm dừng nhắc việc của kế hoạch 4582/KH-SGDĐT");
    const paused = await cli.run(["reminders", "preview", "--days", "3", "--now", monday]);
    expect(paused.stdout).not.toContain("nhắc hạn");
    await cli.run(["reminders", "resume", "--plan", "4582/KH-SGDĐT"]);
    const policy = await cli.run([
      "reminders",
      "policy",
      "--plan",
      "4582/KH-SGDĐT",
      "--days",
      "6",
      "--at",
      "09:30",
    ]);
    expect(policy.code).toBe(0);
    const preview = await cli.run(["reminders", "preview", "--days", "2", "--now", monday]);
    expect(preview.stdout).toMatch(/23\/05\/2023 09:30 · nhắc hạn/);
    const bad = await cli.run(["reminders", "policy", "--plan", "4582/KH-SGDĐT", "--at", "9h"]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/Lịch nhắc không hợp lệ/);
  });

  it("lists the dead letters and sends them again", async () => {
    withTelegram();
    fake.blockChat(103); // Chu Văn An's focal person (identity 3) blocked the bot
    const tick = JSON.parse((await cli.run(["reminders", "tick", "--now", monday, "--json"])).stdout);
    expect(tick.dispatcher.dead).toBeGreaterThan(0);
    const dead = await cli.run(["reminders", "dead"]);
    expect(dead.stdout).toMatch(/^\d+ tin nhắc không gửi được:/);
    expect(dead.stdout).toMatch(
      /#\d+ · telegram · .+: unreachable: telegram \(Forbidden: bot was blocked by the user\)/,
    );
    const retried = await cli.run(["reminders", "retry"]);
    expect(retried.stdout.trim()).toBe(`Đã đưa ${tick.dispatcher.dead} tin nhắc vào hàng gửi lại.`);
    expect((await cli.run(["reminders", "dead"])).stdout.trim()).toBe("Không có tin nhắc nào bị lỗi.");
  });

  it("names a bad moment", async () => {
    const bad = await cli.run(["reminders", "preview", "--now", "tomorrow"]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("ISO 8601");
  });
});
