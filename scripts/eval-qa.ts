// npm run eval:qa — answers each question set in-process and prints, set by set, intent accuracy,
// period accuracy, the share of answers fully right (intent, period, every expected string, no
// excluded one), a confusion table of intents and latency p50/p95; then the 5-fold cross-validated
// intent accuracy of the corpus itself (folds split by paraphrase family).
// --input FILE answers one file instead; --verbose lists what each wrong answer got wrong (--answers
// with the start of what it said).
import { readFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadCorpus } from "../src/bot/understanding/intent-corpus.js";
import { trainIntentClassifier } from "../src/bot/understanding/intent-model.js";
import { createSchoolCalendar } from "../src/core/index.js";
import { readQuestions, runEval } from "../src/eval/run-eval.js";
import { confusionLines, crossValidate } from "./intent-cross-validation.js";

const { values } = parseArgs({
  options: {
    input: { type: "string", multiple: true },
    plans: { type: "string", default: "../shared/plans" },
    verbose: { type: "boolean", default: false },
    answers: { type: "boolean", default: false },
    units: { type: "string" },
    "no-cv": { type: "boolean", default: false },
  },
});
// The two shared sets measure; the team's held-out sets (team, team2 … team5) were written by someone who saw neither the
// corpus nor them; the team's development sets (dev3 … dev13, plans) were written the same way and their misses are worked on.
const inputs = values.input ?? [
  "../shared/eval/questions.dev.jsonl",
  "../shared/eval/questions.dev2.jsonl",
  "eval/questions.team.jsonl",
  "eval/questions.team2.jsonl",
  "eval/questions.team3.jsonl",
  "eval/questions.team4.jsonl",
  "eval/questions.team5.jsonl",
  // Held out like team … team5, written 28/11 (first run 85 %): never studied.
  "eval/questions.team6.jsonl",
  "eval/questions.dev3.jsonl",
  "eval/questions.dev4.jsonl",
  "eval/questions.dev5.jsonl",
  "eval/questions.dev6.jsonl",
  "eval/questions.dev7.jsonl",
  "eval/questions.dev8.jsonl",
  "eval/questions.dev9.jsonl",
  "eval/questions.dev10.jsonl",
  "eval/questions.dev11.jsonl",
  "eval/questions.dev12.jsonl",
  "eval/questions.dev13.jsonl",
  // Questions on the team's own plans (eval/plans), answered against those plans.
  "eval/questions.plans.jsonl",
  "eval/questions.plans2.jsonl",
  // Held out: 100 questions on eval/plans by a helper who saw only those plans; run, never studied.
  "eval/questions.plans3.jsonl",
  // Plans 105–106 and their 80 questions, by a helper who saw only the samples (first run 70 %; studied).
  "eval/questions.plans4.jsonl",
  // Plans 107–108 (first run 73.3 / 83.3 %; studied) and 109 (first run 68.3 %; studied).
  "eval/questions.plans5.jsonl",
  "eval/questions.plans6.jsonl",
  // Plans 110–111 (first run 55.0 / 68.3 %; studied).
  "eval/questions.plans7.jsonl",
  // Plan 112 (first run 71.7 %; studied).
  "eval/questions.plans8.jsonl",
  // Plan 113: first run 63.3 % on 0e53924 and again unchanged the next session; then studied.
  "eval/questions.plans9.jsonl",
  // Plan 114: a Sở's movement plan with a timeline table in the body; first run 71.7 % on bcdba4d; studied.
  "eval/questions.plans10.jsonl",
  // Plan 115: a Phòng's công văn with dates by level in lettered points; first run 73.3 % on dcb1ebc; studied.
  "eval/questions.plans11.jsonl",
  // Plan 116: a Sở's thông báo with a pipe table of deadlines in the body; first run 66.7 % on edcd9cc,
  // again unchanged on 7107f53; then studied.
  "eval/questions.plans12.jsonl",
  // Plan 117: a Phòng's kế hoạch with a month-by-month timeline and forms by title; first run 65.0 % on 964e92a.
  "eval/questions.plans13.jsonl",
  // Plan 118: a Sở's hướng dẫn in numbered steps ("Bước 1: …"), a dossier table, dates in words and
  // counted in working days; first run 55.0 % on cd93b23 (with c2c40ca's answers), again unchanged on
  // 4ad1ff4; then studied.
  "eval/questions.plans14.jsonl",
  // Plan 119: a Phòng's kế hoạch with a receiving day per cụm, Đợt 1 and Đợt 2, a mailbox per cụm; first
  // run 53.3 % on cd93b23; then studied.
  "eval/questions.plans15.jsonl",
  // Plan 120: a THPT school council's kế hoạch for term II, its timeline as a pipe table with the
  // date first and again in prose, one step due on different days by tổ, dates counted from a meeting;
  // first run 65.0 % on 0e93a58, again unchanged on 231800a; then studied.
  "eval/questions.plans16.jsonl",
  // Plan 121: a commune Phòng Văn hóa - Xã hội's công văn (after the 2025 reform) with a pipe
  // timeline, dates by level in one row, steps counted from a meeting, six dossier lists in five layouts;
  // first run 68.3 % on 0e93a58, again unchanged on 231800a; then studied.
  "eval/questions.plans17.jsonl",
  // Plan 122: a Sở's hướng dẫn on the high awards (Cờ thi đua, Bằng khen Thủ tướng, CSTĐ cấp tỉnh),
  // a tab-separated appendix with two dates in one cell, dossiers in three layouts, five THPT khối in prose;
  // first run 61.7 % on 5ff9c71; studied on 29/11/2026.
  "eval/questions.plans18.jsonl",
  // Plan 123: a city district Phòng's kế hoạch for "Dạy tốt – Học tốt", its schedule month by
  // month in prose and again in a table by level, six dossier lists, a Drive folder per cụm; first run
  // 66.7 % on f1a967e; studied on 29/11/2026.
  "eval/questions.plans19.jsonl",
  // Plan 124: a provincial Sở's công văn on a homeroom-teacher contest and the first-term review, its
  // steps as "Mốc 1 … 10" and a pipe table, a dossier table, five cụm in prose; first run 66.7 % on
  // dcade97; studied on 29/11/2026.
  "eval/questions.plans20.jsonl",
  // Plan 125: a liên cấp school's own kế hoạch for its tổ, its timeline by month with each row's day at
  // the start of the task cell; first run 45.0 % on dcade97; studied on 29/11/2026.
  "eval/questions.plans21.jsonl",
  // Plan 126: a district Phòng's thông báo, its timeline as points opening with a bold date, a level
  // table, four dossier layouts, six cụm in lines; first run 63.3 % on bac501a.
  "eval/questions.plans22.jsonl",
  // Plan 127: a Sở's kế hoạch for its own units, a 16-row appendix, dossiers per award with copies in
  // words, seven khối in a table; first run 75.0 % on bac501a.
  "eval/questions.plans23.jsonl",
  // Plans 128 and 129: a city Phòng's year-end guide by level and a Sở's letter on provincial titles;
  // first runs 86.7 % and 73.3 % on 65945fb, again unchanged on f7b4319; studied on 29/11/2026.
  "eval/questions.plans24.jsonl",
  "eval/questions.plans25.jsonl",
  // Plan 130: a district Phòng's year-end guide, its appendix timeline in phases with time cells over
  // dashed lines, a matrix of papers by award; first run 36.7 % on 16b0058; studied.
  "eval/questions.plans26.jsonl",
  // Plan 131: a primary school's own plan for its tổ, a timeline month by month; first run 60.0 % on 16b0058; studied.
  "eval/questions.plans27.jsonl",
  // Plans 132 and 133: a Sở's plan for its exemplars' conference and a Phòng's short letter on the term
  // review and initiatives; first runs 73.3 % and 51.7 % on 01e869d; studied.
  "eval/questions.plans28.jsonl",
  "eval/questions.plans29.jsonl",
  // Plans 134 and 135: a THCS school's campaign plan and a Sở's letter on the Kỷ niệm chương and the
  // Minister's Bằng khen; first runs 63.3 % and 68.3 % on 0fbe7a2, again 61.7 % and 68.3 % unchanged a
  // session later, then studied.
  "eval/questions.plans30.jsonl",
  "eval/questions.plans31.jsonl",
  // Plans 136 and 137: a Phòng's decision issuing its Quy chế, and a Sở's letter chasing missing dossiers
  // with extended deadlines; first runs 8.3 % and 58.3 % (see eval/plans/README.md), then studied.
  "eval/questions.plans32.jsonl",
  "eval/questions.plans33.jsonl",
  // Plans 138 and 139, held out: a kindergarten's own plan with a Gantt table by month, and a Sở's plan
  // for the provincial teaching contest; first runs 56.7 % and 73.3 %, never studied.
  "eval/questions.plans34.jsonl",
  "eval/questions.plans35.jsonl",
  // Plans 140 and 141: a Phòng's plan for honouring teachers and pupils through a portal, and a THPT
  // council's notice of its year-end review with a schedule of tổ meetings; first runs 71.7 % and
  // 55.0 % on fc0efd8, then studied.
  "eval/questions.plans36.jsonl",
  "eval/questions.plans37.jsonl",
];
// A set on the team's plans is answered against eval/plans; the others against --plans.
const plansFor = (input: string) =>
  !values.input && basename(input).startsWith("questions.plans") ? "eval/plans" : (values.plans ?? "");
