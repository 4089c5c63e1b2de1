import { fold } from "../../core/index.js";

// "mỗi trường" in a question is the "mỗi đơn vị" of the plans' quotas; "trường" alone would find "Trường hợp".
const eachSchool = /(?<!\p{L})(mỗi|moi)\s+(?:trường|truong)(?!\p{L})/giu;

/** A question with "mỗi trường" put as the plans write a quota's unit. */
export function asQuotaUnit(question: string): string {
  const written = question !== fold(question);
  return question.replace(eachSchool, written ? "$1 đơn vị" : "$1 don vi");
}

// "bao nhiêu người", "tối đa mấy bản", "how many": the question asks a number the plan states, and what
// it counts when it says so.
const asksQuantity =
  /\b(?:bao nhieu|bn|toi da|toi thieu|it nhat|how many|how much|maximum|minimum|may (?=nguoi|ca nhan|tap the|don vi|truong|giao vien|co|thay|ban|bo|lan|diem|phan tram|sang kien|dong tac gia|trang|phieu|bang khen|giay khen|suat))\s*(?:(nguoi|ca nhan|tap the|don vi|truong|co so|ban|bo|diem|people|persons|teachers|staff|schools|units|copies|bang khen|giay khen|suat|sang kien|dong tac gia|trang|phieu)(?![a-z]))?/;
const asksQuantityEvery = new RegExp(asksQuantity.source, "g");
// A count of people is written with whoever is counted: "02 cá nhân", "01 lãnh đạo và 01 cán bộ đầu mối".
const people = "nguoi|ca nhan|can bo|lanh dao|giao vien|nhan vien|thanh vien|dong chi|cbql|tap the";
const counted: Record<string, string> = {
  nguoi: people,
  "ca nhan": people,
  people: people,
  persons: people,
  teachers: people,
  staff: people,
  schools: "don vi|truong|co so",
  units: "don vi|truong|co so",
  "tap the": "tap the",
  "don vi": "don vi|truong|co so",
  truong: "don vi|truong|co so",
  "co so": "don vi|truong|co so",
  ban: "ban|bo",
  bo: "ban|bo",
  copies: "ban|bo",
  diem: "diem",
  // "bao nhiêu bằng khen": awards are counted by whom they go to ("03 cá nhân và 01 tập thể").
  "bang khen": `${people}|don vi|truong`,
  "giay khen": `${people}|don vi|truong`,
  suat: `${people}|don vi|truong|suat`,
  // "bao nhiêu sáng kiến", "mấy đồng tác giả", "tối đa mấy trang": counted as the plan counts them.
  "sang kien": "sang kien",
  "dong tac gia": "dong tac gia|tac gia",
  trang: "trang",
  phieu: "phieu",
};
const quotaWords = /\d|khong qua|toi da|toi thieu|it nhat|phan tram|%/;
// "bao nhiêu %", "tỷ lệ … tối đa", "what percentage": a share, which the plans write "15%" or "1/3 số".
const asksShare = /%|phan tram|\bty le\b|\bti le\b|percent|\brate\b|\bratio\b/;
const asksCap = /\b(?:toi da|khong qua|nhieu nhat|maximum|at most|cap)\b/;
const statesCap = /\b(?:khong qua|toi da|khong vuot qua|khong duoc vuot|duoi|nhieu nhat)\b/;
const asksFloor = /\b(?:toi thieu|it nhat|tro len|minimum|at least)\b/;
const statesFloor = /\b(?:toi thieu|it nhat|tro len|tren)\b/;
const statedShare = /\d+(?:[.,]\d+)?\s*(?:%|phan tram)|\d+\s*\/\s*\d+\s*(?:so|tong so)\b/;

/** What a question that asks a number needs of a passage: to state one, and whether of what it counts. */
export interface QuantityAsked {
  states(foldedText: string): boolean;
  /** The question names what it counts ("bao nhiêu cá nhân", "bao nhiêu %"): a passage stating it is far likelier. */
  counted: boolean;
}

/** For a folded question that asks a number: how to tell a folded text that states it, else null. */
export function answersQuantity(foldedQuestion: string): QuantityAsked | null {
  // "tối đa bao nhiêu người": the word that names what is counted may follow a later question word.
  const every = [...foldedQuestion.matchAll(asksQuantityEvery)];
  const asked = every.find((m) => m[1]) ?? every[0] ?? null;
  const share = asksShare.test(foldedQuestion);
  if (share && !asked?.[1]) {
    // "tối đa bao nhiêu %" asks a cap ("không quá 15%"), "ít nhất" a floor ("từ 70% trở lên").
    const bound = asksCap.test(foldedQuestion)
      ? statesCap
      : asksFloor.test(foldedQuestion)
        ? statesFloor
        : null;
    return {
      states: (text) => statedShare.test(text) && (!bound || bound.test(text)),
      counted: true,
    };
  }
  if (!asked) return null;
  const nouns = asked[1] ? counted[asked[1]] : undefined;
  // "bao nhiêu người" of a quota the plan writes as a share: "không vượt quá 20% tổng số cá nhân …".
  const stated = nouns ? new RegExp(`\\d+\\s*(?:${nouns})\\b|${statedShare.source}`) : quotaWords;
  return { states: (text) => stated.test(text), counted: nouns !== undefined };
}

// The words that ask for a number ("tỷ lệ … tối đa bao nhiêu phần trăm"), not what it is a number of.
const quantityWords = new Set([
  "ty",
  "ti",
  "le",
  "phan",
  "tram",
  "bao",
  "nhieu",
  "toi",
  "da",
  "thieu",
  "it",
  "nhat",
]);

/** A question's words without those that ask for a number: what the number is of. */
export function withoutQuantityWords(words: string[]): string[] {
  return words.filter((w) => !quantityWords.has(w));
}
