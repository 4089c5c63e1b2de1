import { fold } from "../text/fold.js";

// The grammar works on folded words (lower case, no diacritics, đ → d, every dash "-", single spaces):
// the finder folds a whole sentence the same way, so both read exactly the same expressions.

// Zero-width spaces and joiners and soft hyphens that editors leave inside "30/11": nothing a reader sees.
export const invisibleChar = /[\u00AD\u200B-\u200D\u2060]/;
const invisibleChars = new RegExp(invisibleChar.source, "g");

/** Removes markup, composes Unicode and folds spaces: the document's own words, as kept in `raw`. */
export function cleanDeadlineWords(text: string): string {
  return text
    .normalize("NFC")
    .replace(/~~[^~]*~~/g, "") // struck-through words are withdrawn text
    .replace(/\*+/g, "")
    .replace(invisibleChars, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Folds words for matching: the core fold, with every kind of dash written "-". */
export function foldDeadlineWords(text: string): string {
  return fold(text).replace(/[‐-―−]/g, "-");
}
