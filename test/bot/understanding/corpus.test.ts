import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { locales } from "../../../src/bot/messages.js";
import {
  loadCorpus,
  modelIntents,
  modelKey,
  parseCorpus,
} from "../../../src/bot/understanding/intent-corpus.js";
import { rewordings } from "../../support/near-sentences.js";

const { examples } = loadCorpus();

describe("the intent corpus", () => {
  it.each(locales.flatMap((locale) => modelIntents.map((intent) => [locale, intent] as const)))(
    "has at least 40 examples of %s for %s",
    (locale, intent) => {
      expect(
        examples.filter((e) => e.locale === locale && e.intent === intent).length,
      ).toBeGreaterThanOrEqual(40);
    },
  );

  it("says each example once", () => {
    const seen = new Map<string, string>();
    const twice = examples.filter((e) => {
      const key = e.text.toLowerCase();
      const first = seen.get(key);
      seen.set(key, e.intent);
      return first !== undefined;
    });
    expect(twice.map((e) => e.text)).toEqual([]);
  });

  it("keeps families of paraphrases, so cross-validation can hold each one out whole", () => {
    const families = new Set(examples.map((e) => e.family));
    expect(families.size).toBeGreaterThan(examples.length / 8);
    for (const family of families) expect(family).not.toMatch(/:\(none\)$/);
  });

  // The question sets measure the assistant; a corpus that held their sentences, or light rewordings
  // of them, would make the measurement say nothing.
  it("holds no sentence of the evaluation question sets, nor a light rewording of one", () => {
    const questions = ["questions.dev.jsonl", "questions.dev2.jsonl"].flatMap((file) =>
      readFileSync(new URL(`../../../../shared/eval/${file}`, import.meta.url), "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => (JSON.parse(line) as { text: string }).text),
    );
    const near = rewordings(
      examples.map((e) => e.text),
      questions,
    );
    expect(near).toEqual([]);
  });

  it("refuses a file with an unknown intent or an example outside any intent, naming the line", () => {
    expect(() => parseCorpus("## asking_for_pizza\n- một cái pizza", "vi")).toThrow(/line 1: unknown intent/);
    expect(() => parseCorpus("- một câu lạc", "vi")).toThrow(/line 1: an example before any intent/);
  });
});

describe("the trained model's cache key", () => {
  const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
  const corpus = [file("vi.md", "## help\n- giúp gì được"), file("cue-words.tsv", "help\tgiúp")];

  it("changes when a table the features read changes, not only the examples", () => {
    const edited = [corpus[0]!, file("cue-words.tsv", "help\tgiúp\thỗ trợ")];
    expect(modelKey(edited)).not.toBe(modelKey(corpus));
  });

  it("does not depend on the order the files are listed in", () => {
    expect(modelKey([...corpus].reverse())).toBe(modelKey(corpus));
  });
});
