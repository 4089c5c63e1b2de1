import {
  at,
  dashDateRe,
  dotDateRe,
  fullYear,
  halfRe,
  monthRe,
  nowRe,
  numeral,
  quarterRe,
  schoolYearRe,
  secondYear,
  semesterRe,
  slashDateRe,
  weekOfMonth,
  weekRe,
  weeksRe,
  wordDateRe,
  yearRe,
} from "./deadline-patterns.js";

// Shapes: what the words say, before any calendar is consulted.

type PointType = "day" | "week" | "month" | "quarter" | "semester" | "school_year" | "half" | "year" | "now";

/** One period as written; numbers are as the document gives them, nothing is inferred yet. */
export interface PointMatch {
  type: PointType | "number";
  start: number;
  end: number;
  day?: number;
  month?: number;
  year?: number;
  quarter?: number;
  /** The week of a month, counted from the one holding its first day; 0 for its last week. */
  week?: number;
  /** How many weeks from that one, forward (or back from the last week): "hai tuần đầu" is 2. */
  weeks?: number;
  semester?: number;
  half?: "first" | "second";
  /** A school year as written ("2024 - 2025" → [2024, 2025]); checked when evaluated. */
  schoolYear?: [number, number];
  /** Written with "ngày", which a bare number in prose is not. */
  hasNgay: boolean;
}

/** Builds a period read by `m` at `pos`. */
export function point(
  m: RegExpExecArray,
  pos: number,
  type: PointMatch["type"],
  fields: Partial<PointMatch>,
): PointMatch {
  return { type, start: pos, end: pos + m[0].length, hasNgay: false, ...fields };
}

/** Reads one period (a day, month, quarter, semester, school year, half, year or "nay") at `pos`. */
export function matchPoint(f: string, pos: number): PointMatch | null {
  let m = at(wordDateRe, f, pos);
  if (m) {
    const written = m[4] ?? m[5];
    const year = written ? fullYear(written) : undefined;
    return point(m, pos, "day", { day: Number(m[2]), month: Number(m[3]), year, hasNgay: Boolean(m[1]) });
  }
  m = at(slashDateRe, f, pos) ?? at(dotDateRe, f, pos) ?? at(dashDateRe, f, pos);
  if (m) {
    const slash = m[3] === "/" || m[3] === ".";
    // The dash form has two shapes: tight "30-11[-2024]" and spaced "30 - 11 - 2024".
    const [day, month, y2, y4] = slash
      ? [m[2], m[4], m[5], m[6]]
      : m[3]
        ? [m[2], m[3], m[4], m[5]]
        : [m[2], m[6], m[7], undefined];
    const written = y2 ?? y4;
    return point(m, pos, "day", {
      day: Number(day),
      month: Number(month),
      year: written ? fullYear(written) : undefined,
      hasNgay: Boolean(m[1]),
    });
  }
  const several = at(weeksRe, f, pos);
  const ofMonths = several ? at(monthRe, f, pos + several[0].length) : null;
  if (several && ofMonths) {
    return {
      type: "week",
      start: pos,
      end: pos + several[0].length + ofMonths[0].length,
      hasNgay: false,
      week: several[2] === "cuoi" ? 0 : 1,
      weeks: /^(?:ba|0?3)$/.test(several[1] ?? "") ? 3 : 2,
      month: Number(ofMonths[1]),
      year: ofMonths[4] ? Number(ofMonths[4]) : undefined,
    };
  }
  const week = at(weekRe, f, pos);
  const ofMonth = week ? at(monthRe, f, pos + week[0].length) : null;
  if (week && ofMonth) {
    const n = weekOfMonth(week[1]);
    return {
      type: "week",
      start: pos,
      end: pos + week[0].length + ofMonth[0].length,
      hasNgay: false,
      week: n,
      month: Number(ofMonth[1]),
      year: ofMonth[4] ? Number(ofMonth[4]) : undefined,
    };
  }
  m = at(monthRe, f, pos);
  if (m) {
    const first = m[2] ? Number(m[2]) : undefined;
    return point(m, pos, "month", {
      month: Number(m[1]),
      year: m[4] ? Number(m[4]) : undefined,
      schoolYear: first !== undefined && m[3] ? [first, secondYear(first, m[3])] : undefined,
    });
  }
  m = at(quarterRe, f, pos);
  if (m) return point(m, pos, "quarter", { quarter: numeral(m[1]), year: m[2] ? Number(m[2]) : undefined });
  m = at(semesterRe, f, pos);
  if (m) {
    const first = m[2] ? Number(m[2]) : undefined;
    return point(m, pos, "semester", {
      semester: numeral(m[1]),
      schoolYear: first !== undefined && m[3] ? [first, secondYear(first, m[3])] : undefined,
    });
  }
  m = at(schoolYearRe, f, pos);
  if (m) {
    const first = m[1] ? Number(m[1]) : undefined;
    return point(m, pos, "school_year", {
      schoolYear: first !== undefined && m[2] ? [first, secondYear(first, m[2])] : undefined,
    });
  }
  m = at(halfRe, f, pos);
  if (m) {
    return point(m, pos, "half", {
      half: m[1] === "dau" ? "first" : "second",
      year: m[2] ? Number(m[2]) : undefined,
    });
  }
  m = at(yearRe, f, pos);
  if (m) return point(m, pos, "year", { year: Number(m[1]) });
  m = at(nowRe, f, pos);
  if (m) return point(m, pos, "now", {});
  return null;
}
