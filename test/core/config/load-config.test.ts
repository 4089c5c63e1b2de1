import { describe, expect, it } from "vitest";
import { ErrorCode, parseConfig, ThiduaError } from "../../../src/core/index.js";

function configError(env: Record<string, string>): ThiduaError {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ThiduaError) return error;
    throw error;
  }
  throw new Error("expected a configuration error");
}

describe("parseConfig", () => {
  it("fills the documented defaults", () => {
    const config = parseConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toMatch(/\/data$/);
    expect(config.timeZone).toBe("Asia/Ho_Chi_Minh");
    expect(config.logLevel).toBe("info");
    expect(config.today).toBeUndefined();
  });

  it("treats an empty variable as unset", () => {
    expect(parseConfig({ DATABASE_URL: "", THIDUA_TODAY: "" }).databaseUrl).toBeUndefined();
  });

  it("reads every variable", () => {
    const config = parseConfig({
      DATABASE_URL: "postgres://u@127.0.0.1:5432/db",
      DATA_DIR: "/var/lib/thidua",
      TZ: "UTC",
      LOG_LEVEL: "debug",
      THIDUA_TODAY: "2023-05-10",
    });
    expect(config).toEqual({
      databaseUrl: "postgres://u@127.0.0.1:5432/db",
      dataDir: "/var/lib/thidua",
      timeZone: "UTC",
      logLevel: "debug",
      today: "2023-05-10",
      modelCacheDir: "/var/lib/thidua/cache",
      schoolCalendarFile: undefined,
      secretKey: undefined,
      server: { port: 3000, publicUrl: undefined },
      platforms: {},
      reminders: {
        enabled: true,
        cron: "*/5 * * * *",
        policy: {
          daysBefore: [7, 3, 1, 0],
          at: 8 * 60,
          overdueDaysAfter: [1],
          digest: { weekday: 1, at: 7 * 60 + 30 },
          officerSummaryAt: 16 * 60,
          hours: { quietFrom: 21 * 60, quietTo: 7 * 60, timeZone: "UTC", extraHolidays: [] },
          windowMinutes: 12 * 60,
          draftDays: 7,
        },
      },
    });
  });

  it("reads an office's own reminder policy", () => {
    const { reminders } = parseConfig({
      REMINDERS: "off",
      REMINDER_CRON: "0 * * * *",
      REMINDER_DAYS_BEFORE: "1, 5,2",
      REMINDER_TIME: "7:45",
      REMINDER_OVERDUE_DAYS: "",
      REMINDER_DIGEST: "off",
      REMINDER_OFFICER_SUMMARY: "off",
      REMINDER_QUIET_HOURS: "22:00-06:30",
      REMINDER_HOLIDAYS: "2026-04-27, 01/09/2026",
      REMINDER_WINDOW_HOURS: "3",
    });
    expect(reminders.enabled).toBe(false);
    expect(reminders.cron).toBe("0 * * * *");
    expect(reminders.policy).toMatchObject({
      daysBefore: [5, 2, 1],
      at: 7 * 60 + 45,
      overdueDaysAfter: [1],
      digest: null,
      officerSummaryAt: null,
      hours: { quietFrom: 22 * 60, quietTo: 6 * 60 + 30, extraHolidays: ["2026-04-27", "2026-09-01"] },
      windowMinutes: 180,
    });
  });

  it.each([
    ["DATABASE_URL", "mysql://x", /postgres:\/\//],
    ["TZ", "Mars/Olympus", /time zone/],
    ["LOG_LEVEL", "loud", /LOG_LEVEL/],
    ["THIDUA_TODAY", "10/05/2023", /yyyy-mm-dd/],
    ["THIDUA_TODAY", "2023-02-31", /real date/],
    ["REMINDER_CRON", "every morning", /cron expression/],
    ["REMINDER_DAYS_BEFORE", "7;3", /separated by commas/],
    ["REMINDER_TIME", "8h", /time of day/],
    ["REMINDER_TIME", "off", /time of day/],
    ["REMINDER_DIGEST", "monday", /weekday and a time/],
    ["REMINDER_QUIET_HOURS", "21:00", /two times/],
    ["REMINDER_HOLIDAYS", "2026-02-30", /days off/],
    ["REMINDER_WINDOW_HOURS", "0", /hours/],
    ["REMINDERS", "yes", /on or off/],
    ["REGISTRATION_DRAFT_DAYS", "1", /days, 2-90/],
  ])("refuses a bad %s and names it", (variable, value, hint) => {
    const error = configError({ [variable]: value });
    expect(error.code).toBe(ErrorCode.ConfigInvalid);
    expect(error.message.startsWith(`${variable} `)).toBe(true);
    expect(error.message).toMatch(hint);
    expect(error.params.variable).toBe(variable);
  });
});

describe("the platforms' configuration", () => {
  it("serves no platform by default, on port 3000", () => {
    const config = parseConfig({});
    expect(config.platforms).toEqual({});
    expect(config.server).toEqual({ port: 3000, publicUrl: undefined });
  });

  it("reads each platform whose token is set, polling by default", () => {
    const config = parseConfig({
      PORT: "8080",
      PUBLIC_URL: "https://thidua.example.vn/",
      TELEGRAM_BOT_TOKEN: "123:abc",
      ZALO_BOT_TOKEN: "z-1",
      ZALO_BOT_MODE: "webhook",
      ZALO_BOT_WEBHOOK_SECRET: "s3cret_zalo",
      SLACK_BOT_TOKEN: "xoxb-1",
      SLACK_APP_TOKEN: "xapp-1",
    });
    expect(config.server).toEqual({ port: 8080, publicUrl: "https://thidua.example.vn" });
    expect(config.platforms.telegram).toMatchObject({ token: "123:abc", mode: "polling" });
    expect(config.platforms.zaloBot).toMatchObject({ mode: "webhook", webhookSecret: "s3cret_zalo" });
    expect(config.platforms.slack).toMatchObject({ botToken: "xoxb-1", appToken: "xapp-1" });
    expect(config.platforms.zaloOa).toBeUndefined();
  });

  it.each([
    [{ TELEGRAM_BOT_TOKEN: "t", TELEGRAM_MODE: "webhook" }, "TELEGRAM_WEBHOOK_SECRET"],
    [{ TELEGRAM_BOT_TOKEN: "t", TELEGRAM_MODE: "push" }, "TELEGRAM_MODE"],
    [
      { TELEGRAM_BOT_TOKEN: "t", TELEGRAM_MODE: "webhook", TELEGRAM_WEBHOOK_SECRET: "có dấu" },
      "TELEGRAM_WEBHOOK_SECRET",
    ],
    [{ ZALO_BOT_TOKEN: "t", ZALO_BOT_MODE: "webhook" }, "ZALO_BOT_WEBHOOK_SECRET"],
    [{ ZALO_OA_APP_ID: "1" }, "ZALO_OA_SECRET_KEY"],
    [{ ZALO_OA_SECRET_KEY: "k" }, "ZALO_OA_APP_ID"],
    [{ ZALO_OA_APP_ID: "1", ZALO_OA_SECRET_KEY: "k" }, "THIDUA_SECRET_KEY"],
    [{ THIDUA_SECRET_KEY: "short" }, "THIDUA_SECRET_KEY"],
    [{ SLACK_BOT_TOKEN: "xoxb" }, "SLACK_SIGNING_SECRET"],
    [{ PORT: "70000" }, "PORT"],
    [{ PUBLIC_URL: "thidua.example.vn" }, "PUBLIC_URL"],
  ])("refuses %j and names %s", (env, variable) => {
    const error = configError(env as Record<string, string>);
    expect(error.code).toBe(ErrorCode.ConfigInvalid);
    expect(error.params.variable).toBe(variable);
    expect(error.message.startsWith(`${variable} `)).toBe(true);
  });
});
