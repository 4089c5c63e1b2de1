import { parseDeadline } from "./parse-deadline.js";
import type { DeadlineContext, DeadlineResult } from "./types.js";

export interface DeadlineHit {
  /** Where the words stand in the sentence as given (markup included). */
  index: number;
  length: number;
  result: DeadlineResult;
}

// Letters beyond ASCII repeat endlessly in a document: fold each distinct one once.
const foldedChars = new Map<string, string>();
function foldChar(char: string): string {
  let f = foldedChars.get(char);
  if (f === undefined) {
    f = char.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").toLowerCase();
    if (/[‐-―−]/.test(f)) f = "-";
    else if (/\s/.test(f)) f = " ";
    if (foldedChars.size < 4096) foldedChars.set(char, f);
  }
  return f;
}

/** Folds a sentence for matching while remembering where each folded character came from. */
function foldWithMap(text: string): { folded: string; origin: number[] } {
  const out: string[] = [];
  const origin: number[] = [];
  let lastSpace = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let f: string;
    if (code < 128) {
      if (code === 42) continue; // "*": emphasis markup left by the export
      f = code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : code <= 32 ? " " : text.charAt(i);
    } else {
      f = foldChar(text.charAt(i));
    }
    if (f === " ") {
      if (lastSpace) continue;
      lastSpace = true;
    } else if (f !== "") {
      lastSpace = false;
    }
    for (let k = 0; k < f.length; k++) {
      out.push(f.charAt(k));
      origin.push(i);
    }
  }
  origin.push(text.length);
  return { folded: out.join(""), origin };
}

const date = String.raw`(?:ngay\s*)?\d{1,2}(?:\s*[/.]\s*\d{1,2}(?:\s*[/.]\s*(?:\d{4}|\d{2}))?|-\d{1,2}(?:-(?:\d{4}|\d{2}))?|\s+thang\s+\d{1,2}(?:\s*(?:nam|,)?\s*\d{4})?)(?!\d)`;
const month = String.raw`thang\s+\d{1,2}(?:\s*(?:nam|/|-)\s*\d{4})?(?!\d)`;
// Not the month of a full date ("ngày 31 tháng 7 năm 2020" names a document).
const monthWithYear = String.raw`(?<!\d\s?)thang\s+\d{1,2}\s*(?:nam|/|-)\s*\d{4}(?!\d)`;
const quarterWithYear = String.raw`quy\s+(?:iv|iii|ii|i|[1-4])\s*(?:nam|/|-)\s*\d{4}(?!\d)`;
const schoolYear = String.raw`nam hoc\s+\d{4}\s*-\s*\d{4}(?!\d)`;
const quarter = String.raw`quy\s+(?:iv|iii|ii|i|[1-4])(?:\s*(?:nam|/|-)\s*\d{4})?(?![a-z\d])`;

// Only words that set a time for doing something: a bare date in prose mostly names a document.
const finder = new RegExp(
  [
    // "Từ ngày 15/5/2024 - 28/5/2024", "từ nay đến hết năm 2024", "Từ tháng 01 năm 2025 đến hết năm học 2024 - 2025"
    String.raw`\btu\s+(?:ngay\s+)?(?:nay|${date}|${month})\s*(?:den het|den|toi het|toi|-)\s*(?:ngay\s+)?(?:${date}|${schoolYear}|${month}|${quarter}|nam\s+\d{4}(?!\d))`,
    // "Hạn chót nộp sáng kiến kinh nghiệm: 15/4/2025"
    String.raw`\b(?:han chot|han cuoi|han nop|thoi han(?: nop)?)\b[^:.;]{0,80}:\s*(?:${date})`,
    // "trước ngày 18/01/2023", "chậm nhất ngày 27 tháng 10 năm 2023", "đến hết tháng 5/2024"
    String.raw`\b(?:truoc|cham nhat|muon nhat|han chot|han cuoi|den het|khong qua|khong muon hon)(?:\s+la)?(?:\s+vao)?(?:\s+ngay)?\s*:?\s*(?:${date}|${month}|${quarter})`,
    // "(tháng 8 năm 2025)", "quý II năm 2025"
    String.raw`\b${monthWithYear}`,
    String.raw`\b${quarterWithYear}`,
    // "trong tháng 3" — a month without a year counts only when a time word leads it
    String.raw`(?<=\b(?:trong|vao|cuoi|dau)\s)thang\s+\d{1,2}(?!\d)(?!\s*(?:nam|/|-)\s*\d)`,
  ].join("|"),
  "y",
);
// Words one of the patterns above starts with: the full pattern is tried only where one stands,
// which keeps a long document's scan to a few milliseconds.
const anchors = /\b(?:tu|truoc|cham nhat|muon nhat|han|thoi han|den het|khong qua|thang|quy)\b/g;

/** Finds the deadline expressions inside a sentence, each read with parseDeadline. */
export function findDeadlines(sentence: string, ctx: DeadlineContext): DeadlineHit[] {
  const hits: DeadlineHit[] = [];
  if (!/\d/.test(sentence)) return hits; // every deadline pattern holds a number
  try {
    const { folded, origin } = foldWithMap(sentence);
    anchors.lastIndex = 0;
    for (let anchor = anchors.exec(folded); anchor; anchor = anchors.exec(folded)) {
      finder.lastIndex = anchor.index;
      const m = finder.exec(folded);
      if (!m) continue;
      anchors.lastIndex = m.index + m[0].length;
      const start = origin[m.index] ?? 0;
      let end = (origin[m.index + m[0].length - 1] ?? start) + 1;
      // Keep the combining marks of a decomposed last letter with it.
      while (end < sentence.length && /\p{M}/u.test(sentence.charAt(end))) end++;
      const words = sentence.slice(start, end);
      hits.push({ index: start, length: end - start, result: parseDeadline(words, ctx) });
    }
  } catch {
    return hits; // a sentence that defeats the patterns yields what was found so far, never an exception
  }
  return hits;
}
