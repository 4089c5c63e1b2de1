// npm run eval:plans — recall and precision of deadlines (kind, start, due) and dossier items over
// the sample plans in ../shared/plans (or --plans DIR), against their expected/*.json.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { createSchoolCalendar, extractPlan } from "../src/core/index.js";
import { type ExpectedPlan, type PlanScore, scorePlan } from "./plan-accuracy.js";

const { values } = parseArgs({ options: { plans: { type: "string", default: "../shared/plans" } } });
const dir = resolve(values.plans ?? "../shared/plans");
const calendar = createSchoolCalendar();
const scores: PlanScore[] = [];
for (const name of readdirSync(join(dir, "expected"))
  .filter((f) => f.endsWith(".json"))
  .sort()) {
  const expected = JSON.parse(readFileSync(join(dir, "expected", name), "utf8")) as ExpectedPlan;
  const text = readFileSync(join(dir, expected.file), "utf8");
  scores.push(scorePlan(expected, extractPlan(text, { calendar })));
}

const pct = (n: number, d: number) => (d === 0 ? "100.0%" : `${((100 * n) / d).toFixed(1)}%`);
const sum = (pick: (s: PlanScore) => { expected: number; found: number; right: number }) =>
  scores.reduce(
    (t, s) => ({
      expected: t.expected + pick(s).expected,
      found: t.found + pick(s).found,
      right: t.right + pick(s).right,
    }),
    { expected: 0, found: 0, right: 0 },
  );
for (const s of scores) {
  console.log(
    `${s.file.padEnd(28)} deadlines ${s.deadlines.right}/${s.deadlines.expected} right, ${s.deadlines.found} found · items ${s.items.right}/${s.items.expected} right, ${s.items.found} found`,
  );
}
const d = sum((s) => s.deadlines);
const i = sum((s) => s.items);
console.log(
  `deadlines (kind, start, due): recall ${pct(d.right, d.expected)}, precision ${pct(d.right, d.found)}`,
);
console.log(`requirement items: recall ${pct(i.right, i.expected)}, precision ${pct(i.right, i.found)}`);
