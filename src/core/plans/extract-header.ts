import { readWrittenDay } from "../deadlines/written-day.js";
import { fold } from "../text/fold.js";
import type { PlanHeader } from "./extraction.js";
import {
  issuerFromCapitals,
  namesItsArea,
  postedOn,
  schoolYearIn,
  statedSchoolYear,
  withArea,
} from "./header-lines.js";
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

// "2318/SGDĐT-GDTrH": an office's code may hold a small letter ("GDTrH", Giáo dục Trung học).
const numberPattern =
  /Số\s*:?\s*(\d+)\s*\/\s*([\p{Lu}\d]+(?:\p{Ll}[\p{Lu}\d]+)*(?:\s*-\s*[\p{Lu}\d]+(?:\p{Ll}[\p{Lu}\d]+)*)*)/u;
// "Hà Nội, ngày 26 tháng 12 năm 2022", "Quận 1, ngày 12/10/2023": the date is read as deadlines are.
const placeDatePattern = /^([^,]{2,40}),\s*(ngày\s*\d{1,2}\s*(?:tháng|[/.-]).*)$/iu;
// The appendix caption is a line of its own; "kèm theo Kế hoạch số …" inside a sentence cites another plan.
const captionPattern =
  /^\(?\s*Kèm theo\s+(Kế hoạch|Hướng dẫn|Công văn|Quyết định|Thông báo)\s+số\s*(\d+)\s*\/\s*([\p{Lu}\d]+(?:\s*-\s*[\p{Lu}\d]+)*)(?:\s+ngày\s*(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4}))?(?:\s+của\s+([^)]+))?/iu;
// "…, Sở Giáo dục và Đào tạo Hà Nội ban hành Kế hoạch …" — an office at a sentence's start acting.
const issuerPattern =
  /(?:^|,\s+)((?:Sở|Phòng|Hội đồng|Trường|Ủy ban|UBND|Ban)\s[^,;.:]*?)\s+(?:ban hành|hướng dẫn|xây dựng|thông báo|triển khai|đề nghị|yêu cầu)(?![\p{L}\p{N}])/u;
const subjectLine = /^V\/v(?![\p{L}\p{N}])/iu;
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
  header.kind ??= kindFromNumber(header.number) ?? (isLetter(top, header.number) ? "CÔNG VĂN" : null);

  const caption = findCaption(lines);
  header.kind ??= caption?.kind ?? null;
  header.number ??= caption?.number ?? null;
  header.issuedOn ??= caption?.issuedOn ?? null;

  header.schoolYear = schoolYearIn(header.title ?? "");
  // A notice reposted without its header still states its school year; a "năm 2024" title is a calendar year.
  if (!header.schoolYear && !/năm\s+\d{4}/iu.test(header.title ?? ""))
    header.schoolYear = statedSchoolYear(top);
  header.issuedOn ??= postedOn(top);

  header.issuer = findOffice(nonBlank, header.place, caption?.issuer ?? null);

  const signer = findSigner(nonBlank);
  header.signer = signer?.name ?? null;
  header.signerTitle = signer?.title ?? null;
  return header;
}

interface Caption {
  kind: string | null;
  number: string | null;
  issuedOn: string | null;
  issuer: string | null;
}

/** What the appendix caption "(Kèm theo Kế hoạch số … ngày … của …)" says of the plan. */
function findCaption(lines: PlanLine[]): Caption | null {
  for (const l of lines) {
    const c = captionPattern.exec(l.text);
    if (!c) continue;
    return {
      kind: c[1] ? c[1].toUpperCase() : null,
      number: c[2] && c[3] ? normaliseNumber(c[2], c[3]) : null,
      issuedOn: c[4] && c[5] && c[6] ? isoDay(c[6], c[5], c[4]) : null,
      issuer: c[7]?.trim() || null,
    };
  }
  return null;
}

/** The issuing office: the letterhead's, the appendix caption's, or a sentence's, with its area. */
function findOffice(nonBlank: PlanLine[], place: string | null, captioned: string | null): string | null {
  const top = nonBlank.slice(0, HEADER_LINES);
  const letterhead = withArea(issuerFromCapitals(nonBlank), top, place);
  // The letterhead names the office exactly; the caption or a sentence may abbreviate it ("Sở GDĐT Bắc
  // Ninh"). A UBND line alone, or an office with no area, may be above or short of the issuer the caption names.
  if (letterhead && namesItsArea(letterhead) && !letterhead.startsWith("Ủy ban nhân dân")) return letterhead;
  return withArea(captioned ?? letterhead ?? findIssuer(top), top, place);
}

/** A letter has no kind heading: its "V/v …" subject says so, or a "Kính gửi:" under its "Số:" line. */
function isLetter(top: PlanLine[], number: string | null): boolean {
  if (top.some((l) => subjectLine.test(l.text))) return true;
  return number !== null && top.some((l) => /^Kính gửi\s*:/u.test(l.text));
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

// "V/v hướng dẫn tổng kết …" is about "Hướng dẫn tổng kết …": the subject is the title, as a title is written.
const withoutVv = (text: string) => {
  const subject = text.replace(/^V\/v:?\s*/iu, "");
  return subject === text ? text : subject.charAt(0).toUpperCase() + subject.slice(1);
};

/** The line under the kind line; else a letter's "V/v …" subject; else a repost's first line. */
function findTitle(top: PlanLine[], kindIndex: number): string | null {
  const candidates = kindIndex >= 0 ? top.slice(kindIndex + 1, kindIndex + 4) : top;
  const subject = top.find((l) => subjectLine.test(l.text));
  if (kindIndex < 0 && subject) return withoutVv(subject.text);
  for (const l of candidates) {
    if (l.cells || notTitle.test(l.text) || placeDatePattern.test(l.text)) continue;
    if (l.text === l.text.toUpperCase()) continue; // an office's name in capitals, not a title
    return withoutVv(l.text);
  }
  return null;
}

/** The office a sentence of the first lines has acting, without the short form it defines. */
function findIssuer(lines: PlanLine[]): string | null {
  for (const l of lines) {
    const issuer = issuerPattern.exec(l.text);
    // "Sở Giáo dục và Đào tạo (GDĐT) ban hành …": "(GDĐT)" names the office for the rest of the text.
    if (issuer?.[1]) return issuer[1].replace(/\s*\([\p{Lu}&]{2,10}\)/gu, "").trim();
  }
  return null;
}
