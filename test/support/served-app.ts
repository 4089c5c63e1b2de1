import type { App } from "../../src/app/build-app.js";
import { type RunningServer, startServer } from "../../src/app/serve/start-server.js";
import { createAssistant } from "../../src/bot/index.js";
import {
  type Clock,
  createSchoolCalendar,
  type Database,
  fixedClock,
  silentLogger,
} from "../../src/core/index.js";
import { testConfig } from "./config.js";

export interface ServedApp {
  app: App;
  server: RunningServer;
  /** http://127.0.0.1:PORT of our server. */
  url: string;
  stop(): Promise<void>;
}

/**
 * `thidua serve` in-process on a test database: the assistant over `database`, the platforms `env`
 * configures (pointed at fakes by their *_API_ROOT variables), on a free loopback port.
 */
export async function startServedApp(
  database: Database,
  env: Record<string, string>,
  options: { today?: string; clock?: Clock } = {},
): Promise<ServedApp> {
  // Reminder ticks run only where a test asks for them (REMINDERS=on).
  const config = testConfig({ REMINDERS: "off", ...env });
  const clock = options.clock ?? fixedClock(options.today ?? "2023-05-10");
  const calendar = createSchoolCalendar();
  const log = silentLogger();
  const assistant = createAssistant({ db: database.db, clock, config, log, calendar });
  const app: App = { config, log, clock, calendar, database, assistant };
  const server = await startServer(app, { host: "127.0.0.1", port: 0 });
  // Stopping twice (a test, then its afterEach) stops once.
  let stopped: Promise<void> | undefined;
  return {
    app,
    server,
    url: `http://127.0.0.1:${server.port}`,
    stop() {
      stopped ??= server.stop().then(() => assistant.settled());
      return stopped;
    },
  };
}
