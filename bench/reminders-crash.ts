// npm run bench -- reminders-crash [--kills N]: a dispatcher killed with SIGKILL in the middle of a run,
// then restarted, N times over: counts the reminders lost (never sent) and sent twice, which may only be
// the one in flight at each kill. The database is DATABASE_URL's PostgreSQL, or an embedded one in a
// temporary folder; messages go to a local Telegram Bot API.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createIdentity, openDatabase } from "../src/core/index.js";
import { insertOutboxRows } from "../src/core/storage/repositories/reminders.js";
import { startTelegramFake } from "../test/support/fakes/telegram-fake.js";
import { createScratchPostgres } from "../test/support/scratch-postgres.js";

const child = fileURLToPath(new URL("./reminder-dispatcher.ts", import.meta.url));
const token = "123456:crash-bench";
const perRound = 30;

function run(env: NodeJS.ProcessEnv): { process: ChildProcess; exited: Promise<number | null> } {
  const proc = spawn(process.execPath, ["--import", "tsx", child], {
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));
  return { process: proc, exited };
}

export async function benchReminderCrashes(kills: number): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "thidua-crash-"));
  const fake = await startTelegramFake({ token });
  // A throw-away database on DATABASE_URL's server, so the bench leaves nothing behind.
  const scratch = process.env.DATABASE_URL ? await createScratchPostgres() : undefined;
  const databaseUrl = scratch?.url;
  const env = {
    ...process.env,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    TELEGRAM_BOT_TOKEN: token,
    TELEGRAM_API_ROOT: fake.apiRoot,
  };
  const engine = process.env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : "PGlite (embedded)";
  const setup = await openDatabase({ databaseUrl, dataDir });
  const identities = [];
  for (let chat = 0; chat < perRound; chat++)
    identities.push(
      await createIdentity(setup.db, { platform: "telegram", externalId: String(900000 + chat) }),
    );
  await setup.close();
  console.log(
    `reminders-crash bench: ${kills} kills, ${perRound} reminders a round, ${engine}, Node ${process.version}`,
  );

  let lost = 0;
  let repeatedBeyondInFlight = 0;
  let repeated = 0;
  let sentTotal = 0;
  let offsetMs = 0;
  const started = Date.now();
  for (let round = 0; round < kills; round++) {
    const db = await openDatabase({ databaseUrl, dataDir });
    const now = new Date(Date.now() + offsetMs);
    await insertOutboxRows(
      db.db,
      identities.map((identity, i) => ({
        idempotencyKey: `crash:${round}:${i}`,
        kind: "digest" as const,
        identityId: identity.id,
        platform: "telegram",
        payload: { kind: "digest", weekStart: "2026-11-23", tasks: [], unit: `crash-${round}-${i}` },
        dueAt: now,
      })),
    );
    await db.close();
    const marker = (text: string) => /crash-\d+-\d+/.exec(text)?.[0];
    const countBefore = fake.callsTo("sendMessage").length;
    // The first dispatcher is killed after it has sent a random share of the round.
    const first = run({ ...env, THIDUA_BENCH_CLOCK_OFFSET_MS: String(offsetMs) });
    const killAfter = 1 + Math.floor(Math.random() * (perRound - 2));
    while (fake.callsTo("sendMessage").length - countBefore < killAfter) {
      const done = await Promise.race([
        first.exited.then(() => true),
        new Promise((r) => setTimeout(() => r(false), 5)),
      ]);
      if (done) break;
    }
    first.process.kill("SIGKILL");
    await first.exited;
    // The restart comes later than the stale-claim delay (five minutes), as after a real crash.
    offsetMs += 10 * 60_000;
    const second = run({ ...env, THIDUA_BENCH_CLOCK_OFFSET_MS: String(offsetMs) });
    await second.exited;
    const deliveries = new Map<string, number>();
    for (const call of fake.callsTo("sendMessage").slice(countBefore)) {
      const key = marker(String(call.params.text));
      if (key?.startsWith(`crash-${round}-`)) deliveries.set(key, (deliveries.get(key) ?? 0) + 1);
    }
    lost += perRound - deliveries.size;
    const twice = [...deliveries.values()].filter((n) => n > 1).length;
    repeated += twice;
    repeatedBeyondInFlight += Math.max(0, twice - 1);
    sentTotal += deliveries.size;
  }
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `${kills} dispatchers killed mid-run and restarted: ${sentTotal}/${kills * perRound} reminders sent, ${lost} lost, ${repeated} sent twice (the one in flight), ${repeatedBeyondInFlight} more than that; ${seconds.toFixed(0)} s`,
  );
  await fake.close();
  await scratch?.drop();
  rmSync(dataDir, { recursive: true, force: true });
}
