import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";
import { isRealDate } from "../deadlines/calendar-days.js";
import { ErrorCode, ThiduaError } from "../errors.js";

function isKnownTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const emptyToUndefined = (value: unknown) => (value === "" ? undefined : value);

/** The environment variables the assistant reads; platform settings join here as adapters arrive. */
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
});

export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  timeZone: string;
  logLevel: z.infer<typeof configSchema>["LOG_LEVEL"];
  today: string | undefined;
  /** JSON file overriding the school calendar's defaults, if any. */
  schoolCalendarFile: string | undefined;
  /** Folder where the trained intent model is kept between starts (DATA_DIR/cache by default). */
  modelCacheDir: string;
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
    modelCacheDir: resolve(v.THIDUA_MODEL_CACHE ?? join(v.DATA_DIR, "cache")),
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
