// npm run eval:intents [-- --compare] [-- --misses] — 5-fold cross-validated intent accuracy of the
// corpus (folds split by paraphrase family) with its confusion table; --compare also measures a naive
// Bayes classifier and the first-match rules the model replaced, on the same folds.
import { parseArgs } from "node:util";
import winkClassifier from "wink-naive-bayes-text-classifier";
import { loadCorpus, type ModelIntent } from "../src/bot/understanding/intent-corpus.js";
import { type IntentClassifier, trainIntentClassifier } from "../src/bot/understanding/intent-model.js";
import { questionPeriod } from "../src/bot/understanding/question-period.js";
import { intentConfidence } from "../src/bot/understanding/thresholds.js";
import { createSchoolCalendar } from "../src/core/index.js";
import { detectIntent } from "./baselines/first-match-rules.js";
import { confusionLines, crossValidate, type Trainer } from "./intent-cross-validation.js";

const { values } = parseArgs({
  options: { compare: { type: "boolean", default: false }, misses: { type: "boolean", default: false } },
});
const calendar = createSchoolCalendar();
const { examples } = loadCorpus();
const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)}%`;

const neural: Trainer = (samples) => trainIntentClassifier(samples).classifier;

// wink's multinomial naive Bayes over the same features, joined into one string it splits again.
const naiveBayes: Trainer = (samples) => {
  const nbc = winkClassifier();
  nbc.definePrepTasks([(text: string) => text.split("|")]);
  nbc.defineConfig({ considerOnlyPresence: true, smoothingFactor: 0.5 });
  for (const s of samples) nbc.learn(Object.keys(s.features).join("|"), s.intent);
  nbc.consolidate();
  const model: Pick<IntentClassifier, "rank"> = {
    rank(features) {
      const odds = nbc.computeOdds(Object.keys(features).join("|")) as [string, number][];
      return odds.map(([intent, score]) => ({ intent: intent as ModelIntent, score }));
    },
  };
  return model;
};

const started = performance.now();
const result = crossValidate(examples, calendar, neural);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`corpus: ${examples.length} examples, ${new Set(examples.map((e) => e.family)).size} families`);
console.log(
  `cross-validated intent accuracy (5 folds by family, NLP.js neural): ${pct(result.right, result.total)} (${result.right}/${result.total}) in ${seconds} s`,
);
console.log("confusion (intent: right/total, then what it was taken for):");
for (const line of confusionLines(result.confusion)) console.log(line);
if (values.misses) for (const m of result.misses) console.log(`  ✗ ${m.want} → ${m.got}: ${m.text}`);
// How sure the model is, against how often it is right (thresholds.ts takes its confidence from here).
const confident = result.readings.filter(
  (r) => r.score >= intentConfidence.score && r.margin >= intentConfidence.margin,
);
console.log(
  `confident readings (score ≥ ${intentConfidence.score}, lead ≥ ${intentConfidence.margin}): ${pct(confident.length, result.total)} of all, right on ${pct(confident.filter((r) => r.right).length, confident.length)}; the others right on ${pct(result.right - confident.filter((r) => r.right).length, result.total - confident.length)}`,
);

if (values.compare) {
  const bayes = crossValidate(examples, calendar, naiveBayes);
  // The rules learn nothing: every example is new to them, so their accuracy over all is their CV.
  let rulesRight = 0;
  for (const e of examples) {
    const period = questionPeriod(e.text, "2024-03-15", calendar) !== null;
    const got = detectIntent(e.text, period);
    if (got === e.intent || (got === "set_language" && e.intent === "set_language")) rulesRight++;
  }
  console.log("\nclassifier                          | cross-validated intent accuracy");
  console.log(`NLP.js neural (@nlpjs/neural)       | ${pct(result.right, result.total)}`);
  console.log(`naive Bayes (wink)                  | ${pct(bayes.right, bayes.total)}`);
  console.log(`first-match rules (before)          | ${pct(rulesRight, examples.length)}`);
}
