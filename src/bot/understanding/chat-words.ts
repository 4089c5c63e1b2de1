import { readFileSync } from "node:fs";
import { z } from "zod";
import { fold } from "../../core/index.js";

const kinds = [
  "spelling",
  "particle",
  "tail",
  "opener",
  "aside",
  "aside-end",
  "self",
  "followup",
  "yes",
  "no",
  "asking",
  "asking-end",
] as const;
type Kind = (typeof kinds)[number];

/** A message's words as typed (lower case, diacritics kept) beside their folded forms. */
export interface Words {
  typed: string[];
  folded: string[];
}

/** One entry of the table: its words as written and folded. */
export type Phrase = Words;

/** The chat-words table. */
export interface ChatWords {
  /** A typed word, or a few ("dk thi dua"), folded → the words they stand for. */
  spelling: Map<string, { written: Words; means: Words }[]>;
  /** Phrases of the other kinds, longest first so "anh chị ơi" wins over "anh". */
  phrases: Record<Exclude<Kind, "spelling">, Phrase[]>;
}

const rowSchema = z.tuple([z.enum(kinds), z.string().min(1)]).rest(z.string());

/**
 * Splits text into words as typed and folded, with punctuation as a space ("/lang" keeps its slash, and
 * "%" is a word of its own: "bao nhiêu %" asks a share).
 */
export function wordsOf(text: string): Words {
  const typed = text
    .normalize("NFC")
    .toLowerCase()
    .replace(/%/gu, " % ")
    .split(/[^\p{L}\p{M}\p{N}/%]+/u)
    .filter(Boolean);
  return { typed, folded: typed.map(fold) };
}

const hasDiacritics = (word: string) => word !== fold(word);

/** Whether a message is written with diacritics: then each of its words means exactly what it shows. */
export function writtenWithDiacritics(words: Words): boolean {
  return words.typed.some(hasDiacritics);
}

/**
 * Whether a typed word is the entry's word: as written in a message with diacritics ("cho" is not
 * "chỗ", "đã" is not "dạ"); folded in a message typed without any.
 */
export function sameWord(typed: string, folded: string, entry: Phrase, i: number, exact: boolean): boolean {
  if (folded !== entry.folded[i]) return false;
  return !exact || typed === entry.typed[i];
}

/** Reads the table (kind, as typed, meaning; tab-separated); a bad line stops start-up with its number. */
export function parseChatWords(text: string): ChatWords {
  const spelling: ChatWords["spelling"] = new Map();
  const phrases = Object.fromEntries(
    kinds.filter((k) => k !== "spelling").map((k) => [k, [] as Phrase[]]),
  ) as ChatWords["phrases"];
  text.split("\n").forEach((line, i) => {
    if (!line.trim() || line.startsWith("#")) return;
    const parsed = rowSchema.safeParse(line.split("\t"));
    if (!parsed.success) throw new Error(`chat-words.tsv line ${i + 1}: expected kind<TAB>words`);
    const [kind, written, means] = parsed.data;
    const words = wordsOf(written);
    if (kind === "spelling") {
      if (!means) throw new Error(`chat-words.tsv line ${i + 1}: a spelling needs what it means`);
      const key = words.folded.join(" ");
      spelling.set(key, [...(spelling.get(key) ?? []), { written: words, means: wordsOf(means) }]);
    } else phrases[kind].push(words);
  });
  for (const list of Object.values(phrases)) list.sort((a, b) => b.folded.length - a.folded.length);
  return { spelling, phrases };
}

let loaded: ChatWords | undefined;
/** The table in src/bot/understanding/corpus/chat-words.tsv, read once. */
export function chatWords(): ChatWords {
  loaded ??= parseChatWords(readFileSync(new URL("./corpus/chat-words.tsv", import.meta.url), "utf8"));
  return loaded;
}
