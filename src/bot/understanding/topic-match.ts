import { readFileSync } from "node:fs";
import { expandAbbreviations, fold } from "../../core/index.js";
import { foldText } from "../normalize.js";

// Words that say what kind of question it is, not what it is about (corpus/stop-words.txt): as
// written, and folded for text typed without diacritics; phrases ("giấy_tờ") as a whole.
// "+cờ_thi_đua" entries are the field's phrases a text typed without diacritics keeps whole, though a
// word of theirs folds to a question word ("co thi dua" is "cờ thi đua", not "có thi đua").
let stopWords:
  | {
      written: Set<string>;
      folded: Set<string>;
      phrases: RegExp;
      foldedPhrases: RegExp;
      keptFolded: string[][];
    }
  | undefined;
function stopWordsTable() {
  if (!stopWords) {
    const entries = readFileSync(new URL("./corpus/stop-words.txt", import.meta.url), "utf8")
      .split("\n")
      .filter((line) => !line.startsWith("#"))
      .flatMap((line) => line.normalize("NFC").toLowerCase().split(/\s+/))
      .filter(Boolean);
    const kept = entries.filter((e) => e.startsWith("+")).map((e) => fold(e.slice(1)).split("_"));
    const words = entries.filter((e) => !e.includes("_") && !e.startsWith("+"));
    const phrases = entries
      .filter((e) => e.includes("_") && !e.startsWith("+"))
      .map((e) => e.replace(/_/g, " "));
    const alternation = (list: string[]) =>
      new RegExp(`(?<![\\p{L}\\p{M}])(${list.join("|")})(?![\\p{L}\\p{M}])`, "gu");
    stopWords = {
      written: new Set(words),
      folded: new Set(words.map(fold)),
      phrases: alternation(phrases),
      foldedPhrases: alternation(phrases.map(fold)),
      keptFolded: kept,
    };
  }
  return stopWords;
}

/** The positions of a folded text's words that stand in one of the field's kept phrases. */
function keptPositions(words: string[], kept: string[][]): Set<number> {
  const at = new Set<number>();
  for (let i = 0; i < words.length; i++)
    for (const phrase of kept)
      if (phrase.every((w, k) => words[i + k] === w)) for (let k = 0; k < phrase.length; k++) at.add(i + k);
  return at;
}

// English words of the field mapped to the Vietnamese the plans are written in (corpus/glossary.tsv).
let glossary: { pattern: RegExp; vietnamese: Map<string, string> } | undefined;
function englishToVietnamese(folded: string): string {
  if (!glossary) {
    const vietnamese = new Map<string, string>();
    for (const line of readFileSync(new URL("./corpus/glossary.tsv", import.meta.url), "utf8").split("\n")) {
      if (!line.trim() || line.startsWith("#")) continue;
      const [english, vi] = line.split("\t");
      if (english && vi) vietnamese.set(foldText(english), foldText(vi));
    }
    const phrases = [...vietnamese.keys()].sort((a, b) => b.length - a.length);
    // "year-end" is the glossary's "year end".
    const spaced = phrases.map((phrase) => phrase.replace(/ /g, "[ -]"));
    glossary = { pattern: new RegExp(`\\b(${spaced.join("|")})\\b`, "g"), vietnamese };
  }
  const { pattern, vietnamese } = glossary;
  return folded.replace(pattern, (english) => vietnamese.get(english.replace(/-/g, " ")) ?? english);
}

// "nộp trễ", "gửi muộn", "quá hạn", "sau thời hạn", "lỡ hạn": one word for handing in late, so a question
// in chat words finds the plan's rule on late dossiers ("hạn", "nộp" and "thời" are question words, and
// "trễ" typed without diacritics is "trẻ", children). Not "chậm nhất", "muộn nhất": by when.
const late =
  /(?<![\p{L}\p{M}])(?:(?:nộp|gửi|nop|gui)\s+(?:trễ|muộn|tre|muon|chậm|cham)(?!\s+(?:nhất|nhat))|(?:trễ|tre)\s+(?:hạn|han)|(?:quá|qua|sau|lỡ|lo)\s+(?:(?:thời|thoi)\s+)?(?:hạn|han))(?![\p{L}\p{M}])/gu;
const lateWord = "trehan";

