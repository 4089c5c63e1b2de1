import { type Assistant, createAssistant } from "../../bot/index.js";
import {
  type Clock,
  type Config,
  createLogger,
  type Database,
  fixedClock,
  type Logger,
  loadConfig,
  loadSchoolCalendar,
  openDatabase,
  type SchoolCalendar,
  systemClock,
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
