import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { validate as isCronExpression } from "node-cron";
import { z } from "zod";
import { isRealDate } from "../deadlines/calendar-days.js";
import { ErrorCode, ThiduaError } from "../errors.js";
import {
  parseDayList,
  parseDigest,
  parseHolidays,
  parseQuietHours,
  type ReminderPolicy,
} from "../reminders/reminder-policy.js";
import { parseTimeOfDay } from "../reminders/working-time.js";

function isKnownTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const emptyToUndefined = (value: unknown) => (value === "" ? undefined : value);

const optionalText = z.preprocess(emptyToUndefined, z.string().optional());
const optionalUrl = z.preprocess(
  emptyToUndefined,
  z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://thidua.example.vn" })
    .optional(),
);
const receiveMode = z.preprocess(
  emptyToUndefined,
  z.enum(["webhook", "polling"], { error: "must be webhook or polling" }).default("polling"),
);
// Telegram and the Zalo Bot Platform both accept 1-256 characters of A-Z, a-z, 0-9, _ and -.
const webhookSecret = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, "must be 1-256 characters of letters, digits, _ and -")
    .optional(),
);

// A reminder setting: a string read by `parse`, which returns null (or undefined) when it does not read.
// "off" turns off what may be turned off (the digest, the officers' summary).
const reminderSetting = <T>(
  fallback: string,
  parse: (text: string) => T,
  message: string,
  mayBeOff = false,
) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default(fallback)
      .refine((text) => parse(text) != null || (mayBeOff && text.trim().toLowerCase() === "off"), message),
  );

// A whole number between min and max, `fallback` when unset; one message for every way it is wrong.
const wholeNumber = (min: number, max: number, fallback: number, message: string) =>
  z.preprocess(
    emptyToUndefined,
    z.coerce.number().int(message).min(min, message).max(max, message).default(fallback),
  );

/** The environment variables the assistant reads. */
export const configSchema = z.object({
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(
        /^postgres(ql)?:\/\/.+/,
        "is not a postgres:// URL: set it like postgres://user@host:5432/db, or unset it to use the embedded database",
      )
      .optional(),
  ),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default("./data")),
  TZ: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default("Asia/Ho_Chi_Minh")
      .refine(isKnownTimeZone, "is not a known IANA time zone such as Asia/Ho_Chi_Minh"),
  ),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ),
  THIDUA_SCHOOL_CALENDAR: z.preprocess(emptyToUndefined, z.string().optional()),
  THIDUA_MODEL_CACHE: z.preprocess(emptyToUndefined, z.string().optional()),
  THIDUA_TODAY: z.preprocess(
    emptyToUndefined,
    z.string().refine(isRealDate, "must be a real date written yyyy-mm-dd, e.g. 2023-05-10").optional(),
  ),
  THIDUA_SECRET_KEY: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .min(16, "must be at least 16 characters: it seals the platform tokens kept in the database")
      .optional(),
  ),
  PORT: wholeNumber(0, 65535, 3000, "must be a port number, 1-65535 (0 takes any free port)"),
  PUBLIC_URL: optionalUrl,
  TELEGRAM_BOT_TOKEN: optionalText,
  TELEGRAM_MODE: receiveMode,
  TELEGRAM_WEBHOOK_SECRET: webhookSecret,
  TELEGRAM_API_ROOT: optionalUrl,
  ZALO_BOT_TOKEN: optionalText,
  ZALO_BOT_MODE: receiveMode,
  ZALO_BOT_WEBHOOK_SECRET: webhookSecret,
  ZALO_BOT_API_ROOT: optionalUrl,
  ZALO_OA_APP_ID: optionalText,
  ZALO_OA_SECRET_KEY: optionalText,
  ZALO_OA_REFRESH_TOKEN: optionalText,
  ZALO_OA_WEBHOOK_SECRET: optionalText,
  ZALO_OA_API_ROOT: optionalUrl,
  ZALO_OA_OAUTH_ROOT: optionalUrl,
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: optionalUrl,
  REMINDERS: z.preprocess(
    emptyToUndefined,
    z.enum(["on", "off"], { error: "must be on or off" }).default("on"),
  ),
  REMINDER_CRON: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default("*/5 * * * *")
      .refine(isCronExpression, "is not a cron expression such as */5 * * * * (every five minutes)"),
  ),
  REMINDER_DAYS_BEFORE: reminderSetting(
    "7,3,1,0",
    (t) => parseDayList(t, 90),
    "must be days before the due date separated by commas, such as 7,3,1,0",
  ),
  REMINDER_TIME: reminderSetting("08:00", parseTimeOfDay, "must be a time of day such as 08:00"),
  REMINDER_OVERDUE_DAYS: reminderSetting(
    "1",
    (t) => parseDayList(t, 30),
    "must be days after the due date separated by commas, such as 1 or 1,3",
  ),
  REMINDER_DIGEST: reminderSetting(
    "MON 07:30",
    parseDigest,
    "must be a weekday and a time such as MON 07:30, or off",
    true,
  ),
  REMINDER_OFFICER_SUMMARY: reminderSetting(
    "16:00",
    parseTimeOfDay,
    "must be a time such as 16:00, or off",
    true,
  ),
  REMINDER_QUIET_HOURS: reminderSetting(
    "21:00-07:00",
    parseQuietHours,
    "must be two times such as 21:00-07:00",
  ),
  REMINDER_HOLIDAYS: reminderSetting(
    "",
    parseHolidays,
    "must be days off separated by commas, such as 2026-04-27,2026-09-01",
  ),
  REMINDER_WINDOW_HOURS: wholeNumber(1, 168, 12, "must be a number of hours, 1-168"),
  REGISTRATION_DRAFT_DAYS: wholeNumber(2, 90, 7, "must be a number of days, 2-90"),
  REGISTRATION_RULES: z.preprocess(emptyToUndefined, z.string().optional()),
});

