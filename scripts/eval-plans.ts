// npm run eval:plans — recall and precision of deadlines (kind, start, due) and dossier items over
// the sample plans in ../shared/plans (or --plans DIR), against their expected/*.json, read three
// ways: the text itself, a Word file and a PDF made from it (the test helpers build them as offices
// do: automatic numbering, tables, running headers). The three extractions must agree, field by
// field (line numbers aside: a PDF paragraph is one line); a difference is a failure (exit 1).
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  createSchoolCalendar,
  extractPlan,
  type PlanExtraction,
  toExpectedShape,
} from "../src/core/index.js";
import { readPlanFile } from "../src/core/plans/read-plan-file.js";
import { planTextToDocx } from "../test/support/build-docx.js";
import { planTextToPdf } from "../test/support/build-pdf.js";
import { type ExpectedPlan, type PlanScore, scorePlan } from "./plan-accuracy.js";

const { values } = parseArgs({ options: { plans: { type: "string", default: "../shared/plans" } } });
const dir = resolve(values.plans ?? "../shared/plans");
const calendar = createSchoolCalendar();
const formats = ["txt", "docx", "pdf"] as const;
type Format = (typeof formats)[number];

async function extractionOf(format: Format, text: string, file: string): Promise<PlanExtraction> {
  if (format === "txt") return extractPlan(text, { calendar });
  const bytes =
    format === "docx" ? await planTextToDocx(text, { numbering: true }) : await planTextToPdf(text);
  const read = await readPlanFile({ name: file.replace(/\.\w+$/, `.${format}`), bytes });
  return extractPlan(read.text, { calendar });
}

// The extraction without where things were (line numbers differ by format, nothing else may).
const comparable = (extraction: PlanExtraction, file: string) =>
  JSON.stringify(toExpectedShape(extraction, file), (key, value) => (key === "line" ? undefined : value));

const scores: Record<Format, PlanScore[]> = { txt: [], docx: [], pdf: [] };
const differences: string[] = [];
for (const name of readdirSync(join(dir, "expected"))
  .filter((f) => f.endsWith(".json"))
  .sort()) {
  const expected = JSON.parse(readFileSync(join(dir, "expected", name), "utf8")) as ExpectedPlan;
  const text = readFileSync(join(dir, expected.file), "utf8");
  const extractions = {} as Record<Format, PlanExtraction>;
  for (const format of formats) {
    extractions[format] = await extractionOf(format, text, expected.file);
    scores[format].push(scorePlan(expected, extractions[format], { byLine: format === "txt" }));
  }
  for (const format of ["docx", "pdf"] as const) {
    if (comparable(extractions[format], expected.file) !== comparable(extractions.txt, expected.file))
      differences.push(`${expected.file}: the .${format} extraction differs from the text's`);
  }
}

const pct = (n: number, d: number) => (d === 0 ? "100.0%" : `${((100 * n) / d).toFixed(1)}%`);
const sum = (list: PlanScore[], pick: (s: PlanScore) => { expected: number; found: number; right: number }) =>
  list.reduce(
    (t, s) => ({
      expected: t.expected + pick(s).expected,
      found: t.found + pick(s).found,
      right: t.right + pick(s).right,
    }),
    { expected: 0, found: 0, right: 0 },
  );
const cell = (s: PlanScore) =>
  `d ${s.deadlines.right}/${s.deadlines.expected} (${s.deadlines.found}) · i ${s.items.right}/${s.items.expected} (${s.items.found})`;
console.log(`${"plan".padEnd(28)} ${formats.map((f) => f.padEnd(30)).join(" ")}`);
scores.txt.forEach((s, n) => {
  console.log(`${s.file.padEnd(28)} ${formats.map((f) => cell(scores[f][n] ?? s).padEnd(30)).join(" ")}`);
});
for (const format of formats) {
  const d = sum(scores[format], (s) => s.deadlines);
  const i = sum(scores[format], (s) => s.items);
  console.log(
    `${format.padEnd(4)} deadlines (kind, start, due): recall ${pct(d.right, d.expected)}, precision ${pct(d.right, d.found)}; requirement items: recall ${pct(i.right, i.expected)}, precision ${pct(i.right, i.found)}`,
  );
}
if (differences.length) {
  for (const line of differences) console.log(line);
  process.exitCode = 1;
} else {
  console.log("the .docx and .pdf extractions equal the text's for every plan");
}
