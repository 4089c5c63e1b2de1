import MiniSearch from "minisearch";
import { planTextWords, topicWords } from "../understanding/topic-match.js";

/**
 * The terms a text is searched by: its content words (folded, abbreviations spelled out, English
 * words of the field put into Vietnamese, question words set aside) and each pair of neighbouring
 * ones, so "kỷ luật", "điển hình" and "Phó chủ tịch" match as units ("ky_luat") as well as word by word.
 */
export function searchTerms(text: string): string[] {
  return withPairs(topicWords(text));
}

/** Words with each pair of neighbours joined as the index keeps them ("hinh_thuc"). */
export function withPairs(words: string[]): string[] {
  return [...words, ...words.slice(1).map((w, i) => `${words[i]}_${w}`)];
}

// A word of five letters or more may differ by about one letter ("dien hinh" typed "dien hinnh").
const fuzzyFrom = 5;

export interface Hit<T> {
  item: T;
  score: number;
  /** The share of the question's words the item holds (0 … 1). */
  coverage: number;
  /** How many content words the question has, and how many of its word pairs the item holds. */
  words: number;
  pairs: number;
}

/** Items ranked for a question by BM25 over named fields, each field with its boost. */
export interface FieldIndex<T> {
  search(question: string, within?: (item: T) => boolean): Hit<T>[];
  /** How many items hold a search term (a word, or a pair such as "hinh_thuc"). */
  holders(term: string): number;
  /** For a question: the share of its rare words (0 … 1) that a text's best sentence holds together. */
  sentenceFit(question: string): (text: string) => number;
}

/** Indexes items once (per publication of the plans) by the text of each field. */
export function buildFieldIndex<T>(
  items: T[],
  fields: Record<string, { text: (item: T) => string; boost: number }>,
): FieldIndex<T> {
  const names = Object.keys(fields);
  const engine = new MiniSearch<Record<string, string | number>>({
    fields: names,
    tokenize: searchTerms,
    processTerm: (term) => term,
    searchOptions: {
      boost: Object.fromEntries(names.map((n) => [n, fields[n]?.boost ?? 1])),
      fuzzy: (term) => (term.includes("_") || term.length < fuzzyFrom ? false : 0.2),
      combineWith: "OR",
    },
  });
  const documents: Record<string, string | number>[] = items.map((item, id) => ({
    id,
    ...Object.fromEntries(names.map((n) => [n, fields[n]?.text(item) ?? ""])),
  }));
  engine.addAll(documents);
  // How many items hold each word: a word most items hold ("thi đua") says little about which is meant.
  const holders = new Map<string, number>();
  for (const document of documents) {
    const own = new Set(names.flatMap((n) => searchTerms(String(document[n] ?? ""))));
    for (const term of own) holders.set(term, (holders.get(term) ?? 0) + 1);
  }
  const rarity = (word: string) => Math.log(1 + items.length / (1 + (holders.get(word) ?? 0)));
  return {
    holders: (term) => holders.get(term) ?? 0,
    sentenceFit(question) {
      const words = [...new Set(topicWords(question))].map((w) => ({ w, weight: rarity(w) }));
      const total = words.reduce((sum, { weight }) => sum + weight, 0);
      return (text) => {
        if (!total) return 0;
        let best = 0;
        for (const sentence of sentencesOf(text)) {
          const own = new Set(planTextWords(sentence));
          const held = words.reduce((sum, { w, weight }) => sum + (own.has(w) ? weight : 0), 0);
          best = Math.max(best, held / total);
        }
        return best;
      };
    },
    search(question, within) {
      const words = new Set(topicWords(question));
      if (!words.size) return [];
      const total = [...words].reduce((sum, w) => sum + rarity(w), 0) || 1;
      const hits = engine.search(
        question,
        within ? { filter: (r) => within(items[r.id as number] as T) } : {},
      );
      return hits
        .flatMap((hit) => {
          const item = items[hit.id as number];
          if (item === undefined) return [];
          const matched = hit.queryTerms.filter((t) => !t.includes("_") && words.has(t));
          const pairs = hit.queryTerms.filter((t) => t.includes("_")).length;
          // BM25, scaled by how much of the question's rare words the item holds: an item that
          // misses the one word that tells ("Phó" chủ tịch) falls behind one that has it.
          const held = matched.reduce((sum, w) => sum + rarity(w), 0) / total;
          return [
            {
              item,
              score: hit.score * held * held,
              coverage: matched.length / words.size,
              words: words.size,
              pairs,
            },
          ];
        })
        .sort((a, b) => b.score - a.score);
    },
  };
}

/** A passage's sentences and lines (of more than three characters). */
export function sentencesOf(passage: string): string[] {
  return (
    passage
      .split(/\n+/)
      // A table's row ("Loại trường: Tiểu học · Số giáo viên tối đa …: 03") is read whole.
      // A label and what it says ("Bằng khen của Giám đốc Sở: mỗi đơn vị … 03 cá nhân") are one sentence.
      .flatMap((line) => (line.includes(" · ") ? [line] : line.split(/(?<=[.;!?])\s+/)))
      .map((s) => s.trim())
      .filter((s) => s.length > 3)
  );
}

/** The sentences of a passage, best fitting the question first (by the rare question words each holds). */
export function rankSentences(question: string, passage: string): { sentence: string; score: number }[] {
  const sentences = sentencesOf(passage);
  const terms = [...new Set(searchTerms(question))];
  // A passage's sentences come back question after question: their words are folded once.
  const termSets = sentences.map((s) => new Set(withPairs(planTextWords(s))));
  const weight = new Map(
    terms.map((t) => [
      t,
      Math.log(1 + sentences.length / (1 + termSets.filter((set) => set.has(t)).length)) *
        (t.includes("_") ? 2 : 1),
    ]),
  );
  return sentences
    .map((sentence, i) => ({
      sentence,
      score: terms.reduce((sum, t) => sum + (termSets[i]?.has(t) ? (weight.get(t) ?? 0) : 0), 0),
    }))
    .sort((a, b) => b.score - a.score);
}