const negated = /(?<![\p{L}\p{M}])(không|khong|chưa|chua|ko)\s+([\p{L}\p{M}]+)/gu;
// Not a word of either language, so no stop word or typo reading takes it.
const negation = "khongz";

// "lần thứ hai", "lần 2", "đợt ba": one step of a series, its number as a digit ("hai" is a stop word).
const ordinal =
  /(?<![\p{L}])(lần|lan|đợt|dot|vòng|vong|giai đoạn|giai doan)\s+(thứ\s+|thu\s+)?(nhất|nhat|một|mot|hai|ba|tư|tu|bốn|bon|năm|nam|\d{1,2})(?![\p{L}\p{N}])/gu;
const ordinals = new Map([
  ["nhat", "1"],
  ["mot", "1"],
  ["hai", "2"],
  ["ba", "3"],
  ["tu", "4"],
  ["bon", "4"],
  ["nam", "5"],
]);

// A step of a series in topic words ("lan 2", "dot 1", "giai doan 3"); another step's text keeps this
// share of its score.
const seriesWords = new Set(["lan", "dot", "vong", "doan"]);
const otherStepShare = 0.25;
function stepsOf(words: string[]): { series: string; n: string }[] {
  return words.flatMap((w, i) => {
    const n = words[i + 1] ?? "";
    return seriesWords.has(w) && /^\d{1,2}$/u.test(n) ? [{ series: w, n }] : [];
  });
}

/** Whether a folded word is one a question typed without diacritics sets aside ("co" may be "có"). */
export function isQuestionWord(folded: string): boolean {
  return stopWordsTable().folded.has(folded);
}

/** The content words of a text, folded, for matching a question to what the plans say. */
export function topicWords(text: string): string[] {
  const stop = stopWordsTable();
  // A text written with diacritics sets its question words aside as written, so "cờ thi đua" keeps
  // its "cờ" and "Hội đồng" its "hội"; one typed without diacritics can only be read folded.
  const written = text !== fold(text);
  // English words of the field first, so "hand in" is read before "in" is set aside.
  // "15%" and "mấy phần trăm" are the same word.
  let lowered = englishToVietnamese(text.normalize("NFC").toLowerCase())
    .replace(/%/g, " phần trăm ")
    .replace(late, ` ${lateWord} `)
    .replace(ordinal, (_all, step: string, nth: string | undefined, count: string) => {
      // Without "thứ", "năm" and "tư" are more often a year and a day than a number ("đợt năm học").
      const word = fold(count);
      const n = /^\d+$/u.test(count)
        ? count
        : nth || /^(?:mot|hai|ba)$/u.test(word)
          ? ordinals.get(word)
          : null;
      return n ? `${step} ${n}` : _all;
    });
  // "không" before a word it denies is what the passage is about ("không đăng ký thi đua sẽ không được
  // xem xét"): kept as a word of its own, while the "không" that asks ("… có được không?") goes.
  lowered = lowered.replace(negated, (all, _not: string, next: string) =>
    (written ? stop.written : stop.folded).has(written ? next : fold(next)) ? all : `${negation} ${next}`,
  );
  const kept = written
    ? lowered
        .replace(stop.phrases, " ")
        .replace(/[\p{L}\p{M}]+/gu, (word) => (stop.written.has(word) ? " " : word))
    : lowered.replace(stop.foldedPhrases, " ");
  // "&" and "-" inside abbreviations (GD&ĐT, TĐ-KT) must survive the fold's punctuation pass.
  let folded = expandAbbreviations(fold(kept).replace(/[^\p{L}\p{N}&\-/ ]+/gu, " "));
  folded = foldText(folded);
  // "kì" and "kỳ", "tỉ lệ" and "tỷ lệ", "lí" and "lý", "sĩ" and "sỹ" are both correct spellings: read them as one.
  folded = folded.replace(/\b([klmst])i\b/g, "$1y");
  const words = folded.split(" ");
  const inPhrase = written ? new Set<number>() : keptPositions(words, stop.keptFolded);
  return words.filter(
    (w, i) => (w.length > 1 || /\d/.test(w)) && (written || inPhrase.has(i) || !stop.folded.has(w)),
  );
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

// The plans' headings, titles and sentences the search reads on every question, each folded once.
const planTexts = new Map<string, string[]>();
/** The topic words of a plan's own text (a heading, a title, a sentence), folded once and kept. */
export function planTextWords(text: string): string[] {
  let words = planTexts.get(text);
  if (!words) {
    words = topicWords(text);
    if (planTexts.size > 50_000) planTexts.clear();
    planTexts.set(text, words);
  }
  return words;
}

/** Folds texts ahead of the first question about them, so that question is not the slow one. */
export function prepareTopics(texts: Iterable<string>): void {
  for (const text of texts) wordDoc(text);
}

/**
 * Edit distance of two words where swapping two neighbouring letters ("dnah") is one slip, or
 * `limit + 1` as soon as it is known to exceed `limit`.
 */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, (before[j - 2] ?? 0) + 1);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

