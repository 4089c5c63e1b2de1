import { type Assistant, createAssistant, type LocalSession } from "../bot/index.js";
import {
  type Clock,
  type Config,
  createLogger,
  type Database,
  ErrorCode,
  fixedClock,
  isRealDate,
  type Logger,
  loadConfig,
  loadRegistrationRules,
  loadSchoolCalendar,
  openDatabase,
  type SchoolCalendar,
  systemClock,
  ThiduaError,
} from "../core/index.js";

/** Everything a command or a server runs on, built from the configuration. */
export interface App {
  config: Config;
  log: Logger;
  clock: Clock;
  calendar: SchoolCalendar;
  database: Database;
  assistant: Assistant;
}

export interface AppOptions {
  /** The environment to read the configuration from. */
  env: NodeJS.ProcessEnv;
  /** `--today`: pins the day, as THIDUA_TODAY does. */
  today?: string | undefined;
  /** Build the assistant for the person at this terminal (see LocalSession); absent, for chat accounts. */
  session?: LocalSession | undefined;
}

/**
 * The one place that builds the app: configuration → log → clock → school calendar → database →
 * assistant. Runs `run` with it and always closes the database, after what the assistant left to
 * store is stored.
 */
export async function withApp<T>(options: AppOptions, run: (app: App) => Promise<T>): Promise<T> {
  const config = loadConfig({ env: options.env });
  // --today is checked as THIDUA_TODAY is: 2023-02-31 is refused, not read as 03/03.
  if (options.today !== undefined && !isRealDate(options.today)) {
    throw new ThiduaError(ErrorCode.InputInvalid, `--today ${options.today} is not a real date`, {
      messageKey: "errors.bad_today",
      params: { value: options.today },
    });
  }
  const today = options.today ?? config.today;
  const log = createLogger({ level: config.logLevel });
  const clock = today ? fixedClock(today) : systemClock;
  const calendar = loadSchoolCalendar(config.schoolCalendarFile);
  const registrationRules = loadRegistrationRules(config.registrationRulesFile);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const assistant = createAssistant({
    db: database.db,
    clock,
    config,
    log,
    calendar,
    registrationRules,
    ...(options.session ? { session: options.session } : {}),
  });
  try {
    return await run({ config, log, clock, calendar, database, assistant });
  } finally {
    await assistant.settled();
    await database.close();
  }
}
