import { foldLetters } from "../text/fold.js";
import { isoDay } from "./calendar-days.js";
import { at, hourSpanRe } from "./deadline-patterns.js";
import { dayWordsAsFigures, invisibleChar } from "./deadline-words.js";
import { type ExpressionMatch, matchDeadlineExpression, parseDeadline } from "./parse-deadline.js";
import { findRelative } from "./relative-deadline.js";
import type { DeadlineContext, DeadlineResult } from "./types.js";

/** A deadline expression found in a sentence, with its reading. */
export interface DeadlineHit {
  /** Where the words stand in the sentence as given (markup included). */
  index: number;
  length: number;
  result: DeadlineResult;
}

// Each distinct letter is folded once: Latin and Vietnamese letters, combining marks and dashes in a
// small table indexed by code unit, anything rarer in a bounded map.
const commonFolds: (string | undefined)[] = new Array(0x2100);
const rareFolds = new Map<string, string>();
function foldChar(char: string, code: number): string {
  let f = code < 0x2100 ? commonFolds[code] : rareFolds.get(char);
  if (f === undefined) {
    f = foldLetters(char);
    if (invisibleChar.test(f)) f = "";
    else if (/[‐-―−]/.test(f)) f = "-";
    else if (/\s/.test(f)) f = " ";
    if (code < 0x2100) commonFolds[code] = f;
    else if (rareFolds.size < 4096) rareFolds.set(char, f);
  }
  return f;
}

/** Folds a sentence as parseDeadline folds a cell, remembering where each folded character came from. */
function foldWithMap(text: string): { folded: string; origin: number[] } {
  let folded = "";
  const origin: number[] = [];
  let lastSpace = true; // also drops leading spaces, as the parser's trim does
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let f: string;
    if (code < 128) {
      if (code === 42) continue; // "*": emphasis markup left by the export
      if (code <= 32) {
        if (lastSpace) continue;
        lastSpace = true;
        folded += " ";
        origin.push(i);
        continue;
      }
      f = code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text.charAt(i);
    } else {
      f = foldChar(text.charAt(i), code);
      if (f === " ") {
        if (lastSpace) continue;
      } else if (f === "") {
        continue;
      }
    }
    lastSpace = f === " ";
    folded += f;
    for (let k = 0; k < f.length; k++) origin.push(i);
  }
  origin.push(text.length);
  return { folded: dayWordsAsFigures(folded), origin };
}

// Words a reported expression can start with; the grammar is tried only where one stands, which keeps
// a long document's scan to a few milliseconds.
const anchors =
  /(?<![a-z\d])(?:bat dau|cac ngay|tu|truoc|cham nhat|muon nhat|han|thoi han|thoi gian|den het|toi het|khong qua|khong muon|khong cham|khong nhan|khong tiep nhan|khong chap nhan|khong giai quyet|trong|vao|du kien|khoang|luc|cuoi|dau|giua|(?:thuong|trung|ha) tuan|thang|quy)(?![a-z])/g;
// "1. Trong vòng 03 ngày kể từ …: …": a point's number before a count that opens it.
// "2. 15/02 – 11h00 ngày 05/3/2027: …": a point's number before the words or the days that time it.
const lineOpening = /^[\s\-+•·]*(?:\d{1,2}[.)]\s+(?=trong vong|cham nhat|sau|truoc|\d{1,2}\/\d{1,2}))?/;
// Every reported expression holds a digit or names a quarter, semester or school year ("vào quý II",
// "vào cuối năm học"): a sentence with none is not folded at all, which is most of a document.
const mayHoldDeadline =
  /\d|qu[yýỳỷỹỵ]\p{M}*\s*(?:i{1,3}|iv)(?![\p{L}\d])|h[oọ]\p{M}*c\s*k|hk\s*i|n[aă]\p{M}*m\s*h[oọ]\p{M}*c/iu;
const startsOrDates = /(?:\d\s?|(?<![a-z])(?:tu|sau))\s?$/;
const neutralTimeWords = new Set([
  "trong",
  "trong thoi gian",
  "trong khoang",
  "vao",
  "vao khoang",
  "du kien",
  "du kien vao",
  "du kien trong",
  "du kien to chuc",
  "khoang",
  // "lúc 14 giờ 00, thứ Năm, ngày 12/11/2026": the hour of a meeting.
  "luc",
]);

