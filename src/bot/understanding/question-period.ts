import {
  addDays,
  fold,
  isRealDate,
  monthSpan,
  nextLunarNewYear,
  parseDeadline,
  romanValue,
  type SchoolCalendar,
  weekOfMonth,
} from "../../core/index.js";

/** The days a question asks about, first and last inclusive (ISO). */
export interface Period {
  start: string;
  end: string;
}

const weekdayIndex = (day: string) => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0

const numberWords: Record<string, number> = { mot: 1, hai: 2, ba: 3, bon: 4, two: 2, three: 3, four: 4 };
const countOf = (word: string) => numberWords[word] ?? Number(word);

// "thứ 2" … "thứ 7", "thứ hai" … "thứ bảy", "Monday" … "Saturday", as Monday = 0.
const weekdayWords: Record<string, number> = {
  hai: 0,
  ba: 1,
  tu: 2,
  nam: 3,
  sau: 4,
  bay: 5,
  monday: 0,
  tuesday: 1,
  wednesday: 2,
  thursday: 3,
  friday: 4,
  saturday: 5,
  sunday: 6,
};
function weekdayNamed(word: string): number | undefined {
  if (/^\d$/.test(word)) return Number(word) >= 2 && Number(word) <= 7 ? Number(word) - 2 : undefined;
  return weekdayWords[word];
}

function week(today: string, offset: number): Period {
  const monday = addDays(today, -weekdayIndex(today) + 7 * offset);
  return { start: monday, end: addDays(monday, 6) };
}

function quarter(today: string, offset: number): Period {
  const [y, m] = today.split("-").map(Number) as [number, number];
  const index = y * 4 + Math.floor((m - 1) / 3) + offset;
  const year = Math.floor(index / 4);
  const first = (index % 4) * 3 + 1;
  return { start: monthSpan(year, first).start, end: monthSpan(year, first + 2).end };
}

function month(today: string, offset: number): Period {
  const [y, m] = today.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) + offset;
  return monthSpan(Math.floor(index / 12), (index % 12) + 1);
}

/** The year that puts a month nearest to today, so "tháng 1" in December means next January. */
function nearestYear(today: string, monthNumber: number): number {
  const [y, m] = today.split("-").map(Number) as [number, number];
  const diff = monthNumber - m;
  if (diff > 6) return y - 1;
  if (diff < -6) return y + 1;
  return y;
}

const englishMonths = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const monthPattern = `${englishMonths.join("|")}|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec`;
const ordinal = "(?:st|nd|rd|th)?";
// A day written out, folded: "20/12", "20/12/2025", "20 tháng 12", "15 December", "December 15th, 2025".
const dayWritten = `(\\d{1,2}\\/\\d{1,2}(?:\\/\\d{4})?|\\d{1,2} thang \\d{1,2}(?: nam \\d{4})?|\\d{1,2}${ordinal} (?:of )?(?:${monthPattern})(?: \\d{4})?|(?:${monthPattern}) \\d{1,2}${ordinal}(?: \\d{4})?)`;

/** The day, month and (when written) year of a day written out. */
function writtenDay(words: string): { day: number; month: number; year?: number } | null {
  const numeric = /^(\d{1,2})(?:\/| thang )(\d{1,2})(?:(?:\/| nam )(\d{4}))?$/.exec(words);
  if (numeric)
    return {
      day: Number(numeric[1]),
      month: Number(numeric[2]),
      year: numeric[3] ? Number(numeric[3]) : undefined,
    };
  const named = /^(?:(\d{1,2})\D* (?:of )?([a-z]+)|([a-z]+) (\d{1,2})\D*?)(?: (\d{4}))?$/.exec(words);
  const name = named?.[2] ?? named?.[3];
  const month = englishMonths.findIndex((m) => name !== undefined && m.startsWith(name)) + 1;
  if (!named || month === 0) return null;
  return { day: Number(named[1] ?? named[4]), month, year: named[5] ? Number(named[5]) : undefined };
}

const isoDay = (year: number, day: { day: number; month: number }) =>
  `${year}-${String(day.month).padStart(2, "0")}-${String(day.day).padStart(2, "0")}`;

/** A day written without its year, as the next one to come from today (inclusive). */
function comingDay(today: string, words: string): string | null {
  const day = writtenDay(words);
  if (!day) return null;
  const iso = day.year ? isoDay(day.year, day) : coming(today, (y) => isoDay(y, day));
  return isRealDate(iso) ? iso : null;
}

