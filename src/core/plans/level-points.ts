import { listItemText } from "./plan-text.js";

/** The names of school levels, as a regex alternation. */
export const levelName =
  "mầm non|mẫu giáo|tiểu học|TH&THCS|TH và THCS|THCS&THPT|THCS|THPT|trung học cơ sở|trung học phổ thông|GDTX|GDNN-GDTX";

/** Words that name levels only: "Cấp mầm non", "Các trường tiểu học và THCS", "Khối THCS", "Mầm non"; the levels are group 1. */
export const levelPoint = new RegExp(
  `^(?:đối với\\s+)?(?:các\\s+)?(?:(?:cấp(?:\\s+học)?|bậc|trường|khối)\\s+)?((?:${levelName})(?:\\s*(?:,|và)\\s*(?:(?:cấp|trường)\\s+)?(?:${levelName}))*)$`,
  "iu",
);

/** The levels a point is for when it opens with them ("+ Cấp THCS: thcs@…" → "Cấp THCS"), else null. */
export function levelLabel(text: string): string | null {
  // "b) Tiểu học: …", "2. Cấp THCS: …": the point's letter or number is no part of the label.
  const label = /^([^:]{4,80}):/u
    .exec(listItemText(text).replace(/^(?:[a-zđ]\)|\d{1,2}[.)])\s+/u, ""))?.[1]
    ?.trim();
  // "Trường mầm non (công lập và tư thục)", "Trường THCS; trường có nhiều cấp học (…) gửi theo …": the
  // levels named first, without the brackets and what the ";" adds.
  const levels = label
    ?.replace(/\s*\([^()]*\)/gu, "")
    .split(";")[0]
    ?.trim();
  return levels && levelPoint.test(levels) ? levels : null;
}
