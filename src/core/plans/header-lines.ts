import { readWrittenDay } from "../deadlines/written-day.js";
import { foldLetters } from "../text/fold.js";
import type { PlanLine } from "./plan-text.js";

// What a header says outside its "Số:" and place-date lines: for reposted notices and letters whose
// header block was lost, the school year, the issuer and the date are read from the first lines.

const schoolYearPattern = /năm học\s*(\d{4})\s*[-–—]\s*(\d{4}|\d{2})(?!\d)/iu;

/** "2024-2025" from "năm học 2024 - 2025" or "năm học 2024-25"; null when the years do not follow. */
export function schoolYearIn(text: string): string | null {
  const m = schoolYearPattern.exec(text);
  if (!m?.[1] || !m[2]) return null;
  const first = Number(m[1]);
  const second = m[2].length === 2 ? first - (first % 100) + Number(m[2]) : Number(m[2]);
  return second === first + 1 ? `${first}-${second}` : null;
}

/** The first school year the lines state. */
export function statedSchoolYear(lines: PlanLine[]): string | null {
  for (const l of lines) {
    const year = schoolYearIn(l.text);
    if (year) return year;
  }
  return null;
}

// "Ngày đăng: 12/10/2024", "Đăng lúc 09:15 ngày 16/9/2024", "Cập nhật ngày 12-10-2024".
const postedPattern =
  /^(?:Ngày đăng|Đăng ngày|Đăng lúc|Đăng vào|Ngày cập nhật|Cập nhật(?: lúc| ngày)?|Ngày ban hành|Ngày phát hành|Thời gian đăng)(?![\p{L}])\s*:?\s*(.{4,80})$/iu;

/** The date a reposted notice was posted on, from its "Ngày đăng: …" line. */
export function postedOn(lines: PlanLine[]): string | null {
  for (const l of lines) {
    const rest = postedPattern.exec(l.text)?.[1];
    if (!rest) continue;
    // "09:15" is a time: the day follows it.
    const day = readWrittenDay(rest.replace(/\d{1,2}\s*[:h]\s*\d{2}/u, " "));
    if (day) return day;
  }
  return null;
}

// Offices that issue plans, in the capitals of a header block, with how they are written in a sentence.
const offices: [RegExp, string][] = [
  [/^SỞ GIÁO DỤC VÀ ĐÀO TẠO/u, "Sở Giáo dục và Đào tạo"],
  [/^PHÒNG GIÁO DỤC VÀ ĐÀO TẠO/u, "Phòng Giáo dục và Đào tạo"],
  [/^PHÒNG GD\s*(?:&|VÀ)?\s*ĐT/u, "Phòng Giáo dục và Đào tạo"],
  [/^SỞ GD\s*(?:&|VÀ)?\s*ĐT/u, "Sở Giáo dục và Đào tạo"],
  [/^HỘI ĐỒNG THI ĐUA\s*[-–]?\s*KHEN THƯỞNG/u, "Hội đồng Thi đua - Khen thưởng"],
  [/^TRƯỜNG/u, "Trường"],
  [/^TRUNG TÂM/u, "Trung tâm"],
  [/^(?:UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN)/u, "Ủy ban nhân dân"],
];
const schoolWords: [RegExp, string][] = [
  [/^TRUNG HỌC PHỔ THÔNG/u, "Trung học phổ thông"],
  [/^TRUNG HỌC CƠ SỞ/u, "Trung học cơ sở"],
  [/^TIỂU HỌC/u, "Tiểu học"],
  [/^MẦM NON/u, "Mầm non"],
  [/^MẪU GIÁO/u, "Mẫu giáo"],
];
const areaWords = /^(QUẬN|HUYỆN|THỊ XÃ|THÀNH PHỐ|TỈNH|PHƯỜNG|XÃ|THỊ TRẤN)(?![\p{L}])/u;
// Abbreviations stay in capitals: THCS, THPT, GDĐT, GD&ĐT, TP. They have no vowel; names ("LÊ QUÝ ĐÔN") do.
const isAbbreviation = (word: string) => !/[aeiouy]/u.test(foldLetters(word));

const capitalised = (word: string) => word.charAt(0) + word.slice(1).toLowerCase();

/** Writes a name from a header's capitals as a sentence writes it: "Trường THCS Nguyễn Du". */
function fromCapitals(rest: string): string {
  const out: string[] = [];
  let text = rest.trim();
  while (text) {
    const school = schoolWords.find(([re]) => re.test(text));
    const area = areaWords.exec(text);
    const word = /^\S+/u.exec(text)?.[0] ?? "";
    if (school) {
      out.push(school[1]);
      text = text.replace(school[0], "").trim();
    } else if (area?.[1]) {
      out.push(area[1].toLowerCase());
      text = text.slice(area[1].length).trim();
    } else {
      out.push(isAbbreviation(word) ? word : capitalised(word));
      text = text.slice(word.length).trim();
    }
  }
  return out.join(" ");
}

/** The issuing office named by the header block's capital lines (the lowest one: "UBND …" is above it). */
export function issuerFromCapitals(lines: PlanLine[]): string | null {
  let found: string | null = null;
  for (const l of lines.slice(0, 8)) {
    // A letterhead exported from a Word table has the office in its left cell.
    const text = l.cells ? (l.cells[0] ?? "").trim() : l.text;
    if (!text || text !== text.toUpperCase() || text.length > 90) continue;
    const office = offices.find(([re]) => re.test(text));
    if (!office) continue;
    const rest = text.replace(office[0], "").trim();
    found = rest ? `${office[1]} ${fromCapitals(rest)}` : office[1];
  }
  return found;
}
