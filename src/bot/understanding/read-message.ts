import type { SchoolCalendar } from "../../core/index.js";
import type { Intent } from "../intents.js";
import { foldText } from "../normalize.js";
import { commandIntent } from "./commands.js";
import { type Example, loadCorpus } from "./intent-corpus.js";
import { intentFeatures } from "./intent-features.js";
import { cachedIntentClassifier, type IntentClassifier, type Scored } from "./intent-model.js";
import { type NormalizedMessage, normalizeMessage } from "./normalize-message.js";
import { type Period, questionPeriod } from "./question-period.js";
import { intentConfidence } from "./thresholds.js";

/** What the understanding made of a message, before any answer. */
export interface Reading {
  intent: Intent;
  /** The model's intents, best first (empty for a command). */
  ranked: Scored[];
  /** A command, or a model reading clear enough to act on. */
  confident: boolean;
  /** The share of the message's words the model knows (1 for a command); gibberish is near 0. */
  familiarity: number;
  byCommand: boolean;
  message: NormalizedMessage;
  period: Period | null;
}

/** Reads messages: commands exactly, free text with the trained model. */
export interface MessageReader {
  read(text: string, today: string): Reading;
}

// Examples name times relative to a day; any day reads them alike ("tháng này" is a period on each).
const trainingDay = "2024-03-15";

/** The period a message names, as typed or with its chat words spelled out ("tuần ni", "từ h đến 15/11"). */
function periodOf(text: string, message: NormalizedMessage, today: string, calendar: SchoolCalendar) {
  return questionPeriod(text, today, calendar) ?? questionPeriod(message.text, today, calendar);
}

/** The training samples of a corpus: each example read as a message would be. */
export function trainingSamples(examples: Example[], calendar: SchoolCalendar) {
  return examples.map((e) => {
    const message = normalizeMessage(e.text);
    return {
      intent: e.intent,
      features: intentFeatures(message, periodOf(e.text, message, trainingDay, calendar) !== null),
    };
  });
}

/** Whether the best reading is clear: high enough, and ahead of the next one. */
export function isConfident(ranked: Scored[]): boolean {
  const [best, next] = ranked;
  if (!best) return false;
  return best.score >= intentConfidence.score && best.score - (next?.score ?? 0) >= intentConfidence.margin;
}

/** Builds the reader over the corpus's model (trained once, or loaded from `cacheDir`). */
export function createMessageReader(options: {
  calendar: SchoolCalendar;
  cacheDir: string | null;
  classifier?: IntentClassifier;
}): MessageReader {
  const { calendar } = options;
  let classifier = options.classifier;
  const model = () => {
    if (!classifier) {
      const corpus = loadCorpus();
      classifier = cachedIntentClassifier(corpus.hash, options.cacheDir, () =>
        trainingSamples(corpus.examples, calendar),
      );
    }
    return classifier;
  };
  return {
    read(text, today) {
      const message = normalizeMessage(text);
      const period = periodOf(text, message, today, calendar);
      const command = commandIntent(foldText(text));
      if (command)
        return {
          intent: command,
          ranked: [],
          confident: true,
          familiarity: 1,
          byCommand: true,
          message,
          period,
        };
      const features = intentFeatures(message, period !== null);
      const ranked = model().rank(features);
      return {
        intent: ranked[0]?.intent ?? "unknown",
        ranked,
        confident: isConfident(ranked),
        familiarity: model().familiarity(features),
        byCommand: false,
        message,
        period,
      };
    },
  };
}
