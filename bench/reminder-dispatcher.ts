// One dispatcher process for `npm run bench -- reminders-crash`: sends the outbox's due reminders through
// Telegram (TELEGRAM_API_ROOT: the bench's fake) until none is left, then exits. THIDUA_BENCH_CLOCK_OFFSET_MS
// moves its clock forward, so a restart sees the claims of the dispatcher that was killed as stale.

import { deliverThrough } from "../src/app/reminders/deliver-reminders.js";
import { createAdapters } from "../src/app/serve/create-adapters.js";
import { createAssistant } from "../src/bot/index.js";
import {
  createSchoolCalendar,
  dispatchReminders,
  loadConfig,
  memoryPlatformState,
  openDatabase,
  silentLogger,
} from "../src/core/index.js";

const offset = Number(process.env.THIDUA_BENCH_CLOCK_OFFSET_MS ?? 0);
const now = () => new Date(Date.now() + offset);
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const log = silentLogger();
const assistant = createAssistant({
  db: database.db,
  clock: { now },
  config,
  log,
  calendar: createSchoolCalendar(),
});
const adapters = await createAdapters(config.platforms, {
  assistant,
  state: memoryPlatformState({ now }),
  now,
  log,
  track: () => {},
  publicUrl: undefined,
});
process.stdout.write("dispatching\n");
const report = await dispatchReminders(database.db, {
  now,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  deliver: deliverThrough(new Map(adapters.map((a) => [a.platform, a])), assistant),
});
process.stdout.write(`${JSON.stringify(report)}\n`);
await database.close();