/** The day `inYear` gives for this year if it is not past, else for next year. */
function coming(today: string, inYear: (year: number) => string): string {
  const thisYear = Number(today.slice(0, 4));
  return inYear(thisYear) >= today ? inYear(thisYear) : inYear(thisYear + 1);
}

// "tuần 2", "tuần thứ hai", "tuần đầu", "second week", "last week": the week's number in its month (0: the last).
const weekNumbers: Record<string, number> = {
  mot: 1,
  hai: 2,
  ba: 3,
  tu: 4,
  bon: 4,
  dau: 1,
  "dau tien": 1,
  cuoi: 0,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  last: 0,
};
const weekNumber = (word: string) => weekNumbers[word] ?? Number.parseInt(word, 10);

/** The month a question names: "tháng 12", "tháng này/sau", "December", "this/next month". */
function namedMonth(today: string, words: string): { year: number; month: number } | null {
  const [y, m] = today.split("-").map(Number) as [number, number];
  const offset = /^(?:nay|this month)$/.test(words) ? 0 : /^(?:sau|toi|next month)$/.test(words) ? 1 : null;
  if (offset !== null)
    return { year: y + Math.floor((m - 1 + offset) / 12), month: ((m - 1 + offset) % 12) + 1 };
  const n = /^\d{1,2}$/.test(words)
    ? Number(words)
    : englishMonths.findIndex((name) => name.startsWith(words)) + 1;
  return n >= 1 && n <= 12 ? { year: nearestYear(today, n), month: n } : null;
}

