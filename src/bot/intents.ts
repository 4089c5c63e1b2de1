import { foldText } from "./normalize.js";

export type Intent = "greeting" | "help" | "farewell" | "unknown";

// Folded forms (no diacritics) of whole messages that carry these intents.
const exactPhrases: Record<Exclude<Intent, "unknown">, string[]> = {
  greeting: [
    "xin chao",
    "chao",
    "chao ban",
    "chao bot",
    "alo",
    "hello",
    "hi",
    "hey",
    "good morning",
    "/start",
  ],
  help: [
    "help",
    "/help",
    "tro giup",
    "giup",
    "giup do",
    "huong dan",
    "menu",
    "ban lam duoc gi",
    "what can you do",
  ],
  farewell: ["thoat", "tam biet", "bye", "goodbye", "quit", "exit", "/quit"],
};

/** Recognises what a message asks for. */
export function detectIntent(text: string): Intent {
  const folded = foldText(text);
  for (const [intent, phrases] of Object.entries(exactPhrases) as [Intent, string[]][]) {
    if (phrases.includes(folded)) return intent;
  }
  if (/^(xin )?chao\b/.test(folded) || /^(hello|hi)\b/.test(folded)) return "greeting";
  return "unknown";
}
