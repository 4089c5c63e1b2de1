// npm run bench -- <name>: prints measured figures; never asserts on time.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import postgres from "postgres";
import {
  createSchoolCalendar,
  type Database,
  extractPlan,
  fixedClock,
  importPlan,
  importUnits,
  openDatabase,
  readUnitFile,
  terminalAdministrator,
} from "../src/core/index.js";
import { readQuestions, runEval } from "../src/eval/run-eval.js";
import { nationalUnitFile } from "../test/support/national-units.js";

const binary = fileURLToPath(new URL("../bin/thidua.js", import.meta.url));

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    plans: { type: "string", default: "../shared/plans" },
    rounds: { type: "string", default: "50" },
    repeat: { type: "string", default: "3" },
    units: { type: "string", default: "50000" },
    duration: { type: "string", default: "15" },
    connections: { type: "string", default: "20" },
    kills: { type: "string", default: "100" },
  },
});

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? 0 };
}

async function benchImport() {
  const dir = resolve(values.plans ?? "../shared/plans");
  const rounds = Number(values.rounds);
  const calendar = createSchoolCalendar();
  const files = readdirSync(dir)
    .filter((f) => /\.(txt|md)$/.test(f) && f !== "README.md")
    .sort();
  const db = await openDatabase({ dataDir: "memory://" });
  console.log(
    `import bench: ${rounds} rounds per document after 10 warm-up rounds (Node ${process.version})`,
  );
  console.log("document                      extract median / p95      import into PGlite median / p95");
  try {
    for (const file of files) {
      const bytes = readFileSync(join(dir, file));
      const text = bytes.toString("utf8");
      for (let i = 0; i < 10; i++) extractPlan(text, { calendar });
      const extractTimes: number[] = [];
      for (let i = 0; i < rounds; i++) {
        const t0 = performance.now();
        extractPlan(text, { calendar });
        extractTimes.push(performance.now() - t0);
      }
      // Each round stores a fresh plan: the bytes differ by a trailing newline count so the hash differs.
      const importTimes: number[] = [];
      for (let i = 0; i < Math.min(rounds, 20); i++) {
        const variant = Buffer.concat([bytes, Buffer.from("\n".repeat(i + 1))]);
        const t0 = performance.now();
        await importPlan(
          db.db,
          { name: file, bytes: variant },
          { calendar, clock: fixedClock("2024-01-01") },
        );
        importTimes.push(performance.now() - t0);
      }
      const e = stats(extractTimes);
      const s = stats(importTimes);
      console.log(
        `${file.padEnd(28)}  ${e.median.toFixed(2).padStart(6)} ms / ${e.p95.toFixed(2).padStart(6)} ms     ${s.median.toFixed(1).padStart(6)} ms / ${s.p95.toFixed(1).padStart(6)} ms`,
      );
    }
  } finally {
    await db.close();
  }
}

// The answer path as a person meets it: every question of the question sets, asked `--repeat` times
// in-process on the embedded database, timed from the message to the reply.
async function benchAnswers() {
  const repeat = Number(values.repeat);
  const sets = [
    "../shared/eval/questions.dev.jsonl",
    "../shared/eval/questions.dev2.jsonl",
    "eval/questions.team.jsonl",
  ];
  const questions = sets.flatMap((file) => readQuestions(readFileSync(resolve(file), "utf8")));
  const times: number[] = [];
  for (let round = 0; round < repeat; round++) {
    const answers = await runEval(questions, resolve(values.plans ?? "../shared/plans"));
    times.push(...answers.map((a) => a.ms));
  }
  const s = stats(times);
  console.log(
    `answers bench: ${questions.length} questions × ${repeat} (Node ${process.version}): p50 ${s.median.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms, max ${s.max.toFixed(1)} ms`,
  );
}

