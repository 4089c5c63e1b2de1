import { foldLetters } from "./fold.js";

/** A label as a sentence writes it after its start: "Mầm non" → "mầm non", "THCS, TH và THCS" as it is. */
export const midSentence = (label: string) =>
  /^\p{Lu}\p{Ll}/u.test(label) ? `${label.charAt(0).toLowerCase()}${label.slice(1)}` : label;

/** An abbreviation stays in capitals (THPT, GDĐT, UBND): it has no vowel; a word ("LỊCH", "HỒ SƠ") does. */
export const isAbbreviation = (word: string) => !/[aeiouy]/u.test(foldLetters(word));

/**
 * A caption written in capitals ("LỊCH TIẾP NHẬN HỒ SƠ … "NHÀ GIÁO TIÊU BIỂU TỈNH KIM SƠN"") as a sentence
 * writes it: abbreviations kept, a quoted name cased as the document writes it elsewhere.
 */
export function sentenceFromCapitals(capitals: string, documentText: string): string {
  const lowered = capitals
    .normalize("NFC")
    .split(/(\s+)/u)
    .map((word) => (isAbbreviation(word) ? word : word.toLowerCase()))
    .join("");
  const text = documentText.normalize("NFC");
  const textLower = text.toLowerCase();
  const cased = lowered.replace(
    /(["“])([^"”]{2,})(["”])/gu,
    (whole, open: string, name: string, close: string) => {
      const wanted = name.toLowerCase();
      // The first place the document writes the name in small letters too (a title in capitals tells nothing).
      for (let at = textLower.indexOf(wanted); at >= 0; at = textLower.indexOf(wanted, at + 1)) {
        const written = text.slice(at, at + name.length);
        if (/\p{Ll}/u.test(written)) return `${open}${written}${close}`;
      }
      return whole;
    },
  );
  return cased.charAt(0).toUpperCase() + cased.slice(1);
}
