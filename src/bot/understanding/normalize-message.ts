import {
  type ChatWords,
  chatWords,
  type Phrase,
  sameWord,
  type Words,
  wordsOf,
  writtenWithDiacritics,
} from "./chat-words.js";

/** A message as the understanding reads it. */
export interface NormalizedMessage {
  /** Folded, chat spellings spelled out, particles and the lead-in before a question dropped. */
  text: string;
  words: string[];
  /** The same words as typed (lower case, diacritics kept, chat spellings spelled out). */
  typed: string[];
  /**
   * What the message is about, as typed (diacritics kept, chat spellings spelled out) without the
   * words that only frame it: particles, lead-ins and the sender's own unit ("bên em").
   */
  subject: string;
  /** The sender speaks of their own unit ("bên em", "trường mình", "our school"). */
  selfUnit: boolean;
  /** It asks rather than tells ("đã nộp … chưa?", "Have we sent …"). */
  question: boolean;
  /** It asks yes or no ("Tập thể … có được xét … không?", "Can a school …?"). */
  yesNo: boolean;
  /** It continues the previous question ("còn tháng sau?", "what about next week?"). */
  followup: boolean;
  /** A whole-message yes or no, as an answer to a confirmation. */
  answer: "yes" | "no" | null;
}

// A lead-in is dropped only when at least this many words follow it.
const minRest = 3;

const englishQuestionStart =
  /^(what|whats|when|where|who|whom|whose|which|why|how|is|are|was|were|do|does|did|has|have|had|can|could|should|shall|will|would|may|must|any|anything)$/;
const englishYesNoStart = /^(is|are|can|could|may|does|do|did|should|must|will|would|has|have)$/;

/** Words with a window onto them, so phrases of the table can be found at any place. */
class View {
  constructor(
    readonly words: Words,
    readonly exact: boolean,
  ) {}
  get length() {
    return this.words.folded.length;
  }
  at(i: number, p: Phrase) {
    return p.folded.every((_, j) => {
      const k = i + j;
      return (
        k < this.length && sameWord(this.words.typed[k] ?? "", this.words.folded[k] ?? "", p, j, this.exact)
      );
    });
  }
  startsWith = (p: Phrase) => this.at(0, p);
  endsWith = (p: Phrase) => this.length >= p.folded.length && this.at(this.length - p.folded.length, p);
  contains = (p: Phrase) => {
    for (let i = 0; i + p.folded.length <= this.length; i++) if (this.at(i, p)) return true;
    return false;
  };
  is = (p: Phrase) => this.length === p.folded.length && this.at(0, p);
  slice(from: number, to = this.length) {
    return new View(
      { typed: this.words.typed.slice(from, to), folded: this.words.folded.slice(from, to) },
      this.exact,
    );
  }
  filter(keep: (i: number) => boolean) {
    const idx = this.words.folded.map((_, i) => i).filter(keep);
    return new View(
      {
        typed: idx.map((i) => this.words.typed[i] ?? ""),
        folded: idx.map((i) => this.words.folded[i] ?? ""),
      },
      this.exact,
    );
  }
}

// The longest chat spelling of several words ("dk thi dua": "dk" is "đăng ký" there, "được" alone).
const longestSpelling = 3;

/** Spells out chat spellings ("ko" → "không"), keeping what was typed beside what it means. */
function spelledOut(words: Words, table: ChatWords, exact: boolean): Words {
  const typed: string[] = [];
  const folded: string[] = [];
  for (let i = 0; i < words.folded.length; ) {
    let found: { n: number; means: Words } | undefined;
    for (let n = Math.min(longestSpelling, words.folded.length - i); n >= 1 && !found; n--) {
      const entries = table.spelling.get(words.folded.slice(i, i + n).join(" ")) ?? [];
      const as = words.typed.slice(i, i + n);
      const entry =
        entries.find((e) => e.written.typed.every((w, j) => w === as[j])) ??
        entries.find((e) => as.every((w, j) => sameWord(w, words.folded[i + j] ?? "", e.written, j, exact)));
      if (entry) found = { n, means: entry.means };
    }
    if (!found) {
      typed.push(words.typed[i] ?? "");
      folded.push(words.folded[i] ?? "");
      i++;
      continue;
    }
    // A message typed without diacritics stays so: "r k" spelled out as "rồi không" would make its
    // other words ("qua han") match only as written with them.
    typed.push(...(exact ? found.means.typed : found.means.folded));
    folded.push(...found.means.folded);
    i += found.n;
  }
  return { typed, folded };
}

