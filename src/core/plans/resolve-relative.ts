import { foldDeadlineWords, parseDeadline } from "../deadlines/parse-deadline.js";
import { countFrom, findRelative } from "../deadlines/relative-deadline.js";
import type { DeadlineContext } from "../deadlines/types.js";
import { expandAbbreviations } from "../text/abbreviations.js";
import type { ExtractedDeadline } from "./extraction.js";

// Words of an event's description that say nothing about which event it is.
const stopSyllables = new Set(
  "ngay khi ket thuc het xong bat dau thoi gian cua cac va co duoc nhan tai theo so voi tu den trong sau do".split(
    " ",
  ),
);

// "ngày nhận được công văn này", "ngày ký kế hoạch này": the plan itself is the event.
const ownLetter =
  /(?<![a-z])(?:nhan duoc|nhan|ky|ban hanh)\s+(?:cong van|van ban|ke hoach|huong dan|thong bao)\s+nay(?![a-z])/;
// "tại mục 11", "(dòng 4)", "STT 3": a row of the plan's timeline table.
const rowReference = /(?<![a-z])(?:muc|dong|stt|tt)\s+(\d{1,2})(?![\d/.])/;
// "(dự kiến ngày 05/6/2027)": the event's own day.
const dayInAnchor = /(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?/;

/**
 * The day an event starts or ends, as the count of days needs it. Of a step that runs over days, only
 * its start or end is one day: "kể từ ngày nhận kết quả thẩm định" of a week-long review falls on a day
 * of each unit's own.
 */
function eventDay(event: ExtractedDeadline, anchor: string): string | null {
  if (/(?<![a-z])bat dau/.test(anchor)) return event.start ?? event.due;
  if (event.start && event.start !== event.due && !/(?<![a-z])(?:ket thuc|het|xong)(?![a-z])/.test(anchor))
    return null;
  return event.due;
}

/** The step of the plan the event's words describe: all its telling syllables in the step's task. */
function describedStep(
  anchor: string,
  deadline: ExtractedDeadline,
  deadlines: ExtractedDeadline[],
): ExtractedDeadline | undefined {
  const syllables = anchor.split(/[^a-z0-9]+/).filter((s) => s.length > 1 && !stopSyllables.has(s));
  // "03 ngày sau Hội nghị": an event named by its kind alone is the plan's one step that is such an event.
  const kind = /^(?:hoi nghi|hoi thi|hoi giang|le)$/.exec(syllables.join(" "))?.[0];
  if (kind) {
    const held = deadlines.filter(
      (d) => d !== deadline && d.kind === "on" && d.due && foldDeadlineWords(d.task).startsWith(`${kind} `),
    );
    return held.length === 1 ? held[0] : undefined;
  }
  // "sau khi tổ chức", "kể từ khi tập thể": too few words to tell which step is meant, unless one
  // dated step alone holds both ("kể từ ngày công khai" of "Văn phòng Sở công khai kết quả …").
  if (syllables.length < 2) return undefined;
  const candidates = deadlines.filter((d) => {
    if (d === deadline || !d.due) return false;
    // "HĐTĐKT họp xét" is the step "Hội đồng họp xét xong" counts from.
    const task = new Set(expandAbbreviations(foldDeadlineWords(d.task)).split(/[^a-z0-9]+/));
    return syllables.every((s) => task.has(s));
  });
  // An event held on one day ("Hội đồng họp xét vào ngày …") over a step that mentions the same words,
  // then the nearest above.
  if (syllables.length === 2 && (candidates.length !== 1 || candidates[0]?.kind !== "on")) return undefined;
  const distance = (d: ExtractedDeadline) =>
    (d.line <= deadline.line ? 0 : 100_000) + Math.abs(deadline.line - d.line);
  return candidates.sort(
    (a, b) => Number(b.kind === "on") - Number(a.kind === "on") || distance(a) - distance(b),
  )[0];
}

/**
 * Dates a deadline counted from an event ("chậm nhất 05 ngày làm việc sau khi kết thúc … tại mục 11")
 * when the plan dates that event: by a day in brackets, a row of its timeline, or a step its words
 * describe. It becomes due on the counted day (kind `by`); an event the plan cannot date (a decision
 * still to come) leaves it unscheduled.
 */
export function resolveRelativeDeadlines(deadlines: ExtractedDeadline[], ctx: DeadlineContext): void {
  const events: [ExtractedDeadline, ExtractedDeadline][] = [];
  for (const deadline of deadlines) {
    if (deadline.kind !== "unscheduled") continue;
    const span = findRelative(foldDeadlineWords(deadline.raw), { whole: true })?.span;
    if (!span) continue;
    let from: string | null = null;
    const day = dayInAnchor.exec(span.anchor);
    if (day) {
      const read = parseDeadline(`ngày ${day[0]}`, ctx);
      from = read.ok ? read.deadline.due : null;
      const event = from ? datedEvent(deadline, span.anchor, from) : null;
      if (event && !deadlines.some((d) => d.kind === "on" && d.due === from)) events.push([deadline, event]);
    }
    const row = rowReference.exec(span.anchor)?.[1];
    if (!from && row) {
      const event = deadlines
        .filter((d) => d.source === "appendix" && d.row === Number(row) && d.due)
        .sort((a, b) => Math.abs(a.line - deadline.line) - Math.abs(b.line - deadline.line))[0];
      from = event ? eventDay(event, span.anchor) : null;
    }
    // "kể từ ngày nhận được công văn này": the letter's own date, the earliest it can be received.
    if (!from && ownLetter.test(span.anchor) && ctx.issuedOn) from = ctx.issuedOn;
    if (!from && !row) {
      const event = describedStep(span.anchor, deadline, deadlines);
      from = event ? eventDay(event, span.anchor) : null;
    }
    if (!from) continue;
    deadline.kind = "by";
    deadline.start = null;
    deadline.due = countFrom(from, span);
  }
  for (const [deadline, event] of events) deadlines.splice(deadlines.indexOf(deadline) + 1, 0, event);
}

/**
 * "… 03 ngày trước Hội nghị tổng kết năm học (dự kiến ngày 05/6/2027)": the event is a day of the plan
 * too, held on the day in brackets, in the plan's own words; null when they cannot be quoted.
 */
function datedEvent(deadline: ExtractedDeadline, anchor: string, day: string): ExtractedDeadline | null {
  const folded = foldDeadlineWords(deadline.raw);
  const at = folded.indexOf(anchor);
  const words = anchor.replace(/\s*\(.*$/u, "");
  if (folded.length !== deadline.raw.length || at < 0 || words.length < 6) return null;
  const name = deadline.raw.slice(at, at + words.length);
  const bracket = deadline.raw.slice(at + words.length).replace(/^\s*\(\s*|\s*\)\s*$/gu, "");
  const planned = /(?<![a-z])du kien(?![a-z])/.test(anchor);
  return {
    source: deadline.source,
    line: deadline.line,
    task: `${name.charAt(0).toUpperCase()}${name.slice(1)}${planned ? " (dự kiến)" : ""}`,
    responsible: null,
    raw: bracket,
    kind: "on",
    start: day,
    due: day,
  };
}
