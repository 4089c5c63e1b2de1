import { type Assistant, createAssistant } from "../../bot/index.js";
import {
  type Clock,
  type Config,
  createLogger,
  type Database,
  ErrorCode,
  fixedClock,
  isRealIsoDay,
  type Logger,
  loadConfig,
  loadSchoolCalendar,
  openDatabase,
  type SchoolCalendar,
  systemClock,
  ThiduaError,
} from "../../core/index.js";

export interface Runtime {
  config: Config;
  log: Logger;
  clock: Clock;
  calendar: SchoolCalendar;
  database: Database;
  assistant: Assistant;
}

/** Builds config, log, clock, database and assistant for one command, and always closes the database. */
export async function withRuntime<T>(
  overrides: { today?: string | undefined },
  run: (runtime: Runtime) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  // --today is checked as THIDUA_TODAY is: 2023-02-31 is refused, not read as 03/03.
  if (overrides.today !== undefined && !isRealIsoDay(overrides.today)) {
    throw new ThiduaError(ErrorCode.InputInvalid, `--today ${overrides.today} is not a real date`, {
      messageKey: "errors.bad_today",
      params: { value: overrides.today },
    });
  }
  const today = overrides.today ?? config.today;
  const log = createLogger({ level: config.logLevel });
  const clock = today ? fixedClock(today) : systemClock;
  const calendar = loadSchoolCalendar(config.schoolCalendarFile);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const assistant = createAssistant({ db: database.db, clock, config, log, calendar });
  try {
    return await run({ config, log, clock, calendar, database, assistant });
  } finally {
    await assistant.settled();
    await database.close();
  }
}