export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  timeZone: string;
  logLevel: z.infer<typeof configSchema>["LOG_LEVEL"];
  today: string | undefined;
  /** JSON file overriding the school calendar's defaults, if any. */
  schoolCalendarFile: string | undefined;
  /** The office's registration rules (JSON), applied over the built-in ones. */
  registrationRulesFile: string | undefined;
  /** Folder where the trained intent model is kept between starts (DATA_DIR/cache by default). */
  modelCacheDir: string;
  /** Seals what is kept encrypted at rest (the Zalo OA tokens). */
  secretKey: string | undefined;
  /** The HTTP server of `thidua serve`: its port and, when given, the public address platforms call. */
  server: { port: number; publicUrl: string | undefined };
  /** The platforms whose variables are set; none means `npm start` is the console. */
  platforms: PlatformsConfig;
  /** Pushed reminders: whether `thidua serve` runs them, how often, and the office's policy. */
  reminders: { enabled: boolean; cron: string; policy: ReminderPolicy };
}

export type ReceiveMode = "webhook" | "polling";

/** Telegram's and the Zalo Bot Platform's settings: the same Bot-API-like pair of doors. */
export interface BotPlatformConfig {
  token: string;
  mode: ReceiveMode;
  /** Required in webhook mode: the platform sends it back with every update. */
  webhookSecret: string | undefined;
  /** Another API address (a local Bot API server, the test fakes). */
  apiRoot: string | undefined;
}

/** Each configured platform's settings (absent when its token is unset). */
export interface PlatformsConfig {
  telegram?: BotPlatformConfig;
  zaloBot?: BotPlatformConfig;
  zaloOa?: {
    appId: string;
    /** The app's secret key: the `secret_key` of token refreshes. */
    secretKey: string;
    /** The OA secret key of the app's Webhook page, which signs events; the app's secret key when unset. */
    webhookSecret: string;
    /** ZALO_OA_REFRESH_TOKEN: the first refresh token only; its successors are kept in the database. */
    refreshToken: string | undefined;
    apiRoot: string | undefined;
    oauthRoot: string | undefined;
  };
  slack?: {
    botToken: string;
    /** Verifies HTTP requests (POST /slack/events); not needed in Socket Mode. */
    signingSecret: string | undefined;
    /** An xapp- token: Socket Mode, with no public URL and no HTTP route. */
    appToken: string | undefined;
    /** The Web API's base URL (https://slack.com/api/ unless a test points it at a fake). */
    apiUrl: string | undefined;
  };
}

function configProblem(variable: string, message: string): ThiduaError {
  return new ThiduaError(ErrorCode.ConfigInvalid, `${variable} ${message}`, { params: { variable } });
}

// Telegram and the Zalo Bot Platform take the same settings: a webhook needs its secret.
function botPlatform(
  settings: BotPlatformConfig,
  names: { secretVariable: string; modeVariable: string; sender: string },
): BotPlatformConfig {
  if (settings.mode === "webhook" && !settings.webhookSecret)
    throw configProblem(
      names.secretVariable,
      `must be set when ${names.modeVariable}=webhook: ${names.sender} sends it with every update, and updates without it are refused`,
    );
  return settings;
}

