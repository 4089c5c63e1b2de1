import { readFileSync } from "node:fs";
import { type Phrase, sameWord, type Words, wordsOf, writtenWithDiacritics } from "./chat-words.js";

/** Groups of words that signal what a message is about ("when", "place", "late" …). */
export type CueWords = Map<string, Phrase[]>;

/** Reads the table (group, words; tab-separated); a bad line stops start-up with its number. */
export function parseCueWords(text: string): CueWords {
  const groups: CueWords = new Map();
  text.split("\n").forEach((line, i) => {
    if (!line.trim() || line.startsWith("#")) return;
    const [group, words, ...rest] = line.split("\t");
    if (!group || !words || rest.length)
      throw new Error(`cue-words.tsv line ${i + 1}: expected group<TAB>words`);
    groups.set(group, [...(groups.get(group) ?? []), wordsOf(words)]);
  });
  return groups;
}

let loaded: CueWords | undefined;
/** The table in src/bot/understanding/corpus/cue-words.tsv, read once. */
export function cueWords(): CueWords {
  loaded ??= parseCueWords(readFileSync(new URL("./corpus/cue-words.tsv", import.meta.url), "utf8"));
  return loaded;
}

// Phrases by their first folded word: a message is checked only against the phrases that can start
// at each of its words (it runs on every message, for the model's features).
const byFirstWord = new WeakMap<CueWords, Map<string, { group: string; phrase: Phrase }[]>>();
function firstWordIndex(table: CueWords) {
  let index = byFirstWord.get(table);
  if (!index) {
    index = new Map();
    for (const [group, phrases] of table)
      for (const phrase of phrases) {
        const first = phrase.folded[0];
        if (first === undefined) continue;
        index.set(first, [...(index.get(first) ?? []), { group, phrase }]);
      }
    byFirstWord.set(table, index);
  }
  return index;
}

/** The groups a message's words fall in; words typed with diacritics match only as written ("dụng" is not "dừng"). */
export function cueGroupsOf(words: Words, table: CueWords = cueWords()): string[] {
  const exact = writtenWithDiacritics(words);
  const n = words.folded.length;
  const at = (i: number, p: Phrase) =>
    p.folded.every(
      (_, j) => i + j < n && sameWord(words.typed[i + j] ?? "", words.folded[i + j] ?? "", p, j, exact),
    );
  const index = firstWordIndex(table);
  const found = new Set<string>();
  for (let i = 0; i < n; i++) {
    for (const { group, phrase } of index.get(words.folded[i] ?? "") ?? []) {
      if (!found.has(group) && at(i, phrase)) found.add(group);
    }
  }
  // In the table's order, as before.
  return [...table.keys()].filter((group) => found.has(group));
}