/** Reads chat Vietnamese (and English) into the form every later step works on. */
export function normalizeMessage(raw: string, table: ChatWords = chatWords()): NormalizedMessage {
  const { phrases } = table;
  const asTyped = wordsOf(raw);
  const exact = writtenWithDiacritics(asTyped);
  let view = new View(spelledOut(asTyped, table, exact), exact);
  const whole = view;
  const answer = phrases.yes.some(whole.is) ? "yes" : phrases.no.some(whole.is) ? "no" : null;
  const selfUnit = phrases.self.some(view.contains);
  // Lead-ins go only when a question of its own follows them: "chào bạn" alone, or "chào buổi
  // sáng", is a greeting.
  let followup = false;
  // What follows a lead-in counts without the words that only address or soften ("… anh chị ạ").
  const softeners = [...phrases.particle, ...phrases.tail].filter((p) => p.folded.length === 1);
  const wordsAfter = (v: View, from: number) => {
    let n = 0;
    for (let i = from; i < v.length; i++) if (!softeners.some((p) => v.at(i, p))) n++;
    return n;
  };
  for (let changed = true; changed; ) {
    changed = false;
    const opener = phrases.opener.find(
      (p) => view.startsWith(p) && wordsAfter(view, p.folded.length) >= minRest,
    );
    if (opener) {
      view = view.slice(opener.folded.length);
      changed = true;
    }
    const lead = phrases.followup.find((p) => view.length > p.folded.length && view.startsWith(p));
    if (lead) {
      view = view.slice(lead.folded.length);
      followup = true;
      changed = true;
    }
  }
  // "… có nhiệm vụ gì, em mới được phân công nên chưa rõ lắm": a word about oneself after the question
  // says nothing of what is asked; it goes, with what follows it, unless it asks something itself.
  const asks = (v: View) =>
    phrases.asking.some(v.contains) ||
    phrases["asking-end"].some(v.endsWith) ||
    englishQuestionStart.test(v.words.folded[0] ?? "");
  for (let i = minRest; i < view.length; i++) {
    const aside = phrases.aside.find((p) => view.at(i, p));
    if (!aside) continue;
    const before = view.slice(0, i);
    const after = view.slice(i);
    if (asks(before) && !asks(after)) {
      view = before;
      break;
    }
  }
  // "Em mới nhận việc nên chưa rõ, … liên hệ ai ạ": the same word first; the question after it is read alone.
  if (phrases.aside.some(view.startsWith)) {
    for (let i = 1; i < view.length; i++) {
      const end = phrases["aside-end"].find((p) => view.at(i, p));
      if (!end) continue;
      const rest = view.slice(i + end.folded.length);
      if (wordsAfter(rest, 0) >= minRest && asks(rest)) view = rest;
      break;
    }
  }
  const particles = phrases.particle.filter((p) => p.folded.length === 1);
  const kept = view.filter((i) => !particles.some((p) => view.at(i, p)));
  if (kept.length) view = kept;
  // Words that only soften the end ("… chưa vậy em", "… rồi nhé") go, so the sentence ends on its word.
  for (let changed = true; changed; ) {
    changed = false;
    const tail = phrases.tail.find((p) => view.length >= p.folded.length + 2 && view.endsWith(p));
    if (tail) {
      view = view.slice(0, view.length - tail.folded.length);
      changed = true;
    }
  }
  const words = view.words.folded;
  let framed = view;
  for (const p of phrases.self) {
    for (let i = 0; i + p.folded.length <= framed.length; i++) {
      if (framed.at(i, p)) {
        const from = i;
        framed = framed.filter((k) => k < from || k >= from + p.folded.length);
        i--;
      }
    }
  }
  const first = words[0] ?? "";
  const last = words[words.length - 1] ?? "";
  const question =
    raw.includes("?") ||
    phrases["asking-end"].some(view.endsWith) ||
    phrases.asking.some(whole.contains) ||
    englishQuestionStart.test(first);
  const yesNo =
    (first === "co" && (last === "khong" || last === "chua")) ||
    view.contains(wordsOf("có được")) ||
    view.contains(wordsOf("có phải")) ||
    view.endsWith(wordsOf("được không")) ||
    view.endsWith(wordsOf("hay không")) ||
    englishYesNoStart.test(first);
  const subject = framed.words.typed.join(" ");
  const typed = view.words.typed;
  return { text: words.join(" "), words, typed, subject, selfUnit, question, yesNo, followup, answer };
}
