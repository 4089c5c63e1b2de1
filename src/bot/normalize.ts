import { fold } from "../core/index.js";

/** Folds a message for matching: the core fold, with punctuation turned into spaces. */
export function foldText(text: string): string {
  return fold(text.replace(/[^\p{L}\p{M}\p{N}/]+/gu, " "));
}
