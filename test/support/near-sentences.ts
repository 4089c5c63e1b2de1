import { normalizeMessage } from "../../src/bot/understanding/normalize-message.js";

/**
 * Finds which of `examples` read as one of `questions` lightly reworded (or as the same sentence):
 * their words overlap by 60 % or more, or the example holds nearly every word of a question of five
 * words or more.
 */
export function rewordings(examples: string[], questions: string[]): { example: string; question: string }[] {
  const wordsOf = (text: string) => new Set(normalizeMessage(text).words);
  const asked = questions.map((q) => ({ q, words: wordsOf(q) }));
  return examples.flatMap((example) => {
    const x = wordsOf(example);
    return asked
      .filter(({ words: y }) => {
        let shared = 0;
        for (const w of y) if (x.has(w)) shared++;
        const jaccard = shared / (x.size + y.size - shared || 1);
        return jaccard >= 0.6 || (y.size >= 5 && shared / y.size >= 0.85);
      })
      .map(({ q }) => ({ example, question: q }));
  });
}
