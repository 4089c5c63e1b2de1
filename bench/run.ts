// npm run bench -- <name>: prints measured figures; never asserts on time.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import {
  createSchoolCalendar,
  extractPlan,
  fixedClock,
  importPlan,
  openDatabase,
} from "../src/core/index.js";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    plans: { type: "string", default: "../shared/plans" },
    rounds: { type: "string", default: "50" },
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

const benches: Record<string, () => Promise<void>> = { import: benchImport };
const name = positionals[0] ?? "import";
const bench = benches[name];
if (!bench) {
  console.error(`unknown bench ${name}; known: ${Object.keys(benches).join(", ")}`);
  process.exitCode = 2;
} else {
  await bench();
}