/** A day or a range that opens a line and is followed by a colon labels a step: "- 04/6 – 07/6/2024: …". */
function opensScheduleLine(e: ExpressionMatch, folded: string, lineStart: number): boolean {
  // "- Ngày 23/6/2027 (thứ Tư): …": the weekday in brackets before the colon.
  if (e.start !== lineStart || !/^\s*(?:\([^()]{1,30}\)\s*)?:/.test(folded.slice(e.end, e.end + 36)))
    return false;
  if (e.range) return true;
  // "2.1. Tổ chức:" is a section number, not 2 January: a day needs "ngày" or a year.
  return e.point?.type === "day" && (e.point.hasNgay || e.point.year !== undefined);
}

/**
 * Whether words read at an anchor set a time for doing something. A bare date in prose mostly names
 * a document ("Kế hoạch số 02/KH ngày 10/12/2020"), and "năm học 2023-2024" or "năm 2024" mostly
 * names the period an achievement belongs to, so those need a deadline word before them.
 */
function setsATime(e: ExpressionMatch, folded: string): boolean {
  // "không quá 1/3 số đơn vị thành viên": a share, not the first of March.
  const share = e.point;
  if (
    share?.type === "day" &&
    !share.hasNgay &&
    share.year === undefined &&
    /^\s*(?:so|tong so)(?![a-z])/.test(folded.slice(e.end, e.end + 12))
  )
    return false;
  if (e.label === "deadline" || e.lead === "before") return true;
  // "đến ngày" alone is too often "tính đến ngày …" (figures as of a day).
  if (e.lead === "by") return e.leadWord !== "den" && e.leadWord !== "toi";
  if (e.range) {
    const { a, b } = e.range;
    if (e.range.from) return !(a.type === "year" && b.type === "year"); // "từ năm 2021 đến năm 2025" is a term
    // "Từ 7h30 đến 11h00 các ngày 14 và 15/5": days given their hours are a time to be somewhere.
    return e.label === "time" || e.timed || (e.lead === "neutral" && neutralTimeWords.has(e.leadWord));
  }
  // "Đăng lúc 09:15 ngày 16/9/2024", "cập nhật lúc …": when a text was posted, not a time to act.
  if (
    e.leadWord === "luc" &&
    /(?:dang|cap nhat|gui|ban hanh)\s*$/.test(folded.slice(Math.max(0, e.start - 12), e.start))
  )
    return false;
  const p = e.point;
  if (!p || p.type === "now") return false;
  if (e.label === "time") return true;
  // "từ 8 giờ đến 11 giờ ngày 12/11": a day given its hours.
  if (e.timed && p.type === "day" && at(hourSpanRe, folded, e.start)) return true;
  const neutral = e.lead === "neutral" && neutralTimeWords.has(e.leadWord);
  switch (p.type) {
    case "month":
    case "quarter": {
      if (neutral || e.modifier) return true;
      // "ngày 20 tháng 7 năm 2018" is one date, whose month is not a period of its own; "từ tháng 3
      // năm 2024" only says when something starts.
      const dated = p.year !== undefined || p.schoolYear !== undefined;
      return dated && !startsOrDates.test(folded.slice(Math.max(0, p.start - 8), p.start));
    }
    case "day":
    case "number":
      return neutral && e.leadWord !== "khoang";
    // "trong tuần đầu tháng 11/2026": a week of a month is a schedule.
    case "week":
      return neutral || e.modifier !== null || p.year !== undefined;
    case "semester":
    case "school_year":
      // "vào cuối năm học" sets a time; "thành tích trong năm học 2023-2024" does not.
      return e.leadWord.startsWith("vao") || e.leadWord.startsWith("du kien");
    default:
      return false;
  }
}

const bareDay = /(?<![a-z])ngay\s+\d/g;
const numberedWeek =
  /(?<![a-z])tuan\s+(?:thu\s+)?\d{1,2}\s*\(\s*(?:tu\s+)?\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\s*(?:-|den)\s*\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\s*\)/g;
// "trước ngày 10 hằng tháng": a day of every month, a schedule rather than a date.
const monthlyDay =
  /(?<![a-z])(?:(?:truoc|cham nhat|muon nhat|vao|den)\s+)?ngay\s+\d{1,2}\s+(?:hang|moi)\s+thang(?![a-z])/g;

