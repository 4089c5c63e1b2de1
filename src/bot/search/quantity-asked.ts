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
  /\b(?:bao nhieu|bn|toi da|toi thieu|it nhat|how many|how much|maximum|minimum|may (?=nguoi|ca nhan|tap the|don vi|truong|giao vien|co|thay|ban|bo|lan|diem|phan tram|sang kien))\s*(nguoi|ca nhan|tap the|don vi|truong|co so|ban|bo|diem|people|persons|copies)?/;
// A count of people is written with whoever is counted: "02 cá nhân", "01 lãnh đạo và 01 cán bộ đầu mối".
const people = "nguoi|ca nhan|can bo|lanh dao|giao vien|nhan vien|thanh vien|dong chi|cbql|tap the";
const counted: Record<string, string> = {
  nguoi: people,
  "ca nhan": people,
  people: people,
  persons: people,
  "tap the": "tap the",
  "don vi": "don vi|truong|co so",
  truong: "don vi|truong|co so",
  "co so": "don vi|truong|co so",
  ban: "ban|bo",
  bo: "ban|bo",
  copies: "ban|bo",
  diem: "diem",
};
const quotaWords = /\d|khong qua|toi da|toi thieu|it nhat|phan tram|%/;

/** For a folded question that asks a number: whether a folded text states one (of what it counts), else null. */
export function answersQuantity(foldedQuestion: string): ((foldedText: string) => boolean) | null {
  const asked = asksQuantity.exec(foldedQuestion);
  if (!asked) return null;
  const nouns = asked[1] ? counted[asked[1]] : undefined;
  const stated = nouns ? new RegExp(`\\d+\\s*(?:${nouns})\\b`) : quotaWords;
  return (text) => stated.test(text);
}