// What one variable cannot say alone: a webhook needs its secret, an OA needs its key pair.
function platformsOf(v: z.infer<typeof configSchema>): PlatformsConfig {
  const platforms: PlatformsConfig = {};
  if (v.TELEGRAM_BOT_TOKEN) {
    platforms.telegram = botPlatform(
      {
        token: v.TELEGRAM_BOT_TOKEN,
        mode: v.TELEGRAM_MODE,
        webhookSecret: v.TELEGRAM_WEBHOOK_SECRET,
        apiRoot: v.TELEGRAM_API_ROOT,
      },
      { secretVariable: "TELEGRAM_WEBHOOK_SECRET", modeVariable: "TELEGRAM_MODE", sender: "Telegram" },
    );
  }
  if (v.ZALO_BOT_TOKEN) {
    platforms.zaloBot = botPlatform(
      {
        token: v.ZALO_BOT_TOKEN,
        mode: v.ZALO_BOT_MODE,
        webhookSecret: v.ZALO_BOT_WEBHOOK_SECRET,
        apiRoot: v.ZALO_BOT_API_ROOT,
      },
      { secretVariable: "ZALO_BOT_WEBHOOK_SECRET", modeVariable: "ZALO_BOT_MODE", sender: "Zalo" },
    );
  }
  if (v.ZALO_OA_APP_ID || v.ZALO_OA_SECRET_KEY) {
    if (!v.ZALO_OA_APP_ID)
      throw configProblem(
        "ZALO_OA_APP_ID",
        "must be set with ZALO_OA_SECRET_KEY (the app id of the Zalo app linked to the OA)",
      );
    if (!v.ZALO_OA_SECRET_KEY)
      throw configProblem("ZALO_OA_SECRET_KEY", "must be set with ZALO_OA_APP_ID (the app's secret key)");
    if (!v.THIDUA_SECRET_KEY)
      throw configProblem(
        "THIDUA_SECRET_KEY",
        "must be set for a Zalo Official Account: its tokens are kept encrypted with it",
      );
    platforms.zaloOa = {
      appId: v.ZALO_OA_APP_ID,
      secretKey: v.ZALO_OA_SECRET_KEY,
      webhookSecret: v.ZALO_OA_WEBHOOK_SECRET ?? v.ZALO_OA_SECRET_KEY,
      refreshToken: v.ZALO_OA_REFRESH_TOKEN,
      apiRoot: v.ZALO_OA_API_ROOT,
      oauthRoot: v.ZALO_OA_OAUTH_ROOT,
    };
  }
  if (v.SLACK_BOT_TOKEN) {
    if (!v.SLACK_SIGNING_SECRET && !v.SLACK_APP_TOKEN)
      throw configProblem(
        "SLACK_SIGNING_SECRET",
        "must be set with SLACK_BOT_TOKEN (or SLACK_APP_TOKEN for Socket Mode): requests are verified with it",
      );
    platforms.slack = {
      botToken: v.SLACK_BOT_TOKEN,
      signingSecret: v.SLACK_SIGNING_SECRET,
      appToken: v.SLACK_APP_TOKEN,
      apiUrl: v.SLACK_API_URL,
    };
  }
  return platforms;
}

/** Validates an environment into a Config, or throws a ThiduaError naming the first bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0];
    const variable = String(issue?.path[0] ?? "configuration");
    const message = `${variable} ${issue?.message ?? "is invalid"}`;
    throw new ThiduaError(ErrorCode.ConfigInvalid, message, { params: { variable } });
  }
  const v = result.data;
  return {
    databaseUrl: v.DATABASE_URL,
    dataDir: resolve(v.DATA_DIR),
    timeZone: v.TZ,
    logLevel: v.LOG_LEVEL,
    today: v.THIDUA_TODAY,
    schoolCalendarFile: v.THIDUA_SCHOOL_CALENDAR ? resolve(v.THIDUA_SCHOOL_CALENDAR) : undefined,
    registrationRulesFile: v.REGISTRATION_RULES ? resolve(v.REGISTRATION_RULES) : undefined,
    modelCacheDir: resolve(v.THIDUA_MODEL_CACHE ?? join(v.DATA_DIR, "cache")),
    secretKey: v.THIDUA_SECRET_KEY,
    server: { port: v.PORT, publicUrl: v.PUBLIC_URL?.replace(/\/+$/, "") },
    platforms: platformsOf(v),
    reminders: { enabled: v.REMINDERS === "on", cron: v.REMINDER_CRON, policy: reminderPolicyOf(v) },
  };
}

// Each value was checked by the schema: what is read here reads.
function reminderPolicyOf(v: z.infer<typeof configSchema>): ReminderPolicy {
  const off = (text: string) => text.trim().toLowerCase() === "off";
  const quiet = parseQuietHours(v.REMINDER_QUIET_HOURS) ?? { from: 21 * 60, to: 7 * 60 };
  return {
    daysBefore: parseDayList(v.REMINDER_DAYS_BEFORE, 90) ?? [],
    at: parseTimeOfDay(v.REMINDER_TIME) ?? 8 * 60,
    overdueDaysAfter: parseDayList(v.REMINDER_OVERDUE_DAYS, 30) ?? [],
    digest: off(v.REMINDER_DIGEST) ? null : (parseDigest(v.REMINDER_DIGEST) ?? null),
    officerSummaryAt: off(v.REMINDER_OFFICER_SUMMARY) ? null : parseTimeOfDay(v.REMINDER_OFFICER_SUMMARY),
    hours: {
      quietFrom: quiet.from,
      quietTo: quiet.to,
      timeZone: v.TZ,
      extraHolidays: parseHolidays(v.REMINDER_HOLIDAYS) ?? [],
    },
    windowMinutes: v.REMINDER_WINDOW_HOURS * 60,
    draftDays: v.REGISTRATION_DRAFT_DAYS,
  };
}

/** Reads the process environment, after an optional .env file in the working directory. */
export function loadConfig(options: { envFile?: string; env?: NodeJS.ProcessEnv } = {}): Config {
  const envFile = options.envFile ?? ".env";
  const env = options.env ?? process.env;
  // The file fills only what the real environment leaves unset, as with any dotenv loader.
  if (env === process.env && existsSync(envFile)) process.loadEnvFile(envFile);
  return parseConfig(env);
}
