import { readWrittenDay } from "../deadlines/written-day.js";
import { isAbbreviation } from "../text/sentence-case.js";
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
  // Since the 2025 reform a commune's or ward's schools answer to its Phòng Văn hóa - Xã hội.
  [/^PHÒNG VĂN H(?:ÓA|OÁ)\s*[-–]\s*XÃ HỘI/u, "Phòng Văn hóa - Xã hội"],
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
const areaWords = /^(QUẬN|HUYỆN|THỊ XÃ|THÀNH PHỐ|TỈNH|PHƯỜNG|XÃ|THỊ TRẤN|ĐẶC KHU)(?![\p{L}])/u;

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

// The left column's UBND line names the area an office serves: "UBND HUYỆN X", or "ỦY BAN NHÂN DÂN" over "TỈNH X".
const areaLine =
  /^(?:UBND|(?:ỦY|UỶ|UY) BAN NHÂN DÂN)\s+(QUẬN|HUYỆN|THỊ XÃ|THÀNH PHỐ|TỈNH|XÃ|PHƯỜNG|ĐẶC KHU)\s+(.+)$/u;
const ubndAlone = /^(?:UBND|(?:ỦY|UỶ|UY) BAN NHÂN DÂN)$/u;
// The right column's motto: a PDF puts its lines between the left column's.
const mottoLine = /^(?:CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA|Độc lập\s*[-–]\s*Tự do)/iu;
// An office the letterhead names without its area: the UBND line above it gives the area.
const bareOffice = /^(?:(?:Phòng|Sở) Giáo dục và Đào tạo|Phòng Văn hóa - Xã hội)$/u;

const capitaliseWords = (words: string) =>
  words
    .toLowerCase()
    .split(" ")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(" ");

/** The level and name of the area the letterhead's UBND line names ("huyện", "Đông Anh"). */
function letterheadArea(top: PlanLine[]): { level: string; name: string } | null {
  // A table row's first cell is the left column; a line of its own may be either column.
  const left = top
    .map((l) => (l.cells ? (l.cells[0] ?? "").trim() : l.text))
    .filter((text) => text !== "" && !mottoLine.test(text));
  for (const [i, text] of left.entries()) {
    const area = areaLine.exec(ubndAlone.test(text) ? `${text} ${left[i + 1] ?? ""}` : text);
    if (area?.[1] && area[2]) return { level: area[1].toLowerCase(), name: capitaliseWords(area[2]) };
  }
  return null;
}

// A province's department goes by the province's name alone ("Sở Giáo dục và Đào tạo Bắc Ninh"), but
// "Hồ Chí Minh" alone is the man; a numbered district is written "Quận 3", as its place line writes it.
function areaName(issuer: string, { level, name }: { level: string; name: string }): string {
  if (issuer.startsWith("Sở")) return name === "Hồ Chí Minh" ? `Thành phố ${name}` : name;
  return /^\d/u.test(name) ? `${level.charAt(0).toUpperCase()}${level.slice(1)} ${name}` : `${level} ${name}`;
}

/** A bare office name with the area of the letterhead's UBND line, else of the place line. */
export function withArea(issuer: string | null, top: PlanLine[], place: string | null): string | null {
  if (!issuer || !bareOffice.test(issuer)) return issuer;
  const area = letterheadArea(top);
  if (area) return `${issuer} ${areaName(issuer, area)}`;
  if (place && /^(Quận|Huyện|Thị xã|Thành phố)(?![\p{L}\p{N}])/u.test(place)) return `${issuer} ${place}`;
  return issuer;
}

/** True for an office name that says which area it serves, unlike the bare "Sở Giáo dục và Đào tạo". */
export const namesItsArea = (issuer: string) => !bareOffice.test(issuer);
