import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { NeuralNetwork, type NeuralNetworkJson } from "@nlpjs/neural";
import type { ModelIntent } from "./intent-corpus.js";
import type { Features } from "./intent-features.js";

/** An intent with the model's score for it (0 … about 1). */
export interface Scored {
  intent: ModelIntent;
  score: number;
}

/** A trained classifier: the intents a message's features fit, best first. */
export interface IntentClassifier {
  rank(features: Features): Scored[];
  /** The share of a message's words the model learned anything about (0 … 1). */
  familiarity(features: Features): number;
}

export interface TrainingSample {
  features: Features;
  intent: ModelIntent;
}

// NLP.js's defaults run to 20 000 passes; the corpus is separable long before, and more passes only
// sharpen the fit to the examples' exact words. Half the default learning rate generalises better:
// cross-validated 90.8 % against 90.4 %, and more of each unseen team set right (README).
// A change here needs featuresVersion in intent-corpus.ts bumped.
const settings = { iterations: 300, errorThresh: 0.0005, learningRate: 0.3 };

function classifierOf(net: NeuralNetwork, known: Set<string>): IntentClassifier {
  return {
    familiarity(features) {
      const words = Object.keys(features).filter((f) => f.startsWith("w:"));
      return words.length ? words.filter((w) => known.has(w)).length / words.length : 0;
    },
    rank(features) {
      const out = net.run(features) ?? {};
      return Object.entries(out)
        .map(([intent, score]) => ({ intent: intent as ModelIntent, score: Math.max(0, score) }))
        .sort((a, b) => b.score - a.score);
    },
  };
}

/** Trains NLP.js's neural network (one perceptron per intent) on the samples. */
export function trainIntentClassifier(samples: TrainingSample[]): {
  classifier: IntentClassifier;
  json: NeuralNetworkJson;
} {
  const net = new NeuralNetwork(settings);
  net.train(samples.map((s) => ({ input: s.features, output: { [s.intent]: 1 } })));
  const json = net.toJSON();
  return { classifier: classifierOf(net, new Set(json.features)), json };
}

/** A classifier from a saved network. */
export function intentClassifierFromJson(json: NeuralNetworkJson): IntentClassifier {
  const net = new NeuralNetwork();
  net.fromJSON(json);
  return classifierOf(net, new Set(json.features));
}

const trained = new Map<string, IntentClassifier>();

// Where `npm run build` leaves the model it trained (scripts/train-model.mjs): dist/ ships with it, so
// a first start answers at once instead of training for twenty seconds. From the sources it is absent.
export const bundledModelDir = fileURLToPath(new URL("./model/", import.meta.url));

/** Reads a saved classifier, or undefined when the file is missing or unreadable. */
function readSaved(file: string): IntentClassifier | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return intentClassifierFromJson(JSON.parse(readFileSync(file, "utf8")) as NeuralNetworkJson);
  } catch {
    return undefined;
  }
}

/**
 * The classifier for a corpus: kept in the process by the corpus's hash, else the one built with the
 * package, else the one saved under `cacheDir`, else trained and saved there so a restart does not
 * train again; a cache that cannot be read or written is trained around.
 */
export function cachedIntentClassifier(
  hash: string,
  cacheDir: string | null,
  samples: () => TrainingSample[],
): IntentClassifier {
  const kept = trained.get(hash);
  if (kept) return kept;
  const name = `intent-model-${hash}.json`;
  const file = cacheDir ? join(cacheDir, name) : null;
  let classifier = readSaved(join(bundledModelDir, name)) ?? (file ? readSaved(file) : undefined);
  if (!classifier) {
    const result = trainIntentClassifier(samples());
    classifier = result.classifier;
    if (file && cacheDir) {
      try {
        mkdirSync(cacheDir, { recursive: true });
        const partial = `${file}.${process.pid}.tmp`;
        writeFileSync(partial, JSON.stringify(result.json));
        renameSync(partial, file);
      } catch {
        // A read-only data folder only costs the next start a training.
      }
    }
  }
  trained.set(hash, classifier);
  return classifier;
}
