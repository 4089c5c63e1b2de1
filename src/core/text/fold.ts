/** Folds letters for matching: lower case, no diacritics, đ → d; spacing left as it is. */
export function foldLetters(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").toLowerCase();
}

/** Folds Vietnamese text for matching: lower case, no diacritics, đ → d, single spaces. */
export function fold(text: string): string {
  return foldLetters(text).replace(/\s+/g, " ").trim();
}
