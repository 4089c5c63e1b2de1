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
    .replace(/\s*\(\*+\)/g, "") // "24/5 (*)": a footnote's mark
    .replace(/\*+/g, "")
    .replace(invisibleChars, "")
    .replace(/\s+/g, " ")
    .trim();
}

// "ngày mười lăm tháng 12", "ngày hai mươi mốt tháng 5": a day written in words, as some offices do to
// rule out a misread figure. Only before "tháng" and a month's figure, where "năm" cannot be the year.
const unitWords: Record<string, number> = {
  mot: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  tu: 4,
  nam: 5,
  lam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
};
// "tư" and "lăm" stand for 4 and 5 only after "mươi"; alone, "từ tháng" is "from the month".
const units = "mot|hai|ba|bon|tu|lam|nam|sau|bay|tam|chin";
const alone = "mot|hai|ba|bon|nam|sau|bay|tam|chin";
const writtenDayRe = new RegExp(
  `(?<![a-z])(ngay\\s+)((?:(?:mong|mung)\\s+)?(?:(?:(?:hai|ba)\\s+muoi|muoi)(?:\\s+(?:${units}))?|${alone}))(?=\\s*,?\\s*thang\\s*\\d)`,
  "g",
);

function dayOfWords(words: string): number {
  const [first = "", second, third] = words.replace(/^(?:mong|mung)\s+/, "").split(/\s+/);
  if (first === "muoi") return 10 + (second ? (unitWords[second] ?? 0) : 0);
  if (second === "muoi") return 10 * (unitWords[first] ?? 0) + (third ? (unitWords[third] ?? 0) : 0);
  return unitWords[first] ?? 0;
}

// "tháng Năm năm 2027", "tháng Giêng năm 2027": a month in words, read only before "năm" and a year,
// where "năm" cannot be anything else.
const monthWords: Record<string, number> = {
  gieng: 1,
  mot: 1,
  hai: 2,
  ba: 3,
  tu: 4,
  bon: 4,
  nam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
  muoi: 10,
  "muoi mot": 11,
  "muoi hai": 12,
};
const writtenMonthRe =
  /(?<![a-z])(thang\s+)(muoi mot|muoi hai|gieng|mot|hai|ba|tu|bon|nam|sau|bay|tam|chin|muoi)(?=\s+nam\s+\d{4})/g;

/** Writes a day (and a month) given in words as figures, padded with spaces so every position stays where it was. */
export function dayWordsAsFigures(folded: string): string {
  if (!folded.includes("thang")) return folded;
  const months = folded.replace(writtenMonthRe, (_whole, lead: string, words: string) => {
    const figure = String(monthWords[words] ?? "");
    return `${lead}${" ".repeat(words.length - figure.length)}${figure}`;
  });
  return months.replace(writtenDayRe, (whole, lead: string, words: string) => {
    const day = dayOfWords(words);
    if (day < 1 || day > 31) return whole;
    const figure = String(day);
    return `${lead}${" ".repeat(words.length - figure.length)}${figure}`;
  });
}

/** Folds words for matching: the core fold, with every kind of dash written "-" and days in figures. */
export function foldDeadlineWords(text: string): string {
  return dayWordsAsFigures(fold(text).replace(/[‐-―−]/g, "-"));
}