// A national unit tree (a Sở, ~700 Phòng, schools in khối under them, a focal person each) read and
// imported as `thidua units import` does it, into a fresh embedded database on disk and, when
// DATABASE_URL is set, into a throw-away PostgreSQL database; then the same file again.
async function benchUnits() {
  const count = Number(values.units);
  const file = nationalUnitFile(count);
  const seconds = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);
  console.log(
    `units bench: ${count} units, ${(file.bytes.length / 1024 / 1024).toFixed(1)} MB of CSV (Node ${process.version})`,
  );
  const t0 = performance.now();
  const rows = await readUnitFile(file);
  console.log(`reading and checking the file: ${seconds(t0)} s`);
  const run = async (label: string, database: Database) => {
    const first = performance.now();
    const added = await importUnits(database.db, rows, terminalAdministrator(), new Date());
    const firstSeconds = seconds(first);
    const again = performance.now();
    const second = await importUnits(database.db, rows, terminalAdministrator(), new Date());
    console.log(
      `${label.padEnd(10)} first import ${firstSeconds} s (${added.added.length} added, ${added.groups} khối/cụm, ${added.focalPersons} focal persons); ` +
        `re-import ${seconds(again)} s (${second.added.length} added, ${second.changed.length} changed, ${second.removed.length} removed)`,
    );
  };

  const dataDir = mkdtempSync(join(tmpdir(), "thidua-bench-"));
  try {
    const database = await openDatabase({ dataDir });
    try {
      await run("PGlite", database);
    } finally {
      await database.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }

  const base = process.env.DATABASE_URL;
  if (!base) {
    console.log("PostgreSQL: skipped (set DATABASE_URL to a server where a database may be created)");
    return;
  }
  const name = `thidua_bench_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(base, { onnotice: () => {}, max: 1 });
  await admin.unsafe(`create database "${name}"`);
  try {
    const url = new URL(base);
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString(), dataDir: "memory://" });
    try {
      await run("PostgreSQL", database);
    } finally {
      await database.close();
    }
  } finally {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end({ timeout: 5 });
  }
}

/** Runs `node bin/thidua.js ARGS` to the end; returns the wall-clock milliseconds. */
function timeBinary(args: string[], env: Record<string, string>): number {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, [binary, ...args], {
    env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const ms = performance.now() - t0;
  if (run.status !== 0) throw new Error(`thidua ${args.join(" ")} failed: ${run.stderr}`);
  return ms;
}

// How fast the compiled command starts, as a person at a terminal waits for it: `thidua help`, and
// `thidua plan list` on an embedded database that already holds a plan. Run `npm run build` first.
async function benchStart() {
  if (!existsSync(new URL("../dist/app/cli/main.js", import.meta.url))) {
    console.error("dist/ is missing: run `npm run build` first");
    process.exitCode = 1;
    return;
  }
  const repeat = Number(values.repeat) * 5;
  const dir = mkdtempSync(join(tmpdir(), "thidua-bench-start-"));
  const env = { DATA_DIR: join(dir, "data") };
  try {
    const plan = readdirSync(resolve(values.plans ?? "../shared/plans")).find((f) => f.endsWith(".txt"));
    if (!plan) throw new Error("no .txt plan to import");
    const first = timeBinary(["plan", "import", join(resolve(values.plans ?? "../shared/plans"), plan)], env);
    console.log(`start bench: ${repeat} runs each, Node ${process.version}, ${cpus().length} cores`);
    console.log(
      `first run (creates and migrates the embedded database, imports a plan): ${first.toFixed(0)} ms`,
    );
    for (const args of [["help"], ["plan", "list"]]) {
      const times = Array.from({ length: repeat }, () => timeBinary(args, env));
      const { median, p95, max } = stats(times);
      console.log(
        `thidua ${args.join(" ").padEnd(10)} median ${(median / 1000).toFixed(2)} s, p95 ${(p95 / 1000).toFixed(2)} s, max ${(max / 1000).toFixed(2)} s`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const benches: Record<string, () => Promise<void>> = {
  import: benchImport,
  start: benchStart,
  answers: benchAnswers,
  units: benchUnits,
  webhook: async () =>
    (await import("./webhook.js")).benchWebhook({
      duration: Number(values.duration),
      connections: Number(values.connections),
      plans: values.plans ?? "../shared/plans",
    }),
  "reminders-crash": async () =>
    (await import("./reminders-crash.js")).benchReminderCrashes(Number(values.kills)),
};
const name = positionals[0] ?? "import";
const bench = benches[name];
if (!bench) {
  console.error(`unknown bench ${name}; known: ${Object.keys(benches).join(", ")}`);
  process.exitCode = 2;
} else {
  await bench();
}
