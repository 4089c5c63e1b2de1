import { addDays } from "./calendar-days.js";
import { cleanDeadlineWords, foldDeadlineWords } from "./deadline-words.js";
import { evaluate, success } from "./evaluate-expression.js";
import { Refusal, type Words } from "./evaluation-terms.js";
import { matchDeadlineExpression } from "./match-expression.js";
import { findRelative } from "./relative-deadline.js";
import type { DeadlineContext, DeadlineFailure, DeadlineResult } from "./types.js";

// The finder and others read these from here; they live with the step they belong to.
export { cleanDeadlineWords, foldDeadlineWords } from "./deadline-words.js";
export { type ExpressionMatch, matchDeadlineExpression } from "./match-expression.js";
export type { PointMatch } from "./match-period.js";

// Words that time a task without a date: by a schedule, repeatedly, or after an event ("Sau Hội nghị tổng kết").
const unscheduledRe =
  /(?<![a-z])(theo lich|theo ke hoach|theo huong dan|theo thong bao|theo yeu cau|theo tien do|khi co (?:yeu cau|van ban|thong bao|chi dao)|thuong xuyen|dinh ky|(?:hang|moi) (?:ngay|tuan|thang|quy|nam|ky|dot)|lien tuc|dot xuat|kip thoi|ca nam|suot nam|sau (?:khi|hoi nghi|le|ket thuc|tong ket|buoi|dot|cuoc|hoi thi|tet))(?![a-z])/;
const trailingPunctuation = /[\s.,;:!?]+$/;
const trailingAside = /\s*\([^()]*\)$/; // "(thứ Hai)", "(theo dấu bưu điện)"
const trailingRecurrence = /\s*,?\s*(?:hang|moi) nam(?: hoc)?$/; // "trước ngày 20/10 hằng năm"
const trailingHour = /\s*,\s*(?:luc\s+)?\d{1,2}\s*(?:h|gio)\s*(?:\d{2})?(?:\s*phut)?$/; // "Ngày 25/9 (thứ Sáu), 14h00"
// "Tuần thứ 3 (từ 19/10 đến 23/10)": a week that gives its own days, which win over counting weeks.
// "Tuần 1 (02/11 – 08/11)": the same, written as a span between two days.
const weekWithDays = /^(tuan\b[^()]*?)\s*\(((?:tu\s[^()]*\sden\s|\d[^()]*?\s*-\s*\d)[^()]*)\)$/;
// "Tuần từ 31/5 – 04/6/2027": the week is the span it names.
const weekSpan = /^tuan\s+(tu\s.+)$/;
// "chậm nhất vào thứ Hai tuần đầu tiên của tháng 1/2027": that day of that week.
const dayOfWeek =
  /^(?:(cham nhat|han chot|truoc)\s+)?(?:vao\s+)?(?:ngay\s+)?(thu (?:hai|ba|tu|nam|sau|bay)|chu nhat)\s*,?\s*(?:cua\s+)?(tuan\s.+)$/;
const weekdayOffset: Record<string, number> = {
  "thu hai": 0,
  "thu ba": 1,
  "thu tu": 2,
  "thu nam": 3,
  "thu sau": 4,
  "thu bay": 5,
  "chu nhat": 6,
};

/** Where the words could end: as written, without a closing aside, without "hằng năm". */
function endings(f: string, wrapped: boolean): string[] {
  let base = f.replace(trailingPunctuation, "");
  if (wrapped) base = base.replace(/\)$/, "").replace(trailingPunctuation, "");
  base = base.replace(trailingHour, "");
  const out = [base];
  const noAside = base.replace(trailingAside, "").replace(trailingPunctuation, "");
  if (noAside !== base) out.push(noAside);
  const noRecurrence = noAside.replace(trailingRecurrence, "");
  if (noRecurrence !== noAside) out.push(noRecurrence);
  return out;
}

function failure(raw: string, reason: DeadlineFailure, detail: string): DeadlineResult {
  return { ok: false, raw, reason, detail };
}

