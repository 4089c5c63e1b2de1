import { cueGroupsOf } from "./cue-words.js";
import type { NormalizedMessage } from "./normalize-message.js";

/** What the model sees of a message: names of features, each with its weight. */
export type Features = Record<string, number>;

// A change to what this function returns needs featuresVersion in intent-corpus.ts bumped, so that no
// model trained on the old features is read back from a cache.

/**
 * The features of a normalized message: its words and word pairs, how it starts and ends, the cue
 * groups its words fall in (alone and with whether it asks or tells), and whether it names a time
 * (`hasPeriod`: "tháng này", "next week") or the sender's own unit.
 */
export function intentFeatures(message: NormalizedMessage, hasPeriod: boolean): Features {
  const names = new Set<string>();
  // "%" is a word for the search ("bao nhiêu %"), not for telling intents apart.
  const words = message.words.filter((w) => w !== "%").map((w) => (/^\d+$/.test(w) ? "<n>" : w));
  for (const word of words) names.add(`w:${word}`);
  for (let i = 1; i < words.length; i++) names.add(`b:${words[i - 1]} ${words[i]}`);
  if (words.length) {
    names.add(`s:${words[0]}`);
    names.add(`e:${words[words.length - 1]}`);
  }
  if (words.length <= 2) names.add("#short");
  const mood = message.question ? "?" : ".";
  names.add(`#${mood}`);
  if (hasPeriod) names.add("#period");
  if (message.selfUnit) names.add("#self");
  for (const group of cueGroupsOf({ typed: message.typed, folded: message.words })) {
    names.add(`g:${group}`);
    names.add(`g:${group}${mood}`);
    // The same cue means another thing of one's own unit ("trường em … chưa nộp" is a status question).
    if (message.selfUnit) names.add(`g:${group}${mood}self`);
  }
  if (message.selfUnit) names.add(`#self${mood}`);
  if (hasPeriod) names.add(`#period${mood}`);
  // Each message weighs the same whatever its length.
  const weight = 1 / Math.sqrt(names.size || 1);
  const features: Features = {};
  for (const name of names) features[name] = weight;
  return features;
}
