// Cross-validation of the intent corpus: each example is classified by a model that never saw its
// family (its paraphrases), so the figure is that of questions unlike any example.
import { createHash } from "node:crypto";
import type { Example, ModelIntent } from "../src/bot/understanding/intent-corpus.js";
import type { IntentClassifier } from "../src/bot/understanding/intent-model.js";
import { trainingSamples } from "../src/bot/understanding/read-message.js";
import type { SchoolCalendar } from "../src/core/index.js";

export type Trainer = (samples: ReturnType<typeof trainingSamples>) => Pick<IntentClassifier, "rank">;

/** Which of `folds` folds a family falls in: by a hash of its name, so every run splits alike. */
export function foldOf(family: string, folds: number): number {
  return createHash("sha256").update(family).digest().readUInt32BE(0) % folds;
}

export interface CrossValidation {
  total: number;
  right: number;
  /** Per expected intent, how often each intent was given. */
  confusion: Map<ModelIntent, Map<string, number>>;
  misses: { text: string; want: ModelIntent; got: string }[];
  /** Each held-out example's best score, lead over the next reading and whether it was right. */
  readings: { score: number; margin: number; right: boolean }[];
}

/** Trains on all folds but one and classifies the one left out, for every fold. */
export function crossValidate(
  examples: Example[],
  calendar: SchoolCalendar,
  train: Trainer,
  folds = 5,
): CrossValidation {
  const samples = trainingSamples(examples, calendar);
  const result: CrossValidation = { total: 0, right: 0, confusion: new Map(), misses: [], readings: [] };
  for (let fold = 0; fold < folds; fold++) {
    const inFold = examples.map((e) => foldOf(e.family, folds) === fold);
    const classifier = train(samples.filter((_, i) => !inFold[i]));
    samples.forEach((sample, i) => {
      if (!inFold[i]) return;
      const [best, next] = classifier.rank(sample.features);
      const got = best?.intent ?? "unknown";
      result.readings.push({
        score: best?.score ?? 0,
        margin: (best?.score ?? 0) - (next?.score ?? 0),
        right: got === sample.intent,
      });
      result.total++;
      if (got === sample.intent) result.right++;
      else result.misses.push({ text: examples[i]?.text ?? "", want: sample.intent, got });
      const row = result.confusion.get(sample.intent) ?? new Map<string, number>();
      row.set(got, (row.get(got) ?? 0) + 1);
      result.confusion.set(sample.intent, row);
    });
  }
  return result;
}

/** The confusion table as text: one line per expected intent, with what it was taken for. */
export function confusionLines(confusion: ReadonlyMap<string, Map<string, number>>): string[] {
  return [...confusion]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([want, row]) => {
      const total = [...row.values()].reduce((a, b) => a + b, 0);
      const right = row.get(want) ?? 0;
      const wrong = [...row]
        .filter(([got]) => got !== want)
        .sort((a, b) => b[1] - a[1])
        .map(([got, n]) => `${got} ${n}`)
        .join(", ");
      return `  ${want.padEnd(22)} ${right}/${total}${wrong ? `  (taken for: ${wrong})` : ""}`;
    });
}
