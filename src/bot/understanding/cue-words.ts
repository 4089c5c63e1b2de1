import { readFileSync } from "node:fs";
import { foldText } from "../normalize.js";

/** Groups of words that signal what a message is about ("when", "place", "late" …), folded. */
export type CueWords = Map<string, string[][]>;

/** Reads the table (group, words; tab-separated); a bad line stops start-up with its number. */
export function parseCueWords(text: string): CueWords {
  const groups: CueWords = new Map();
  text.split("\n").forEach((line, i) => {
    if (!line.trim() || line.startsWith("#")) return;
    const [group, words, ...rest] = line.split("\t");
    if (!group || !words || rest.length)
      throw new Error(`cue-words.tsv line ${i + 1}: expected group<TAB>words`);
    groups.set(group, [...(groups.get(group) ?? []), foldText(words).split(" ")]);
  });
  return groups;
}

let loaded: CueWords | undefined;
/** The table in src/bot/understanding/corpus/cue-words.tsv, read once. */
export function cueWords(): CueWords {
  loaded ??= parseCueWords(readFileSync(new URL("./corpus/cue-words.tsv", import.meta.url), "utf8"));
  return loaded;
}

/** The groups a message's words fall in. */
export function cueGroupsOf(words: string[], table: CueWords = cueWords()): string[] {
  const found: string[] = [];
  for (const [group, phrases] of table) {
    const hit = phrases.some((phrase) => {
      for (let i = 0; i + phrase.length <= words.length; i++)
        if (phrase.every((w, j) => words[i + j] === w)) return true;
      return false;
    });
    if (hit) found.push(group);
  }
  return found;
}