/** Finds the deadline expressions inside a sentence, each read with parseDeadline. */
export function findDeadlines(sentence: string, ctx: DeadlineContext): DeadlineHit[] {
  const hits: DeadlineHit[] = [];
  try {
    if (!mayHoldDeadline.test(sentence)) return hits;
    const { folded, origin } = foldWithMap(String(sentence));
    // Folded positions [from, to) as the sentence's own words, read as a deadline.
    const reportSpan = (from: number, to: number) => {
      const start = origin[from] ?? 0;
      let end = (origin[to - 1] ?? start) + 1;
      // Keep the combining marks of a decomposed last letter with it.
      while (end < sentence.length && /\p{M}/u.test(sentence.charAt(end))) end++;
      hits.push({
        index: start,
        length: end - start,
        result: parseDeadline(sentence.slice(start, end), ctx),
      });
    };
    const report = (e: ExpressionMatch) => reportSpan(e.keepFrom, e.end);
    let next = 0;
    const lineStart = lineOpening.exec(folded)?.[0].length ?? 0;
    const opening = matchDeadlineExpression(folded, lineStart, false);
    if (opening && (setsATime(opening, folded) || opensScheduleLine(opening, folded, lineStart))) {
      report(opening);
      next = opening.end;
    }
    // What the anchors read, so a bare day inside it is not read again.
    const read: [number, number][] = opening ? [[opening.start, opening.end]] : [];
    // "chậm nhất 03 ngày làm việc kể từ ngày họp Hội đồng (dự kiến ngày 29/6/2027)": one limit, whose
    // event's date is not a deadline of its own.
    // "03 ngày sau Hội nghị, các trường nhận …": a count that opens the line times its sentence by the event.
    const opensWithCount = () => {
      const count = next === 0 ? findRelative(folded.slice(lineStart), { whole: true }) : null;
      return count?.index === 0 ? { ...count, index: lineStart } : null;
    };
    const relative = findRelative(folded.slice(next)) ?? opensWithCount();
    if (relative) {
      const from = next + relative.index;
      reportSpan(from, from + relative.length);
      read.push([from, from + relative.length]);
    }
    const alreadyRead = (at: number) => read.some(([from, to]) => at >= from && at < to);
    // "… dạy trong Tuần 1 (02/11 - 08/11); …": a week the plan numbers, with its days in brackets.
    for (const m of folded.slice(next).matchAll(numberedWeek)) {
      const from = next + (m.index ?? 0);
      if (alreadyRead(from)) continue;
      reportSpan(from, from + m[0].length);
      read.push([from, from + m[0].length]);
    }
    anchors.lastIndex = next;
    for (let anchor = anchors.exec(folded); anchor; anchor = anchors.exec(folded)) {
      if (alreadyRead(anchor.index)) continue;
      const e = matchDeadlineExpression(folded, anchor.index, false);
      if (!e) continue;
      if (setsATime(e, folded)) report(e);
      read.push([e.start, e.end]);
      // Words read once are not read again from inside: "từ năm 2021 đến năm 2025" is not "đến năm 2025".
      anchors.lastIndex = Math.max(e.end, anchor.index + 1);
    }
    // "Kết quả được công bố trên Hệ thống ngày 25/5/2027": a bare day after the plan's own date names
    // no document (none is dated later than the plan citing it), so it is when something happens.
    for (const m of folded.matchAll(bareDay)) {
      const at = m.index ?? 0;
      if (!ctx.issuedOn || alreadyRead(at)) continue;
      // "gửi sau (17 giờ 00) ngày …" is a cut-off, said by the sentence around it.
      if (/(?<![a-z])sau(?:\s+\d{1,2}\s*(?:gio|h)[\s\d:]*)?\s*$/.test(folded.slice(Math.max(0, at - 20), at)))
        continue;
      // "dưới 10 tháng tính đến ngày 31/5": the day a length of service is counted to.
      if (/(?<![a-z])tinh\s+(?:den|toi)(?:\s+het)?\s*$/.test(folded.slice(Math.max(0, at - 16), at)))
        continue;
      const e = matchDeadlineExpression(folded, at, false);
      const p = e?.point;
      if (!e || e.range || p?.type !== "day" || p.year === undefined || !p.hasNgay) continue;
      const iso = p.month !== undefined && p.day !== undefined ? isoDay(p.year, p.month, p.day) : null;
      if (iso && iso > ctx.issuedOn) report(e);
    }
    // A day of every month is the sentence's time only when it gives no other ("Từ tháng 10 đến tháng 5,
    // … trước ngày 20 hằng tháng" keeps its span); a quoted one ("“Trước ngày 05 hằng tháng”") is a remark.
    if (!hits.length) {
      for (const m of folded.slice(next).matchAll(monthlyDay)) {
        const from = next + (m.index ?? 0);
        const start = origin[from] ?? 0;
        if (/["“”']\s*$/u.test(sentence.slice(Math.max(0, start - 2), start))) continue;
        reportSpan(from, from + m[0].length);
      }
    }
    hits.sort((a, b) => a.index - b.index);
  } catch {
    return hits; // a sentence that defeats the patterns yields what was found so far, never an exception
  }
  return hits;
}
