import { readWrittenDay } from "../deadlines/written-day.js";
import { fold } from "../text/fold.js";
import type { PlanHeader } from "./extraction.js";
import { issuerFromCapitals, postedOn, schoolYearIn, statedSchoolYear } from "./header-lines.js";
import type { PlanLine } from "./plan-text.js";

const docKinds = [
  "KẾ HOẠCH",
  "HƯỚNG DẪN",
  "CÔNG VĂN",
  "THÔNG BÁO",
  "QUYẾT ĐỊNH",
  "CHỈ THỊ",
  "BÁO CÁO",
  "TỜ TRÌNH",
  "CHƯƠNG TRÌNH",
];
const foldedKinds = new Map(docKinds.map((kind) => [fold(kind), kind]));
// How far into the document the header block may reach.
const HEADER_LINES = 40;

const numberPattern = /Số\s*:?\s*(\d+)\s*\/\s*([\p{Lu}\d]+(?:\s*-\s*[\p{Lu}\d]+)*)/u;
// "Hà Nội, ngày 26 tháng 12 năm 2022", "Quận 1, ngày 12/10/2023": the date is read as deadlines are.
const placeDatePattern = /^([^,]{2,40}),\s*(ngày\s*\d{1,2}\s*(?:tháng|[/.-]).*)$/iu;
// The appendix caption is a line of its own; "kèm theo Kế hoạch số …" inside a sentence cites another plan.
const captionPattern =
  /^\(?\s*Kèm theo\s+(Kế hoạch|Hướng dẫn|Công văn|Quyết định|Thông báo)\s+số\s*(\d+)\s*\/\s*([\p{Lu}\d]+(?:\s*-\s*[\p{Lu}\d]+)*)(?:\s+ngày\s*(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4}))?(?:\s+của\s+([^)]+))?/iu;
// "…, Sở Giáo dục và Đào tạo Hà Nội ban hành Kế hoạch …" — an office at a sentence's start acting.
const issuerPattern =
  /(?:^|,\s+)((?:Sở|Phòng|Hội đồng|Trường|Ủy ban|UBND|Ban)\s[^,;.:]*?)\s+(?:ban hành|hướng dẫn|xây dựng|thông báo|triển khai|đề nghị|yêu cầu)(?![\p{L}\p{N}])/u;
const areaLine = /^(?:UBND|ỦY BAN NHÂN DÂN)\s+(QUẬN|HUYỆN|THỊ XÃ|THÀNH PHỐ|TỈNH)\s+(.+)$/u;
const kindCodes: Record<string, string> = {
  KH: "KẾ HOẠCH",
  HD: "HƯỚNG DẪN",
  TB: "THÔNG BÁO",
  QĐ: "QUYẾT ĐỊNH",
  CT: "CHỈ THỊ",
  BC: "BÁO CÁO",
  TTr: "TỜ TRÌNH",
};
const signerTitles =
  /^(GIÁM ĐỐC|PHÓ GIÁM ĐỐC|TRƯỞNG PHÒNG|PHÓ TRƯỞNG PHÒNG|HIỆU TRƯỞNG|PHÓ HIỆU TRƯỞNG|CHỦ TỊCH|PHÓ CHỦ TỊCH|KT\.|TM\.|Q\.|GIÁM ĐỐC SỞ)/u;