// Relative words, folded (no diacritics). Each gives the period from today.
const relative: [RegExp, (today: string, m: RegExpExecArray) => Period | null][] = [
  // "tuần 2 tháng 12", "tuần cuối của tháng này", "the second week of December", "last week of May":
  // a Monday–Sunday week of that month, as the plans' "Tuần 2 tháng 12/2026" is read.
  [
    new RegExp(
      `\\btuan (?:thu )?(\\d|mot|hai|ba|tu|bon|dau tien|dau|cuoi) (?:cua |trong )?thang (\\d{1,2}|nay|sau|toi)\\b|\\b(first|second|third|fourth|last|[1-4](?:st|nd|rd|th)) week (?:of|in) (this month|next month|${monthPattern})\\b`,
    ),
    (t, m) => {
      const n = weekNumber(m[1] ?? m[3] ?? "");
      const named = namedMonth(t, m[2] ?? m[4] ?? "");
      if (!named || Number.isNaN(n) || n > 5) return null;
      return weekOfMonth(named.year, named.month, n);
    },
  ],
  // "từ 1/6 đến 15/6", "from 22 Dec to 8 Jan", "between 1/6 and 15/6": the two days written, in the
  // year that puts the first nearest today.
  [
    new RegExp(
      `\\b(?:tu|from|between) (?:ngay )?${dayWritten} ?(?:den|toi|-|to|until|till|and|through) (?:ngay )?${dayWritten}\\b`,
    ),
    (t, m) => {
      const [first, last] = [writtenDay(m[1] ?? ""), writtenDay(m[2] ?? "")];
      if (!first || !last) return null;
      const startYear = first.year ?? nearestYear(t, first.month);
      const start = isoDay(startYear, first);
      let end = isoDay(last.year ?? startYear, last);
      if (!last.year && end < start) end = isoDay(startYear + 1, last);
      return isRealDate(start) && isRealDate(end) && start <= end ? { start, end } : null;
    },
  ],
  // "từ hôm nay đến 15/6", "from now until 15 June", "by December 15": today to that day (the next
  // one to come); "trước 31/5", "before 31 May": to the day before it, as a plan's "trước ngày" is.
  [
    new RegExp(
      `\\b(?:tu (?:hom nay|bay gio|gio|nay) (?:den|toi)|from (?:today|now) (?:to|until|till)|between now and|until|till|by|(before|truoc)) (?:het )?(?:ngay |the )?${dayWritten}\\b`,
    ),
    (t, m) => {
      const day = comingDay(t, m[2] ?? "");
      const end = day && m[1] ? addDays(day, -1) : day;
      return end && end >= t ? { start: t, end } : null;
    },
  ],
  // "từ giờ đến hết quý 1", "until the end of Q3": today to the end of that quarter.
  [
    /\b(?:(?:tu (?:hom nay|bay gio|gio|nay) )?(?:den|toi) (?:het|cuoi) quy|(?:until|till|by|before) the end of (?:q|quarter)) ?(iv|iii|ii|i|[1-4])\b/,
    (t, m) => {
      const n = romanValue(m[1] ?? "") ?? Number(m[1]);
      return { start: t, end: coming(t, (y) => monthSpan(y, n * 3).end) };
    },
  ],
  // "từ giờ tới hết tháng 2", "until the end of February": today to the end of that month.
  [
    new RegExp(
      `\\b(?:(?:tu (?:hom nay|bay gio|gio|nay) )?(?:den|toi) (?:het|cuoi) thang (\\d{1,2})|(?:until|till|by|before) the end of (${englishMonths.join("|")}))\\b`,
    ),
    (t, m) => {
      const n = m[1] ? Number(m[1]) : englishMonths.indexOf(m[2] ?? "") + 1;
      if (n < 1 || n > 12) return null;
      return { start: t, end: coming(t, (y) => monthSpan(y, n).end) };
    },
  ],
  // "từ nay tới chủ nhật", "đến cuối tuần", "between today and Sunday": the rest of this week.
  [
    /\b((tu (gio|nay|hom nay) )?(den|toi) (het |cuoi )?(chu nhat|cuoi tuan|tuan)(?! (sau|toi|truoc|nua|\d))|(until|till|by|to|between (?:now|today) and) (sunday|the weekend|the end of the week))\b/,
    (t) => ({ start: t, end: week(t, 0).end }),
  ],
  // "from today to the end of the month" is a span that starts today, read below.
  [/\b(hom nay|today)\b(?! (?:den|toi|to|until|till|and)\b)/, (t) => ({ start: t, end: t })],
  // "mai" alone is tomorrow at the head of a question or before what it asks ("mai có phải nộp …"),
  // not inside a name ("Trường Mai Dịch").
  [
    /\b(ngay mai|hom mai|sang mai|chieu mai|toi mai|tomorrow|tmr)\b|^mai\b|\bmai (co|phai|can|nop|gui|la|thi|het)\b/,
    (t) => ({ start: addDays(t, 1), end: addDays(t, 1) }),
  ],
  [/\b(ngay kia|ngay mot|day after tomorrow)\b/, (t) => ({ start: addDays(t, 2), end: addDays(t, 2) })],
  [/\b(hom qua|yesterday)\b/, (t) => ({ start: addDays(t, -1), end: addDays(t, -1) })],
  // "2 tuần tới", "hai tuần nữa", "the next 2 weeks": that many weeks of days, today the first.
  [
    /\b(\d{1,2}|hai|ba|bon) tuan (?:toi|sap toi|nua)\b|\bnext (\d{1,2}|two|three|four) weeks\b/,
    (t, m) => ({ start: t, end: addDays(t, 7 * countOf(m[1] ?? m[2] ?? "1") - 1) }),
  ],
  // "đến thứ 6", "trước thứ sáu", "by Friday": today to that day of this week (of next week once it is past).
  [
    /\b(?:den|toi|truoc|han) (?:het )?thu (\d|hai|ba|tu|nam|sau|bay)\b|\b(?:by|until|till|before) (monday|tuesday|wednesday|thursday|friday|saturday)\b/,
    (t, m) => {
      const target = weekdayNamed(m[1] ?? m[2] ?? "");
      if (target === undefined) return null;
      const ahead = (target - weekdayIndex(t) + 7) % 7;
      return { start: t, end: addDays(t, ahead) };
    },
  ],
  // "1 tháng tới", "hai tháng nữa": that many months of days from today.
  [
    /\b(\d{1,2}|mot|hai|ba) thang (?:toi|sap toi|nua)\b/,
    (t, m) => ({ start: t, end: addDays(t, 30 * countOf(m[1] ?? "1") - 1) }),
  ],
  [/\b(tuan (sau|toi) nua|the week after next)\b/, (t) => week(t, 2)],
  [
    /\b(tuan nay (va|voi|hoac|hay|,) tuan (sau|toi)|this (week )?(and|or) (the )?next( one| week)?)\b/,
    (t) => ({ start: week(t, 0).start, end: week(t, 1).end }),
  ],
  [
    /\b(thang nay (va|voi|hoac|hay|,) thang (sau|toi)|this (month )?(and|or) (the )?next( one| month)?)\b/,
    (t) => ({ start: month(t, 0).start, end: month(t, 1).end }),
  ],
  [/\b(tuan (sau|toi)|next week)\b/, (t) => week(t, 1)],
  [/\b(tuan truoc|last week)\b/, (t) => week(t, -1)],
  [/\b(tuan nay|this week)\b/, (t) => week(t, 0)],
  [/\b(thang (sau|toi)|next month)\b/, (t) => month(t, 1)],
  [/\b(thang truoc|last month)\b/, (t) => month(t, -1)],
  [
    /\b(tu (gio|nay|hom nay) den (het |cuoi )?thang|(den|toi|truoc) cuoi thang|con lai (cua|trong) thang|rest of (the|this) month|(before|by|until|till|to) the end of (the|this) month)\b/,
    (t) => ({ start: t, end: month(t, 0).end }),
  ],
  [/\b(thang nay|this month)\b/, (t) => month(t, 0)],
  [/\b(quy nay|this quarter)\b/, (t) => quarter(t, 0)],
  [/\b(quy (sau|toi)|next quarter)\b/, (t) => quarter(t, 1)],
  // "thứ sáu này", "this Friday": that day of this week.
  [
    /\bthu (\d|hai|ba|tu|nam|sau|bay) (?:nay|tuan nay)\b|\bthis (monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/,
    (t, m) => {
      const target = weekdayNamed(m[1] ?? m[2] ?? "");
      if (target === undefined) return null;
      const day = addDays(week(t, 0).start, target);
      return { start: day, end: day };
    },
  ],
  // "mấy hôm tới", "vài ngày tới", "the next few days": a week from today.
  [
    /\b(?:may|vai) (?:ngay|hom) (?:toi|sap toi|nua)\b|\b(?:next|coming) few days\b|\bthe coming days\b/,
    (t) => ({ start: t, end: addDays(t, 6) }),
  ],
  // "10 ngày tới", "the next 14 days": that many days, today the first.
  [
    /\b(?:trong\s+)?(\d{1,3}) ngay (toi|sap toi|nua)\b|\bnext (\d{1,3}) days\b/,
    (t, m) => ({ start: t, end: addDays(t, Math.max(0, Number(m[1] ?? m[3]) - 1)) }),
  ],
  // "từ giờ tới hết năm 2024", "đến cuối năm", "until the end of the year": today to 31 December.
  [
    /\b(?:tu (?:gio|nay|hom nay) )?(?:den|toi) (?:het|cuoi) nam(?! hoc)(?: (\d{4}))?\b|\b(?:until|till|by|before) the end of (?:the|this) year\b|\brest of (?:the|this) year\b/,
    (t, m) => ({ start: t, end: `${m[1] ?? t.slice(0, 4)}-12-31` }),
  ],
  // "trước Tết", "before Tết": today to the eve of the coming Lunar New Year (not Tết Trung thu, Tết
  // Thiếu nhi or the solar new year).
  [
    /\b(?:truoc|den|toi) tet\b(?! (?:trung thu|thieu nhi|duong lich|tay))|\bbefore (?:the )?(?:tet|lunar new year)\b/,
    (t) => {
      const tet = nextLunarNewYear(t);
      return tet ? { start: t, end: addDays(tet, -1) } : null;
    },
  ],
  [/\b(sap toi|sap den han|coming up|upcoming|soon)\b/, (t) => ({ start: t, end: addDays(t, 30) })],
];

// "tháng 11, 12", "tháng 11 và tháng 12", "tháng 3 đến tháng 5": from the first month to the last.
const monthRange =
  /\bthang\s+(\d{1,2})\b(?:\s*(?:,|va|-|den|toi|hoac)\s*|\s+)(?:thang\s+)?(\d{1,2})\b(?!\s*\/)/;

const absolute = [
  // "tháng 8 năm 2025", "tháng 12", "tháng 1/2024"
  /\bthang\s+(\d{1,2})(?:\s*(?:nam|\/)\s*(\d{4}))?\b/,
  // "quý 3", "quý II năm 2025", "Q3"
  /\b(?:quy|q)\s*(iv|iii|ii|i|[1-4])(?:\s*(?:nam|\/|-)\s*(\d{4}))?\b/,
  // "học kỳ 2", "hk1"
  /\b(?:hoc ky|hk|semester)\s*(ii|i|[12])\b/,
];

// "năm nay", "năm sau": the whole year, or the year of a month or quarter named with it ("tháng 11 năm nay").
const yearWords: [RegExp, number][] = [
  [/\b(nam nay|this year)\b/, 0],
  [/\b(nam sau|nam toi|next year)\b/, 1],
];

/** Finds the period a question asks about ("tháng này", "tuần sau", "quý 3", "next week"), if any. */
export function questionPeriod(text: string, today: string, calendar: SchoolCalendar): Period | null {
  const f = fold(text).replace(/[?!.,;:]/g, " ");
  for (const [pattern, period] of relative) {
    const m = pattern.exec(f);
    const found = m ? period(today, m) : null;
    if (found) return found;
  }
  const offset = yearWords.find(([pattern]) => pattern.test(f))?.[1];
  const year = Number(today.slice(0, 4)) + (offset ?? 0);
  const semester = currentSemester(f, today, calendar);
  if (semester) return semester;
  const range = monthRange.exec(f);
  if (range) {
    const [first, last] = [Number(range[1]), Number(range[2])];
    if (first >= 1 && last <= 12 && first < last) {
      const y = offset !== undefined ? year : nearestYear(today, first);
      return { start: monthSpan(y, first).start, end: monthSpan(y, last).end };
    }
  }
  const named = namedPeriod(f, today, year, offset !== undefined, calendar);
  if (named) return named;
  return offset === undefined ? null : { start: `${year}-01-01`, end: `${year}-12-31` };
}

/** "học kỳ này", "this semester", "học kỳ sau": the semester today is in, or the next one. */
function currentSemester(f: string, today: string, calendar: SchoolCalendar): Period | null {
  const m = /\b(?:hoc ky|ky) (nay|sau|toi)\b|\b(this|next) (?:semester|term)\b/.exec(f);
  if (!m) return null;
  const next = m[1] === "sau" || m[1] === "toi" || m[2] === "next";
  const startYear =
    Number(today.slice(5, 7)) >= 8 ? Number(today.slice(0, 4)) : Number(today.slice(0, 4)) - 1;
  const year = calendar.year(startYear);
  const first = { start: year.opening, end: year.semester1End };
  const second = { start: addDays(year.semester1End, 1), end: year.semester2End };
  const inFirst = today <= year.semester1End;
  if (!next) return inFirst ? first : second;
  if (inFirst) return second;
  const following = calendar.year(startYear + 1);
  return { start: following.opening, end: following.semester1End };
}

/** A month, quarter or semester the question names; `yearNamed` when "năm nay/sau" fixed `year`. */
function namedPeriod(
  f: string,
  today: string,
  year: number,
  yearNamed: boolean,
  calendar: SchoolCalendar,
): Period | null {
  const schoolYearStart = Number(today.slice(5, 7)) >= 8 ? year : year - 1;
  const english = new RegExp(`\\b(?:in\\s+)?(${englishMonths.join("|")})(?:\\s+(\\d{4}))?\\b`).exec(f);
  // "may" is a month only where one is named ("in May", "May 2025", "by May"); otherwise it is the
  // folded "mấy" (how many) or the English modal.
  const mayAsMonth =
    /\b(in|during|of|by|until|till|before|after|since|early|late|end of) may\b|\bmay \d/.test(f);
  if (english?.[1] && (english[1] !== "may" || mayAsMonth)) {
    const n = englishMonths.indexOf(english[1]) + 1;
    return monthSpan(english[2] ? Number(english[2]) : yearNamed ? year : nearestYear(today, n), n);
  }
  for (const pattern of absolute) {
    const m = pattern.exec(f);
    if (!m) continue;
    const words = m[0].replace(/^q\s*(?=[iv1-4])/, "quy ").replace(/^semester/, "hoc ky");
    // The importer's parser reads the words; the question's own year rule picks the year: a month
    // named alone is the one nearest today ("tháng 8" in late July is the coming August), one named
    // with "năm nay/sau" is in that year.
    const bareMonth = pattern === absolute[0] && !m[2];
    const parsed = parseDeadline(
      words,
      bareMonth
        ? { calendar, calendarYear: yearNamed ? year : nearestYear(today, Number(m[1])) }
        : { calendar, calendarYear: year, schoolYearStart },
    );
    if (parsed.ok && parsed.deadline.start && parsed.deadline.due) {
      return { start: parsed.deadline.start, end: parsed.deadline.due };
    }
  }
  return null;
}
