import { addDays, type IsoDay } from "./calendar-days.js";

/** "chậm nhất 05 ngày làm việc sau khi kết thúc …": a count of days from an event, read from folded words. */
export interface RelativeSpan {
  days: number;
  /** Counted in working days (Monday to Friday, public holidays left out), not calendar days. */
  working: boolean;
  direction: "after" | "before";
  /** The event the count starts from, folded: "ket thuc thoi gian cong khai tai muc 11". */
  anchor: string;
}

// A count of days needs a word that makes it a limit ("chậm nhất", "trong vòng", "không quá") and a
// word that ties it to an event ("sau khi", "kể từ", "trước").
const relativeWords =
  /(?<![a-z])(?:cham nhat|muon nhat|trong vong|trong thoi han|trong|khong qua|han cuoi(?: la)?)\s+(?:(?:la|sau)\s+)?(\d{1,2})\s+ngay(\s+lam viec)?\s+(?:(sau khi|sau|ke tu|tinh tu)|(truoc(?: khi)?))\s+/;
// "trước 10 ngày làm việc so với ngày họp Hội đồng": the count before the event, the limit in "trước".
const countBefore = /(?<![a-z])truoc\s+(\d{1,2})\s+ngay(\s+lam viec)?\s+(?:so voi|tinh den)()()\s+/;
// A timeline's cell may give the count alone ("03 ngày làm việc kể từ khi Hội đồng họp xét xong"): its
// column says it is a limit. The groups are relativeWords' own.
const bareCount = /^(\d{1,2})\s+ngay(\s+lam viec)?\s+(?:(sau khi|sau|ke tu|tinh tu)|(truoc(?: khi)?))\s+/;
// The event's words run to the end of their clause; a date in brackets after it is the event's day.
const anchorWords = /^[^;,.():]{3,100}?(?:\s*\([^()]{0,60}\))?(?=\s*(?:[;,.:]|\s(?:de|va|thi)\s|$))/;

/**
 * Finds a count of days from an event in folded words: where it stands and what it says. With
 * `whole`, the words are all of one deadline (a table's cell) and may open with the count itself.
 */
export function findRelative(
  folded: string,
  options: { whole?: boolean } = {},
): { index: number; length: number; span: RelativeSpan } | null {
  const before = countBefore.exec(folded);
  const m = relativeWords.exec(folded) ?? before ?? (options.whole ? bareCount.exec(folded) : null);
  if (!m) return null;
  const rest = folded.slice(m.index + m[0].length);
  const anchor = anchorWords.exec(rest)?.[0].trim();
  if (!anchor) return null;
  return {
    index: m.index,
    length: m[0].length + (rest.indexOf(anchor) + anchor.length),
    span: {
      days: Number(m[1]),
      working: Boolean(m[2]),
      direction: m[4] !== undefined || m === before ? "before" : "after",
      anchor: anchor.replace(/^(?:ngay|khi)\s+/, ""),
    },
  };
}

// Public holidays on fixed solar days (Bộ luật Lao động 2019, Điều 112), as "mm-dd"; Tết and the Hùng
// Kings' day move with the lunar calendar and are not counted here.
const fixedHolidays = new Set(["01-01", "04-30", "05-01", "09-02"]);

function isWorkingDay(day: IsoDay): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !fixedHolidays.has(day.slice(5));
}

/** The last day of a span counted from `from`: "05 ngày làm việc sau" 18/06/2027 (Friday) is 25/06/2027. */
export function countFrom(from: IsoDay, span: Pick<RelativeSpan, "days" | "working" | "direction">): IsoDay {
  const step = span.direction === "after" ? 1 : -1;
  if (!span.working) return addDays(from, step * span.days);
  let day = from;
  for (let counted = 0; counted < span.days; ) {
    day = addDays(day, step);
    if (isWorkingDay(day)) counted++;
  }
  return day;
}