interface Expect {
  intent: string;
  period?: [string, string];
  answerContains?: string[];
  answerExcludes?: string[];
}
const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)}%`;
const units = values.units
  ? { name: basename(values.units), bytes: new Uint8Array(readFileSync(values.units)) }
  : undefined;

for (const input of inputs) {
  const text = readFileSync(resolve(input), "utf8");
  const expects = new Map(
    text
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { id: string; expect: Expect })
      .map((q) => [q.id, q.expect]),
  );
  const answers = await runEval(readQuestions(text), resolve(plansFor(input)), units);
  let intentRight = 0;
  let periodRight = 0;
  let periodAsked = 0;
  let fullyRight = 0;
  const confusion = new Map<string, Map<string, number>>();
  for (const a of answers) {
    const e = expects.get(a.id);
    if (!e) continue;
    const intentOk = a.intent === e.intent;
    const periodOk = e.period ? a.period?.start === e.period[0] && a.period?.end === e.period[1] : true;
    const missing = (e.answerContains ?? []).filter((s) => !a.answer.includes(s));
    const unwanted = (e.answerExcludes ?? []).filter((s) => a.answer.includes(s));
    const row = confusion.get(e.intent) ?? new Map<string, number>();
    row.set(a.intent, (row.get(a.intent) ?? 0) + 1);
    confusion.set(e.intent, row);
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
      if (values.answers)
        console.log(
          `    said: ${a.answer.slice(0, Number(process.env.SAID_CHARS ?? 400)).replace(/\n/g, "\n          ")}`,
        );
    }
  }
  const ms = answers.map((a) => a.ms).sort((x, y) => x - y);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] ?? 0;
  console.log(`\n${input}`);
  console.log(`questions: ${answers.length}`);
  console.log(`intent accuracy: ${pct(intentRight, answers.length)} (${intentRight}/${answers.length})`);
  console.log(`period accuracy: ${pct(periodRight, periodAsked)} (${periodRight}/${periodAsked})`);
  console.log(`fully right: ${pct(fullyRight, answers.length)} (${fullyRight}/${answers.length})`);
  console.log("intents (expected: right/total, then what was given instead):");
  for (const line of confusionLines(confusion)) console.log(line);
  console.log(`latency in-process: p50 ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms`);
}

if (!values["no-cv"]) {
  const { examples } = loadCorpus();
  const cv = crossValidate(examples, createSchoolCalendar(), (s) => trainIntentClassifier(s).classifier);
  console.log(
    `\ncorpus cross-validation (5 folds by paraphrase family, ${examples.length} examples): intent accuracy ${pct(cv.right, cv.total)} (${cv.right}/${cv.total}); confusion: npm run eval:intents`,
  );
}
