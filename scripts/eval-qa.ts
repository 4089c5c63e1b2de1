// npm run eval:qa — answers the dev question set in-process and prints intent accuracy, period
// accuracy, the share of answers fully right (intent, period, every expected string, no excluded one)
// and latency p50/p95.
import { readFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { parseArgs } from "node:util";
import { readQuestions, runEval } from "../src/adapters/cli/eval-command.js";

const { values } = parseArgs({
  options: {
    input: { type: "string", default: "../shared/eval/questions.dev.jsonl" },
    plans: { type: "string", default: "../shared/plans" },
    verbose: { type: "boolean", default: false },
    units: { type: "string" },
  },
});
interface Expect {
  intent: string;
  period?: [string, string];
  answerContains?: string[];
  answerExcludes?: string[];
}
const text = readFileSync(resolve(values.input ?? ""), "utf8");
const expects = new Map(
  text
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { id: string; expect: Expect })
    .map((q) => [q.id, q.expect]),
);
const units = values.units
  ? { name: basename(values.units), bytes: new Uint8Array(readFileSync(values.units)) }
  : undefined;
const answers = await runEval(readQuestions(text), resolve(values.plans ?? ""), units);

let intentRight = 0;
let periodRight = 0;
let periodAsked = 0;
let fullyRight = 0;
for (const a of answers) {
  const e = expects.get(a.id);
  if (!e) continue;
  const intentOk = a.intent === e.intent;
  const periodOk = e.period ? a.period?.start === e.period[0] && a.period?.end === e.period[1] : true;
  const missing = (e.answerContains ?? []).filter((s) => !a.answer.includes(s));
  const unwanted = (e.answerExcludes ?? []).filter((s) => a.answer.includes(s));
  if (intentOk) intentRight++;
  if (e.period) {
    periodAsked++;
    if (periodOk) periodRight++;
  }
  const ok = intentOk && periodOk && !missing.length && !unwanted.length;
  if (ok) fullyRight++;
  else if (values.verbose) {
    console.log(`✗ ${a.id} intent ${a.intent}${intentOk ? "" : ` (want ${e.intent})`}`);
    if (!periodOk) console.log(`    period ${JSON.stringify(a.period)} want ${e.period}`);
    if (missing.length) console.log(`    missing ${JSON.stringify(missing)}`);
    if (unwanted.length) console.log(`    unwanted ${JSON.stringify(unwanted)}`);
  }
}
const ms = answers.map((a) => a.ms).sort((x, y) => x - y);
const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] ?? 0;
const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)}%`;
console.log(`questions: ${answers.length}`);
console.log(`intent accuracy: ${pct(intentRight, answers.length)} (${intentRight}/${answers.length})`);
console.log(`period accuracy: ${pct(periodRight, periodAsked)} (${periodRight}/${periodAsked})`);
console.log(`fully right: ${pct(fullyRight, answers.length)} (${fullyRight}/${answers.length})`);
console.log(`latency in-process: p50 ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms`);