/** Reads one deadline expression (an appendix cell, or words found in a sentence) into its window. */
export function parseDeadline(text: string, ctx: DeadlineContext): DeadlineResult {
  let raw = "";
  try {
    raw = cleanDeadlineWords(String(text));
    if (!raw) return failure(raw, "empty", "There are no words to read as a deadline");
    // "thứ Hai (24/5)": the day in brackets after its weekday reads as "thứ Hai, 24/5" (same length).
    const f = foldDeadlineWords(raw).replace(
      /(thu (?:hai|ba|tu|nam|sau|bay)|chu nhat) \((\d{1,2}\/\d{1,2}(?:\/\d{2,4})?)\)/g,
      "$1, $2 ",
    );
    // Quote the document's own words when folding kept every position (it does for Vietnamese).
    const source = f.length === raw.length ? raw : f;
    const words: Words = (start, end) => source.slice(start, end).trim();
    // "Sáng 20/11/2026", "Chiều thứ Tư, 18/11": the part of the day is no part of the date; nor is the
    // lesson period of "Tiết 5, thứ Hai (24/5)".
    const lead =
      /^[\s(\-+•·]*(?:tiet\s+\d{1,2}(?:\s*-\s*\d{1,2})?\s*,?\s*(?=(?:ngay\s+)?\d|thu\s|chu nhat|sang|chieu))?(?:(?:buoi\s+)?(?:sang|chieu|toi)\s+(?=(?:ngay\s+)?\d|thu\s|chu nhat))?/.exec(
        f,
      )?.[0] ?? "";
    const lo = lead.length;
    // "Chậm nhất 05 ngày làm việc sau khi …": no day of its own; the plan may date the event (see
    // resolveRelativeDeadlines).
    if (findRelative(f.slice(lo), { whole: true })?.index === 0)
      return success(raw, "unscheduled", null, null);
    const week = weekWithDays.exec(f.slice(lo).replace(trailingPunctuation, ""));
    if (week?.[2]) {
      const days = parseDeadline(week[2], ctx);
      if (days.ok && days.deadline.kind === "range")
        return success(raw, "range", days.deadline.start, days.deadline.due);
    }
    const weekday = dayOfWeek.exec(f.slice(lo).replace(trailingPunctuation, ""));
    if (weekday?.[2] && weekday[3]) {
      const week = parseDeadline(weekday[3], ctx);
      if (week.ok && week.deadline.kind === "range" && week.deadline.start) {
        const day = addDays(week.deadline.start, weekdayOffset[weekday[2]] ?? 0);
        if (weekday[1] === "truoc") return success(raw, "before", null, addDays(day, -1));
        return weekday[1] ? success(raw, "by", null, day) : success(raw, "on", day, day);
      }
    }
    const span = weekSpan.exec(f.slice(lo).replace(trailingPunctuation, ""));
    if (span?.[1]) {
      const days = parseDeadline(span[1], ctx);
      if (days.ok && days.deadline.kind === "range")
        return success(raw, "range", days.deadline.start, days.deadline.due);
    }
    for (const candidate of endings(f, lead.includes("("))) {
      if (candidate.length <= lo) continue;
      const e = matchDeadlineExpression(candidate, lo, true);
      if (e) return evaluate(e, raw, ctx, words);
    }
    if (unscheduledRe.test(f)) return success(raw, "unscheduled", null, null);
    const partial = matchDeadlineExpression(f, lo, false);
    if (partial) {
      return failure(
        raw,
        "unrecognised",
        `"${words(partial.end, f.length)}" after "${words(lo, partial.end)}" is not part of a deadline`,
      );
    }
    const detail = /\d/.test(f)
      ? `No deadline form matches "${raw}"`
      : `"${raw}" names no date, period or schedule word`;
    return failure(raw, "unrecognised", detail);
  } catch (error) {
    if (error instanceof Refusal) return failure(raw, error.reason, error.detail);
    return failure(raw, "unrecognised", `"${raw}" could not be read`);
  }
}
