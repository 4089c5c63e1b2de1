import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { z } from "zod";
import { type Locale, locales } from "../messages.js";

/** What a message can ask for, as the model learns it from the corpus. */
export const modelIntents = [
  "due_in_period",
  "overdue",
  "deadline_of",
  "requirements_of",
  "where_to_submit",
  "contact",
  "my_status",
  "missing_units",
  "mark_submitted",
  "register",
  "receive",
  "return_for_completion",
  "progress",
  "invite",
  "search",
  "help",
  "greeting",
  "farewell",
  "set_language",
  "undo",
  "unknown",
] as const;
export type ModelIntent = (typeof modelIntents)[number];

/** One example sentence, with the intent it carries and the family of paraphrases it belongs to. */
export interface Example {
  text: string;
  intent: ModelIntent;
  /** "vi:deadline_of:han-nop-ho-so": cross-validation keeps a family in one fold. */
  family: string;
  locale: Locale;
}

const intentSchema = z.enum(modelIntents);

/** Reads one corpus file (## intent, ### family, - example); a bad line stops with its number. */
export function parseCorpus(text: string, locale: Locale): Example[] {
  const examples: Example[] = [];
  let intent: ModelIntent | null = null;
  let family = "";
  text.split("\n").forEach((line, i) => {
    const where = `corpus/${locale}.md line ${i + 1}`;
    const heading = /^(#{2,3})\s+(\S.*?)\s*$/.exec(line);
    if (heading?.[1] === "##") {
      const parsed = intentSchema.safeParse(heading[2]);
      if (!parsed.success) throw new Error(`${where}: unknown intent "${heading[2]}"`);
      intent = parsed.data;
      family = `${locale}:${intent}:(none)`;
    } else if (heading?.[1] === "###") {
      if (!intent) throw new Error(`${where}: a family before any intent`);
      family = `${locale}:${intent}:${heading[2]}`;
    } else if (/^\s*[-*]\s+/.test(line)) {
      if (!intent) throw new Error(`${where}: an example before any intent`);
      const example = line.replace(/^\s*[-*]\s+/, "").trim();
      if (example) examples.push({ text: example, intent, family, locale });
    }
  });
  return examples;
}

const corpusFolder = new URL("./corpus/", import.meta.url);

// Bumped whenever normalize-message.ts or intent-features.ts changes what the model sees of a message or intent-model.ts how
// it trains: a model trained otherwise must not be read back.
const featuresVersion = "9";

/** The trained model's cache key: a hash of the features' version and of every corpus file. */
export function modelKey(files: { name: string; bytes: Uint8Array }[]): string {
  const hash = createHash("sha256").update(`features ${featuresVersion}\n`);
  for (const file of [...files].sort((a, b) => a.name.localeCompare(b.name)))
    hash.update(`${file.name}\n`).update(file.bytes);
  return hash.digest("hex").slice(0, 16);
}

/**
 * The examples of every language, with the model's cache key (modelKey: the chat words and cue words
 * shape the features as much as the examples do).
 */
export function loadCorpus(): { examples: Example[]; hash: string } {
  const files = readdirSync(corpusFolder).map((name) => ({
    name,
    bytes: readFileSync(new URL(name, corpusFolder)),
  }));
  const examples = locales.flatMap((locale) =>
    parseCorpus(readFileSync(new URL(`${locale}.md`, corpusFolder), "utf8"), locale),
  );
  return { examples, hash: modelKey(files) };
}