// The words people write questions with (the corpus's examples, folded): such a word is meant as
// typed, never read as a candidate's word one letter away ("chậm" is not "chấm").
let languageWords: Set<string> | undefined;
function questionLanguage(): Set<string> {
  if (!languageWords) {
    languageWords = new Set();
    for (const name of ["vi.md", "en.md"])
      for (const line of readFileSync(new URL(`./corpus/${name}`, import.meta.url), "utf8").split("\n"))
        if (line.startsWith("- "))
          for (const word of foldText(line.slice(2)).split(" ")) languageWords.add(word);
  }
  return languageWords;
}

/**
 * A question word neither the candidates nor everyday questions use, read as the closest word of the
 * candidates: one slip in a short word ("thì đau" → "thi dua" is two words, each one slip), two in a
 * long one. Digits stay as typed. Only the candidates' words can be meant: reading it as any other
 * word would not change the ranking, and the result depends on nothing asked before.
 */
function corrected(word: string, candidateWords: Set<string>): string {
  // Three-letter words are too many to tell apart ("hom" is not "hop"): only longer ones are read.
  if (word.length < 4 || /\d/.test(word) || candidateWords.has(word) || questionLanguage().has(word))
    return word;
  const limit = word.length >= 8 ? 2 : 1;
  let best = word;
  let bestDistance = limit + 1;
  for (const known of candidateWords) {
    const distance = editDistance(word, known, limit);
    if (distance < bestDistance) {
      best = known;
      bestDistance = distance;
      if (distance === 1 && limit === 1) break;
    }
  }
  return best;
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
  if (!candidates.length) return [];
  const candidateDocs = candidates.map((c) => wordDoc(textOf(c)));
  const candidateWords = new Set(candidateDocs.flatMap((d) => d.words));
  const words = topicWords(question).map((w) => corrected(w, candidateWords));
  if (!words.length) return [];
  // Each word's rarity among the candidates, counted once per question.
  const weights = new Map<string, number>();
  for (const word of words) {
    if (weights.has(word)) continue;
    let n = 0;
    for (const d of candidateDocs) if (d.set.has(word)) n++;
    weights.set(word, Math.log(1 + candidates.length / (1 + n)));
  }
  const weight = (word: string) => weights.get(word) ?? 0;
  const total = words.reduce((sum, w) => sum + weight(w), 0) || 1;
  const distinct = [...weights.keys()];
  const pairs = words.slice(1).map((w, i) => `${words[i]} ${w}`);
  const askedSteps = stepsOf(words);
  return candidates
    .map((item, i) => {
      const doc = candidateDocs[i];
      if (!doc) return { item, score: 0 };
      let score = 0;
      for (const w of distinct) if (doc.set.has(w)) score += weight(w);
      let pairScore = 0;
      for (const p of pairs) if (doc.pairs.has(p)) pairScore += 1;
      // The question's phrase found whole ("hồ sơ khối thi đua") beats its words found apart.
      // (A run of two or more needs a shared pair: most candidates are spared the longer count.)
      const run = pairScore ? (0.3 * (longestRun(words, doc.words) - 1)) / pairs.length : 0;
      // "lần 2" asked of a text about "lần 1" of the same series: another step, however alike the words.
      const own = askedSteps.length ? stepsOf(doc.words) : [];
      const otherStep =
        own.some((s) => askedSteps.some((a) => a.series === s.series)) &&
        !own.some((s) => askedSteps.some((a) => a.series === s.series && a.n === s.n));
      const found = score / total + (pairs.length ? (0.3 * pairScore) / pairs.length : 0) + Math.max(0, run);
      return { item, score: otherStep ? found * otherStepShare : found };
    })
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score);
}
