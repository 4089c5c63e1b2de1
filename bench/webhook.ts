// npm run bench -- webhook [--duration S] [--connections N]: `thidua serve` (compiled, its own process,
// the embedded database or DATABASE_URL) with the Telegram webhook, driven on loopback by autocannon
// with real updates carrying questions; a local Telegram Bot API takes the answers. Prints the route's
// sustained requests/s and latency, and how fast answers reached Telegram. Run `npm run build` first.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { startTelegramFake } from "../test/support/fakes/telegram-fake.js";
import { textUpdate } from "../test/support/fakes/telegram-updates.js";
import { createScratchPostgres } from "../test/support/scratch-postgres.js";

const binary = fileURLToPath(new URL("../bin/thidua.js", import.meta.url));
const token = "123456:bench";
const secret = "bench_secret";

// Our own phrasings, as focal persons type them: with and without diacritics, English, short.
const questions = [
  "hạn nộp hồ sơ thi đua cuối năm là ngày nào",
  "thang nay co viec gi phai nop k",
  "hồ sơ khen thưởng gồm những gì vậy ạ",
  "gui ho so ve dau",
  "what is due next month?",
  "ai phụ trách thi đua khối tiểu học",
  "tuần tới bên em có mốc nộp nào ko",
  "xin chào",
];

function waitForLine(child: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolvePort, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = pattern.exec(out);
      if (match) resolvePort(match);
    });
    child.once("exit", (code) => reject(new Error(`thidua serve exited with ${code}: ${out}`)));
  });
}

/** Runs the webhook bench with the given load; prints the figures. */
export async function benchWebhook(options: { duration: number; connections: number; plans: string }) {
  const dir = mkdtempSync(join(tmpdir(), "thidua-bench-webhook-"));
  const fake = await startTelegramFake({ token });
  // A database of its own: a second run's update ids would otherwise be taken for redeliveries.
  const scratch = process.env.DATABASE_URL ? await createScratchPostgres() : undefined;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    DATA_DIR: join(dir, "data"),
    LOG_LEVEL: "warn",
    THIDUA_TODAY: "2023-05-10",
    ...(scratch ? { DATABASE_URL: scratch.url } : {}),
  };
  // THIDUA_BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server alone.
  const nodeArgs = process.env.THIDUA_BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const plansDir = resolve(options.plans);
  const plan = readdirSync(plansDir).find((f) => f.endsWith(".txt"));
  if (!plan) throw new Error("no .txt plan to import");
  const imported = spawnSync(
    process.execPath,
    [binary, "plan", "import", join(plansDir, plan), "--publish"],
    {
      env,
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  if (imported.status !== 0) throw new Error(`plan import failed: ${imported.stderr}`);

  const server = spawn(process.execPath, [...nodeArgs, binary, "serve"], {
    env: {
      ...env,
      PORT: "0",
      TELEGRAM_BOT_TOKEN: token,
      TELEGRAM_MODE: "webhook",
      TELEGRAM_WEBHOOK_SECRET: secret,
      TELEGRAM_API_ROOT: fake.apiRoot,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    const [, port] = await waitForLine(server, /(?:port|cổng) (\d+)/);
    const url = `http://127.0.0.1:${port}/telegram/webhook`;
    let updateId = 0;
    const post = (connections: number, duration: number) =>
      autocannon({
        url,
        connections,
        duration,
        requests: [
          {
            method: "POST",
            headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret },
            setupRequest: (request) => {
              updateId++;
              const update = textUpdate({
                updateId,
                userId: 1000 + (updateId % 200),
                text: questions[updateId % questions.length] ?? "xin chào",
              });
              return { ...request, body: JSON.stringify(update) };
            },
          },
        ],
      });
    // Warm-up: the model, the published plans and V8's optimiser, not counted.
    await post(4, 3);
    await waitAnswered(updateId, 60_000);
    const answeredBefore = fake.callsTo("sendMessage").length;
    const firstUpdate = updateId + 1;
    const started = Date.now();
    const result = await post(options.connections, options.duration);
    const accepted = result["2xx"];
    const sent = updateId - firstUpdate + 1;
    const drained = await waitAnswered(updateId, 120_000);
    const answers = fake.callsTo("sendMessage").slice(answeredBefore);
    const lastAnswerAt = answers.reduce((latest, call) => Math.max(latest, call.at), started);
    const answerSeconds = (lastAnswerAt - started) / 1000;
    console.log(
      `webhook bench: Node ${process.version}, ${cpus().length} cores, ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}, ${options.connections} connections for ${options.duration} s`,
    );
    console.log(
      `route: ${result.requests.average.toFixed(0)} requests/s sustained (${accepted} answered 200 of ${sent}, ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts)`,
    );
    console.log(
      `route latency: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
    );
    console.log(
      `answers sent to Telegram: ${answers.length} in ${answerSeconds.toFixed(1)} s = ${(answers.length / answerSeconds).toFixed(0)} answers/s${drained ? "" : " (not all answered within 2 minutes)"}`,
    );
  } finally {
    server.kill("SIGTERM");
    await new Promise((done) => server.once("exit", done));
    await fake.close();
    await scratch?.drop();
    rmSync(dir, { recursive: true, force: true });
  }

  // As many messages sent as updates posted: these questions' answers fit in one message each.
  async function waitAnswered(last: number, timeoutMs: number): Promise<boolean> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (fake.callsTo("sendMessage").length >= last) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return false;
  }
}
