import { fold } from "../../core/index.js";
import { foldText } from "../normalize.js";
import { expandAbbreviations } from "./abbreviations.js";

// Words that say what kind of question it is, not what it is about.
const stopWords = new Set(
  (
    "la gi khi nao bao gio luc nao han nop gui cho hoi ve cua va cac nhung gom can co khong the nao nhu ra sao " +
    "duoc minh em toi don vi truong phai lam viec nao nay kia do o tai tu den trong ngoai voi mot hai ba " +
    "what when where who how is are the a an of for to do does must my our in on by with what's which " +
    "thoi gian ngay thang nam ky qua dau ai chua roi nhe a oi vay day nao da vua xong nha khong gi con"
  ).split(" "),
);

// English question words mapped to the Vietnamese the plans are written in.
const glossary: [RegExp, string][] = [
  [/\bregistration|register\b/g, "dang ky"],
  [/\bemulation\b/g, "thi dua"],
  [/\bcommendations?\b/g, "khen thuong"],
  [/\bdossiers?|documents?|papers?\b/g, "ho so"],
  [/\byear[- ]end\b/g, "cuoi nam"],
  [/\bsend|submit\b/g, "gui nop"],
  [/\bschool year\b/g, "nam hoc"],
  [/\bunits?\b/g, "don vi"],
  [/\bplan\b/g, "ke hoach"],
  [/\bmeeting\b/g, "hop"],
  [/\bcouncil\b/g, "hoi dong"],
  [/\btitles?\b/g, "danh hieu"],
  [/\bgroups?\b/g, "khoi"],
  [/\breport\b/g, "bao cao"],
];

/** The content words of a text, folded, for matching a question to what the plans say. */
export function topicWords(text: string): string[] {
  // "&" and "-" inside abbreviations (GD&ĐT, TĐ-KT) must survive the fold's punctuation pass.
  let folded = expandAbbreviations(fold(text).replace(/[^\p{L}\p{N}&\-/ ]+/gu, " "));
  folded = foldText(folded);
  for (const [english, vietnamese] of glossary) folded = folded.replace(english, vietnamese);
  return folded.split(" ").filter((w) => (w.length > 1 || /\d/.test(w)) && !stopWords.has(w));
}

interface WordDoc {
  words: string[];
  set: Set<string>;
  pairs: Set<string>;
}
// The plans' texts are ranked again on every question: fold each one once (bounded, cleared when full).
const docs = new Map<string, WordDoc>();
function wordDoc(text: string): WordDoc {
  let doc = docs.get(text);
  if (!doc) {
    const w = topicWords(text);
    doc = { words: w, set: new Set(w), pairs: new Set(w.slice(1).map((x, i) => `${w[i]} ${x}`)) };
    if (docs.size > 50_000) docs.clear();
    docs.set(text, doc);
  }
  return doc;
}

/** The longest run of the question's words that the text holds in the same order, unbroken. */
function longestRun(question: string[], text: string[]): number {
  let best = 0;
  // Classic longest common substring over words; both sides are short.
  let previous = new Array<number>(text.length + 1).fill(0);
  for (const word of question) {
    const current = new Array<number>(text.length + 1).fill(0);
    for (let j = 0; j < text.length; j++) {
      if (text[j] === word) {
        current[j + 1] = (previous[j] ?? 0) + 1;
        best = Math.max(best, current[j + 1] ?? 0);
      }
    }
    previous = current;
  }
  return best;
}

/** Folds texts ahead of the first question about them, so that question is not the slow one. */
export function prepareTopics(texts: Iterable<string>): void {
  for (const text of texts) wordDoc(text);
}

export interface Ranked<T> {
  item: T;
  score: number;
}

/**
 * Ranks candidates by how much of the question's content they hold: each shared word counts by its
 * rarity among the candidates, each shared pair of neighbouring words counts again, and so does the
 * longest stretch of the question found unbroken.
 */
export function rankByTopic<T>(question: string, candidates: T[], textOf: (item: T) => string): Ranked<T>[] {
  const words = topicWords(question);
  if (!words.length || !candidates.length) return [];
  const candidateDocs = candidates.map((c) => wordDoc(textOf(c)));
  const weight = (word: string) => {
    let n = 0;
    for (const d of candidateDocs) if (d.set.has(word)) n++;
    return Math.log(1 + candidates.length / (1 + n));
  };
  const total = words.reduce((sum, w) => sum + weight(w), 0) || 1;
  const pairs = words.slice(1).map((w, i) => `${words[i]} ${w}`);
  return candidates
    .map((item, i) => {
      const doc = candidateDocs[i];
      if (!doc) return { item, score: 0 };
      let score = 0;
      for (const w of new Set(words)) if (doc.set.has(w)) score += weight(w);
      let pairScore = 0;
      for (const p of pairs) if (doc.pairs.has(p)) pairScore += 1;
      // The question's phrase found whole ("hồ sơ khối thi đua") beats its words found apart.
      const run = pairs.length ? (0.3 * (longestRun(words, doc.words) - 1)) / pairs.length : 0;
      return {
        item,
        score: score / total + (pairs.length ? (0.3 * pairScore) / pairs.length : 0) + Math.max(0, run),
      };
    })
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score);
}
