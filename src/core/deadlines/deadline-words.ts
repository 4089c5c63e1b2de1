import { fold } from "../text/fold.js";

// The grammar works on folded words (lower case, no diacritics, đ → d, every dash "-", single spaces):
// the finder folds a whole sentence the same way, so both read exactly the same expressions.

/** Removes markup, composes Unicode and folds spaces: the document's own words, as kept in `raw`. */
export function cleanDeadlineWords(text: string): string {
  return text
    .normalize("NFC")
    .replace(/~~[^~]*~~/g, "") // struck-through words are withdrawn text
    .replace(/\*+/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Folds words for matching: the core fold, with every kind of dash written "-". */
export function foldDeadlineWords(text: string): string {
  return fold(text).replace(/[‐-―−]/g, "-");
}