function isoDay(y: string | number, m: string | number, d: string | number): string | null {
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const normaliseNumber = (digits: string, suffix: string) => `${digits}/${suffix.replace(/\s+/g, "")}`;

/** Looks like a person's name: 2–6 capitalised words, no digits or sentence punctuation. */
function isPersonName(text: string): boolean {
  if (!text || text.length > 50 || /[\d:;,.()]/.test(text) || text === text.toUpperCase()) return false;
  const words = text.split(" ");
  return words.length >= 2 && words.length <= 6 && words.every((w) => /^\p{Lu}/u.test(w));
}

/** Reads kind, number, place and date, issuer, title, school year and signer from a plan's lines. */
export function extractHeader(lines: PlanLine[]): PlanHeader {
  const header: PlanHeader = {
    kind: null,
    number: null,
    place: null,
    issuedOn: null,
    issuer: null,
    title: null,
    schoolYear: null,
    signer: null,
    signerTitle: null,
  };
  const nonBlank = lines.filter((l) => l.text !== "");
  const top = nonBlank.slice(0, HEADER_LINES);

  let kindIndex = -1;
  for (const [i, l] of top.entries()) {
    if (!l.cells) {
      const kind = l.text === l.text.toUpperCase() ? foldedKinds.get(fold(l.text)) : undefined;
      if (kind && kindIndex < 0) {
        header.kind = kind;
        kindIndex = i;
      }
    }
    // A letterhead exported from a Word table puts "Số: …" and "…, ngày …" in two cells of one line.
    for (const text of l.cells ?? [l.text]) {
      const number = header.number ? null : numberPattern.exec(text);
      // Only the number line of the header block: "Số" also starts sentences that cite other documents.
      if (number?.[1] && number[2] && /^Số\s*:/u.test(text) && i < 12)
        header.number = normaliseNumber(number[1], number[2]);
      const placeDate = header.issuedOn ? null : placeDatePattern.exec(text);
      const placeDay = placeDate?.[2] ? readWrittenDay(placeDate[2]) : null;
      if (placeDate?.[1] && placeDay) {
        header.place = placeDate[1].trim();
        header.issuedOn = placeDay;
      }
    }
  }

  header.title = findTitle(top, kindIndex);
  header.kind ??=
    kindFromNumber(header.number) ??
    (top.some((l) => /^V\/v(?![\p{L}\p{N}])/iu.test(l.text)) ? "CÔNG VĂN" : null);

  for (const l of lines) {
    const caption = captionPattern.exec(l.text);
    if (!caption) continue;
    header.kind ??= caption[1] ? caption[1].toUpperCase() : null;
    if (!header.number && caption[2] && caption[3]) header.number = normaliseNumber(caption[2], caption[3]);
    if (!header.issuedOn && caption[4] && caption[5] && caption[6]) {
      header.issuedOn = isoDay(caption[6], caption[5], caption[4]);
    }
    if (caption[7]) header.issuer ??= caption[7].trim();
    break;
  }

  header.schoolYear = schoolYearIn(header.title ?? "");
  // A notice reposted without its header still states its school year; a "năm 2024" title is a calendar year.
  if (!header.schoolYear && !/năm\s+\d{4}/iu.test(header.title ?? ""))
    header.schoolYear = statedSchoolYear(top);
  header.issuedOn ??= postedOn(top);

  // The letterhead names the office exactly; a sentence may abbreviate it ("Sở GDĐT Bắc Ninh").
  header.issuer ??= issuerFromCapitals(nonBlank) ?? findIssuer(nonBlank.slice(0, HEADER_LINES));
  header.issuer = withArea(header.issuer, top, header.place);

  const signer = findSigner(nonBlank);
  header.signer = signer?.name ?? null;
  header.signerTitle = signer?.title ?? null;
  return header;
}

function findSigner(nonBlank: PlanLine[]): { name: string; title: string | null } | null {
  // The signature block closes the body: a title line (GIÁM ĐỐC, HIỆU TRƯỞNG…) then the name.
  const end = nonBlank.findIndex((l) => /^PHỤ LỤC/u.test(l.text));
  const body = end >= 0 ? nonBlank.slice(0, end) : nonBlank;
  for (let i = body.length - 1; i >= Math.max(0, body.length - 12); i--) {
    const l = body[i];
    if (!l || l.cells) continue;
    if (isPersonName(l.text)) {
      const before = body.slice(Math.max(0, i - 4), i);
      const from = before.findIndex((b) => signerTitles.test(b.text));
      // The title runs from its first line to the name, each line in capitals ("TM. HỘI ĐỒNG", "CHỦ TỊCH").
      const title = from < 0 ? [] : before.slice(from).filter((b) => !b.cells && isCapitalsLine(b.text));
      if (from >= 0 || i === body.length - 1)
        return { name: l.text, title: title.length ? title.map((b) => b.text).join(", ") : null };
    }
  }
  return null;
}

const isCapitalsLine = (text: string) =>
  text.length <= 60 && /\p{Lu}/u.test(text) && text === text.toUpperCase();

/** The kind a number's code names: "88/TB-SGDĐT" is a THÔNG BÁO. */
function kindFromNumber(number: string | null): string | null {
  const code = number?.split("/")[1]?.split("-")[0];
  return code ? (kindCodes[code] ?? null) : null;
}

const notTitle = /^(Căn cứ|Thực hiện|Số\s*:|Kính gửi|Đăng (lúc|ngày)|Ngày đăng)/iu;

/** The line under the kind line; else a letter's "V/v …" subject; else a repost's first line. */
function findTitle(top: PlanLine[], kindIndex: number): string | null {
  const candidates = kindIndex >= 0 ? top.slice(kindIndex + 1, kindIndex + 4) : top;
  const subject = top.find((l) => /^V\/v(?![\p{L}\p{N}])/iu.test(l.text));
  if (kindIndex < 0 && subject) return subject.text.replace(/^V\/v:?\s*/iu, "");
  for (const l of candidates) {
    if (l.cells || notTitle.test(l.text) || placeDatePattern.test(l.text)) continue;
    if (l.text === l.text.toUpperCase()) continue; // an office's name in capitals, not a title
    return l.text.replace(/^V\/v:?\s*/iu, "");
  }
  return null;
}

function findIssuer(lines: PlanLine[]): string | null {
  for (const l of lines) {
    const issuer = issuerPattern.exec(l.text);
    if (issuer?.[1]) return issuer[1].trim();
  }
  return null;
}

const capitalise = (words: string) =>
  words
    .toLowerCase()
    .split(" ")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(" ");

/** A bare "Phòng Giáo dục và Đào tạo" takes its area from the UBND line above it or the place line. */
function withArea(issuer: string | null, top: PlanLine[], place: string | null): string | null {
  if (!issuer || !/^(Phòng|Sở) Giáo dục và Đào tạo$/u.test(issuer)) return issuer;
  // The letterhead's left column: "UBND HUYỆN X", or "ỦY BAN NHÂN DÂN" over "THÀNH PHỐ X".
  const left = top.map((l) => (l.cells ? (l.cells[0] ?? "").trim() : l.text));
  for (const [i, text] of left.entries()) {
    const joined = /^(?:UBND|ỦY BAN NHÂN DÂN)$/u.test(text) ? `${text} ${left[i + 1] ?? ""}` : text;
    const area = areaLine.exec(joined);
    if (area?.[1] && area[2]) return `${issuer} ${area[1].toLowerCase()} ${capitalise(area[2])}`;
  }
  if (place && /^(Quận|Huyện|Thị xã|Thành phố)(?![\p{L}\p{N}])/u.test(place)) return `${issuer} ${place}`;
  return issuer;
}
