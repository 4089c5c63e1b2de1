import { romanValue } from "../text/roman.js";
import type { ExtractedRequirement } from "./extraction.js";
import type { Paragraph } from "./paragraphs.js";
import { isListItem, listItemText, stripMarkup } from "./plan-text.js";

// "Hồ sơ gồm:", "Hồ sơ … gồm có:", "Nộp hồ sơ … về Phòng, gồm:", "… gửi hồ sơ về bộ phận thi đua, cụ thể:"
// "… cụm trưởng gửi về Phòng GDĐT các hồ sơ sau:"
const leadPattern =
  /(?<![\p{L}\p{N}])hồ sơ(?![\p{L}\p{N}])(?:.*(?:gồm(?: có)?|bao gồm|cụ thể|như sau)|\s+sau(?:\s+đây)?)\s*:\s*$/iu;
// "Về thực hiện hồ sơ của khối thi đua", "c) Hồ sơ, thủ tục khen thưởng"
const headingPattern =
  /^(?:[a-zđ]\)\s*|\d+(?:\.\d+)*\.?\s*)?(?:Về\s+(?:thực hiện\s+)?)?(hồ sơ(?![\p{L}\p{N}]).*)$/iu;
const copiesPattern = /\(\s*(?:gồm\s+)?(0?\d+\s+bản[^)]*)\)/iu;
// "Hồ sơ gửi dưới dạng 01 bản file word và 01 bản file pdf (đã ký) qua …": copies said in the sentence.
const copiesInSentence =
  /(?<![\p{L}\p{N}])(0?\d+\s+(?:bộ|bản)\s(?:[^;.()]|\.(?=\S))*?(?:\s+(?:và|,)\s+0?\d+\s+(?:bộ|bản)\s(?:[^;.()]|\.(?=\S))*?)*)(?=\s+(?:qua|tại|gửi|về|đến|trực tiếp|theo)(?![\p{L}\p{N}])|,\s*(?:nộp|gửi)(?![\p{L}\p{N}])|\s*(?:[;()]|\.(?:\s|$))|$)/iu;

// "Mỗi loại (nộp) 02 bản (…)": the copies of every paper of the list.
const perPaperCopies =
  /^mỗi\s+(?:loại|thành phần|giấy tờ|văn bản)(?:\s+(?:nộp|gửi))?\s+(0?\d+\s+(?:bộ|bản)(?![\p{L}\p{N}]).*?)(?=,\s*(?:nộp|gửi)(?![\p{L}\p{N}])|[.;]?$)/iu;

function nameFrom(text: string): string | null {
  const m =
    /(?<![\p{L}\p{N}])(hồ sơ(?![\p{L}\p{N}])[^:]*?)(?:,?\s*(?:quy định tại|theo quy định)[^,]*(?:,[^,]*)*)?,?\s*(?:gồm(?: có)?|bao gồm|cụ thể|như sau)?\s*:?\s*$/iu.exec(
      text,
    );
  if (!m?.[1]) return null;
  // "Lập thành bộ riêng, không ghép chung với hồ sơ các danh hiệu khác, gồm:" names another dossier.
  if (/(?:với|ngoài)\s+$/iu.test(text.slice(0, m.index))) return null;
  // "Hồ sơ đăng ký thi đua (01 bản điện tử gửi qua hệ thống iOffice)": the bracket says how it goes, and
  // its words are not cut as the name's are.
  const bracket = /\s*\([^()]*\)\s*$/u.exec(m[1]);
  const base = bracket ? m[1].slice(0, bracket.index) : m[1];
  const name = base
    // "… lập hồ sơ đề nghị khen thưởng. Hồ sơ gồm:" names the dossier in the sentence before.
    .replace(/\.\s.*$/u, "")
    .replace(/\s+(về|đến|tới)\s+(Phòng|Sở|bộ phận|Văn phòng|Hội đồng)(?![\p{L}\p{N}]).*$/iu, "")
    // "gửi hồ sơ qua Hệ thống chậm nhất ngày …": how and when it goes, not what it is.
    .replace(/\s+(?:qua|chậm nhất|trước ngày|trong thời hạn|tại)(?![\p{L}\p{N}]).*$/iu, "")
    // "Hồ sơ tải lên hệ thống dưới dạng bản điện tử, …, gồm:" says how it goes; the heading names it.
    .replace(/^(hồ sơ)\s+(?:tải lên|gửi|nộp|lưu|đựng|dưới dạng)(?![\p{L}\p{N}]).*$/iu, "$1")
    // "… các hồ sơ sau:" names none; "hồ sơ, đựng trong túi …, gồm:" says how it is kept, not what it is.
    .replace(/\s+sau(?:\s+đây)?$/iu, "")
    .replace(/^(hồ sơ),\s+\p{Ll}.*$/iu, "$1")
    // "Hồ sơ do khối trưởng lập": who makes it up, not what it is.
    .replace(/\s+do\s+[^,]+?\s+(?:lập|chuẩn bị|tổng hợp|hoàn thiện)$/iu, "")
    .replace(/[\s,]+$/u, "")
    .trim();
  // "Hồ sơ đề nghị gồm:", "hồ sơ chung": no name of its own; the heading above names it.
  if (/^hồ sơ(?:\s+(?:đề nghị|chung))?$/iu.test(name)) return null;
  return `${name.charAt(0).toUpperCase()}${name.slice(1)}${bracket && name === base.replace(/[\s,]+$/u, "").trim() ? bracket[0] : ""}`;
}

/** "… tiến hành việc bình chọn đơn vị nhận Cờ thi đua của … và gửi hồ sơ …" → "Hồ sơ bình chọn đơn vị nhận Cờ thi đua". */
function purposeName(lead: string): string | null {
  const m =
    /(?:việc\s+)?((?:bình chọn|bình xét|xét tặng|đề nghị|đăng ký|xét)\s[^,(;]+?)(?=\s+(?:của|và|gửi)\s|\s*[(,;:]|$)/iu.exec(
      lead,
    );
  return m?.[1] ? `Hồ sơ ${m[1].trim().replace(/\s+(?:và|của|gửi)$/u, "")}` : null;
}

// "2. Hồ sơ đề nghị công nhận sáng kiến (mỗi sáng kiến 01 bộ):", "5. Hồ sơ đề nghị công nhận sáng kiến:": a
// dossier's name ending in a colon, with its papers under it; the brackets say how it is handed in.
// "4. Báo cáo gửi Phòng … (do …), gồm:": a report's parts, listed like a dossier's papers.
const namedListLead =
  /^(?:\d+(?:\.\d+)*\.?\s*|[a-zđ]\)\s*|[-+•]\s*)?((?:hồ sơ|báo cáo)(?![\p{L}\p{N}])[^:()]*?)\s*(?:\(([^()]*(?:\([^()]*\)[^()]*)*)\))?\s*(,?\s*(?:gồm|bao gồm)(?:\s+có)?)?\s*:\s*$/iu;
// A name that says where or how it goes ("Hồ sơ gửi về Phòng:") leads the ways of sending, not papers.
const sendingWords = /(?<![\p{L}\p{N}])(?:gửi|nộp|về|qua|tại|theo)(?![\p{L}\p{N}])/iu;
const copiesWords =
  /(?<![\p{L}\p{N}])(?:0?\d+\s+(?:bộ|bản)|bản\s+(?:giấy|chính|sao|pdf|scan|điện tử))(?![\p{L}\p{N}])/iu;

/** The name and copies of a list led by "Hồ sơ … (…):", else null. */
export function namedList(text: string): { name: string; copies: string | null } | null {
  // "Hồ sơ X (đối với tổ) — 01 bộ, do tổ trưởng nộp:": the copies and who hands it in after a dash.
  // "Phòng Văn hóa – Xã hội …" keeps its dash: the tail must say copies or who hands it in.
  const tailed = /\s+[—–]\s+([^:]{2,80}?)\s*:\s*$/u.exec(text);
  const dashed = tailed?.[1] && (copiesWords.test(tailed[1]) || /^do\s/u.test(tailed[1])) ? tailed : null;
  const m = namedListLead.exec(dashed ? `${text.slice(0, dashed.index)}:` : text);
  // "Hồ sơ của khối thi đua do khối trưởng nộp cho …:": who hands it in is no part of its name.
  const name = m?.[1]?.trim().replace(/\s+do\s+[^,]{2,40}?\s+(?:nộp|lập|gửi)(?:\s.*)?$/u, "");
  // "Hồ sơ gửi về Phòng:" leads the ways of sending; "Hồ sơ nhà trường gửi Phòng …:" names whose it is.
  const whose = /^hồ sơ\s+(?:của\s+)?(?:nhà trường|trường|đơn vị|tổ|cụm|khối)\s+(?:gửi|nộp)\s/iu.test(
    name ?? "",
  );
  const listed = Boolean(m?.[3]);
  if (!name || /^(?:hồ sơ|báo cáo)$/iu.test(name)) return null;
  if (/^báo cáo/iu.test(name) ? !listed : sendingWords.test(name) && !whose && !listed) return null;
  const bracket = m?.[2]?.trim() ?? "";
  const tail = dashed?.[1] ?? "";
  return {
    name: name.charAt(0).toUpperCase() + name.slice(1),
    copies: copiesWords.test(bracket) ? bracket : copiesWords.test(tail) ? tail : null,
  };
}

// A part heading that names an award or title rather than a step.
const awardWords =
  /^(?:cờ thi đua|bằng khen|giấy khen|chiến sĩ thi đua|danh hiệu|tập thể lao động|lao động tiên tiến|huân chương|kỷ niệm chương)/iu;

// A dossier item under its lead: a bullet ("-", "+", "•"), or Word's automatic numbering as read
// ("1.", "2)", "a)", "b.").
type ItemMarker =
  | { style: "bullet" }
  | { style: "decimal" | "subdecimal" | "bracketed" | "letter" | "roman"; ordinal: number };
function itemMarker(text: string): ItemMarker | null {
  if (isListItem(text)) return { style: "bullet" };
  // "i) …; ii) …; iii) …": small Roman numerals (a letter list rarely runs to its ninth, "i)").
  const roman = /^(i{1,3}|iv|vi{0,3}|ix|x)[.)]\s+\S/u.exec(text);
  if (roman?.[1]) return { style: "roman", ordinal: romanValue(roman[1]) ?? 0 };
  // "1.1. Công văn …", "1.2. Bảng …" under "1. Hồ sơ … gồm:": numbered within the lead's own number.
  const sub = /^\d{1,2}\.(\d{1,2})\.?\s+\S/u.exec(text);
  if (sub) return { style: "subdecimal", ordinal: Number(sub[1]) };
  // "(3)", as some offices number a list: a "4." after it is the plan's next point, not its fourth paper.
  const bracketed = /^\((\d{1,2})\)\s+\S/u.exec(text);
  if (bracketed) return { style: "bracketed", ordinal: Number(bracketed[1]) };
  const decimal = /^(\d{1,2})[.)]\s+\S/u.exec(text);
  if (decimal) return { style: "decimal", ordinal: Number(decimal[1]) };
  const letter = /^([a-zđ])[.)]\s+\S/u.exec(text);
  if (letter?.[1]) return { style: "letter", ordinal: "abcdđefghiklmnopqrstuvxy".indexOf(letter[1]) + 1 };
  return null;
}

// The next item keeps the first one's style and, when numbered, its count: after items 1 and 2, a
// "3." may be the next section ("3. Thời gian thực hiện") only if it breaks the count.
function continues(first: ItemMarker, previous: ItemMarker, next: ItemMarker | null): boolean {
  if (!next || next.style !== first.style) return false;
  if (next.style === "bullet" || previous.style === "bullet") return true;
  // Letters may skip "đ" (d, e) or not (d, đ, e), as documents do.
  const step = next.ordinal - previous.ordinal;
  return step === 1 || (next.style === "letter" && step === 2 && previous.ordinal === 4);
}

const itemText = (text: string) =>
  listItemText(text)
    .replace(/^(?:\(?\d{1,2}|[a-zđ]|\d{1,2}\.\d{1,2}|i{1,3}|iv|vi{0,3}|ix|x)[.)]\s+/u, "")
    .replace(/\s+trong đó(?![\p{L}\p{N}]).*$/iu, "")
    .replace(/[.;,]+$/u, "")
    // "Tờ trình …: 01 bản chính" — the paper, then its copies as items elsewhere write them.
    .replace(/:\s*(0?\d+\s+(?:bản|bộ)(?![\p{L}\p{N}])[^()]*)$/iu, " ($1)")
    .trim();

// What a dossier's papers are called: "Tờ trình …", "Bản sao Quyết định …", "Minh chứng …".
const paperWords =
  /^(?:bản sao\s+)?(?:tờ trình|biên bản|báo cáo|danh sách|bảng|bản|quyết định|giấy|đơn|minh chứng|kế hoạch|phiếu|văn bản|công văn|tóm tắt|file|tệp|sổ|hồ sơ|ảnh|hình ảnh|sản phẩm|đề tài|sáng kiến|chứng nhận|quy chế|giao ước|tờ khai|phụ lục)(?![\p{L}\p{N}])/iu;
// A label that says how or when a dossier goes ("Số lượng: …; …", "Hình thức: …"), not what it is for.
const notForWhat =
  /^(?:số lượng|số bản|hình thức|thời gian|thời hạn|địa điểm|địa chỉ|nơi nhận|nơi nộp|cách thức|lưu ý|ghi chú|yêu cầu|e-?mail|điện thoại|liên hệ)(?![\p{L}\p{N}])/iu;
// "Sở không tiếp nhận: hồ sơ gửi qua Zalo …; …": what is turned away, not a dossier.
const refused = /không\s+(?:tiếp\s+)?nhận|không\s+được/iu;
// "3.1. Cờ thi đua của UBND tỉnh: 03 (ba) bộ, mỗi bộ gồm:": an award under a dossier heading, its sets.
const awardSetsLead =
  /^(?:\d+(?:\.\d+)*\.?\s*|[a-zđ]\)\s*)?([^:]{3,100}?)\s*:\s*(0?\d+(?:\s*\([^()]*\))?\s+(?:bộ|bản)[^:]*?)[,;]?\s*mỗi\s+(?:bộ|bản)\s+(?:gồm|có)(?:\s+có)?\s*:\s*$/iu;
const labelledLine = /^(?:[-+•]\s*|[a-zđ][.)]\s*|\d{1,2}[.)]\s+)?([^:;]{3,90}?):\s+(.+)$/u;

/**
 * "a) Giấy khen của Chủ tịch UBND huyện: Tờ trình …; Biên bản …; Báo cáo …." or "- Đối với mầm non: phiếu
 * đăng ký …; giáo án …": a line naming what its papers are for, then the papers.
 */
function labelledPapers(text: string): { label: string; items: string[] } | null {
  const m = labelledLine.exec(text.trim());
  const label = m?.[1]?.trim();
  if (!m?.[2] || !label || notForWhat.test(label) || refused.test(label) || /\d{1,2}\/\d{1,2}/u.test(label))
    return null;
  const items = m[2]
    .replace(/[.;,\s]+$/u, "")
    .split(/\s*;\s*/u)
    .map((item) => item.trim())
    .filter(Boolean);
  if (items.length < 2 || items.some((item) => item.length > 200)) return null;
  if (items.filter((item) => paperWords.test(item)).length * 2 < items.length) return null;
  return { label, items };
}

// "Hồ sơ tổng kết của cụm gồm biên bản …, bảng xếp loại … và tờ trình …, nộp bản giấy …": the papers in
// the sentence itself, up to how they are handed in.
// "Sau khi họp, Cụm trưởng gửi về Sở hồ sơ sơ kết của cụm gồm …": after who sends it where.
const sentenceList =
  /^(?:\d+(?:\.\d+)*\.?\s*|[a-zđ]\)\s*|[-+•]\s*)?(?:[^:;]{0,100}?\s(?:gửi|nộp|lập|chuẩn bị|hoàn thiện)(?:\s+(?:về|lên|cho)\s+[^,;:]{1,40}?)?(?:\s+0?\d+\s+(?:bộ|bản))?(?:,\s*|\s+))?(hồ sơ(?![\p{L}\p{N}])[^:,;.]{0,120}?|mỗi bộ)\s+(?:gồm(?: có)?|bao gồm)\s*:?\s+([^:]+)$/iu;
const titledSentence =
  /^(?:\d+(?:\.\d+)*\.?\s*|[a-zđ]\)\s*)?(hồ sơ(?![\p{L}\p{N}])[^:]{0,120}?)\s*:\s+(.+)$/iu;
const handedIn = /,\s*(?:nộp|gửi|tải|lưu|đựng|đóng)(?![\p{L}\p{N}])|\.(?:\s|$)|;/u;

/** The papers a sentence "Hồ sơ X gồm A, B và C, nộp …" lists, else null. */
function papersInSentence(text: string): { name: string; items: string[]; rest: string } | null {
  // "3. Hồ sơ đề nghị danh hiệu X: tổ nộp 01 bộ hồ sơ gồm A, B và C; …": named before the colon.
  const titled = titledSentence.exec(text.trim());
  const inner = titled?.[1] && titled[2] ? papersInSentence(titled[2]) : null;
  if (titled?.[1] && inner) return { ...inner, name: titled[1].charAt(0).toUpperCase() + titled[1].slice(1) };
  const m = sentenceList.exec(text.trim());
  if (!m?.[1] || !m[2]) return null;
  // "… gồm: công văn … (01 bản); bảng đăng ký … (01 bản); danh sách … (file Excel).": papers a ";" apart.
  const bySemicolon = m[2].replace(/\.\s*$/u, "").split(/\s*;\s*/u);
  const colon = /:\s*$/u.test(text.trim().slice(0, text.trim().length - m[2].length));
  const semicolons = colon && bySemicolon.length >= 2 && bySemicolon.every((piece) => paperWords.test(piece));
  const end = semicolons ? null : handedIn.exec(m[2]);
  const said = end ? m[2].slice(0, end.index) : m[2];
  // A piece that is not a paper ("cá nhân" in "Báo cáo thành tích của tập thể, cá nhân") belongs to the one before.
  const items: string[] = semicolons ? bySemicolon.map((piece) => piece.trim()) : [];
  // A bracket's commas ("(giấy chứng nhận …, giấy khen, …)") stay inside its paper.
  const pieces = said.split(/\s*,\s*(?![^()]*\))|\s+và\s+(?![^()]*\))/u);
  for (const piece of semicolons ? [] : pieces) {
    const last = items.length - 1;
    if (paperWords.test(piece) || last < 0) items.push(piece.trim());
    else items[last] = `${items[last]}, ${piece.trim()}`;
  }
  if (items.length < 2 || !paperWords.test(items[0] ?? "") || items.some((item) => item.length > 150))
    return null;
  // "Hồ sơ họp khối lần thứ nhất gửi về Sở gồm: …": where it goes is not its name.
  const name = m[1].replace(/\s+(?:gửi|nộp)\s+(?:về|lên|qua|tại|cho)(?![\p{L}\p{N}]).*$/iu, "").trim();
  return {
    name: name.charAt(0).toUpperCase() + name.slice(1),
    items,
    rest: end ? m[2].slice(end.index) : "",
  };
}

// "Giáo viên … gửi 02 bản in báo cáo biện pháp (…) kèm theo Phiếu … và Giấy xác nhận …": under a dossier's
// heading, the paper sent and the ones sent with it.
const sentWith =
  /(?:gửi|nộp)\s+(?:(0?\d+\s+(?:bản|bộ)(?:\s+(?:in|giấy|chính|photo|sao))?)\s+)?(.+?)\s+kèm theo\s+(.+?)\.?$/u;

/** The papers a sentence sends "X kèm theo Y và Z", with the copies it says, else null. */
function papersSentWith(text: string): { items: string[]; copies: string | null } | null {
  const m = sentWith.exec(text.trim());
  if (!m?.[2] || !m[3] || !paperWords.test(m[2])) return null;
  const items = [m[2].trim()];
  for (const piece of m[3].split(/\s*,\s*|\s+và\s+/u)) {
    if (paperWords.test(piece)) items.push(piece.trim());
    else items[items.length - 1] = `${items.at(-1)}, ${piece.trim()}`;
  }
  if (items.length < 2 || items.some((item) => item.length > 200)) return null;
  return { items: items.map((item) => item.charAt(0).toUpperCase() + item.slice(1)), copies: m[1] ?? null };
}

/** The list a labelled line makes: "Hồ sơ dự hội giảng (mầm non)", "Hồ sơ giấy khen của Chủ tịch UBND huyện". */
// "Hồ sơ đề nghị gồm", "Hồ sơ chung": a lead that names no dossier of its own.
const genericName = /^hồ sơ(?:\s+(?:đề nghị|chung))?(?:\s+gồm(?:\s+có)?)?$/iu;

function labelledList(
  line: { label: string; items: string[] },
  dossier: string | null,
  at: number,
): ExtractedRequirement {
  const forWhom = /^đối với\s+(.+)$/iu.exec(line.label)?.[1];
  const name = forWhom
    ? `${dossier ?? "Hồ sơ"} (${forWhom})`
    : genericName.test(line.label) && dossier
      ? dossier
      : /^hồ sơ(?![\p{L}\p{N}])/iu.test(line.label)
        ? line.label
        : `Hồ sơ ${line.label.charAt(0).toLowerCase()}${line.label.slice(1)}`;
  return { name, items: line.items, line: at };
}

// A numbered heading: "3.1. Khen thưởng chuyên đề …", "b) Bằng khen của Chủ tịch UBND tỉnh".
const numberedHeading = /^(?:\d+(?:\.\d+)*\.?|[a-zđ]\))\s+(\S.*)$/u;
/**
 * Whether "a) Phiếu giới thiệu …" under "5.1. Hồ sơ điển hình tiên tiến là tập thể" is the heading's first
 * paper: a numbered line naming a paper, not another dossier ("1.1. Hồ sơ … gồm: …") under a bare "Hồ sơ".
 */
function papersNumberedUnder(heading: string, next: string): boolean {
  const marker = itemMarker(next);
  if (!marker || marker.style === "bullet" || marker.ordinal !== 1) return false;
  const item = itemText(next);
  return (
    stripMarkup(heading).trim().split(/\s+/u).length >= 3 &&
    paperWords.test(item) &&
    !/^hồ sơ(?![\p{L}\p{N}])/iu.test(item) &&
    !/gồm\s*:/u.test(item)
  );
}

// "2. Danh hiệu "Lao động tiên tiến" (Phòng GDĐT chỉ tổng hợp):", "5. Giấy khen của …:": an award named
// by a numbered point that ends in a colon.
const awardPointPattern = /^(?:\d+(?:\.\d+)*\.?|[a-zđ]\))\s+([^:]{3,140}?)\s*(?:\([^()]*\))?\s*:\s*$/u;

/** The dossier a numbered point names when it is an award over its first paper, else null. */
function awardPointName(text: string, next: string): string | null {
  const award = awardPointPattern.exec(text)?.[1]?.trim();
  if (!award || !awardWords.test(award)) return null;
  const marker = itemMarker(next);
  if (!marker || (marker.style !== "bullet" && marker.ordinal !== 1) || !paperWords.test(itemText(next)))
    return null;
  return `Hồ sơ đề nghị ${award.replace(/^Danh hiệu/u, "danh hiệu")}`;
}

// How far above a lead its part's heading may be, in paragraphs.
const headingReach = 3;

/** Finds dossier lists ("Hồ sơ gồm:" and the items under it) with their copies and format. */
export function extractRequirements(paragraphs: Paragraph[]): ExtractedRequirement[] {
  const requirements: ExtractedRequirement[] = [];
  let pendingName: string | null = null;
  // The dossier the part's heading names, for each "Đối với X, hồ sơ gồm:" under it.
  let partDossier: string | null = null;
  // The copies that part's heading asks of each of its dossiers ("… (01 bộ bản giấy bản chính …)").
  let partCopies: string | null = null;
  // The last numbered heading, which names a list whose lead does not ("… gửi hồ sơ qua Hệ thống …. Hồ sơ gồm:").
  let partHeading: { text: string; at: number } | null = null;
  // The paragraph right after the last list read.
  let listEnd = -1;
  for (let i = 0; i < paragraphs.length; i++) {
    const paragraph = paragraphs[i];
    if (!paragraph) continue;
    const text = paragraph.text;
    const next = paragraphs[i + 1] ? (paragraphs[i + 1]?.text ?? "") : "";
    // A heading is short and unpunctuated ("Về thực hiện hồ sơ của khối thi đua"), unlike a sentence;
    // a numbered one may be longer ("3.3. Hồ sơ đề nghị tặng Bằng khen của … tổng kết năm học …").
    const numbered = numberedHeading.exec(text);
    const short = text.length < (numbered ? 200 : 100) && !/[.;:]$/u.test(text);
    const heading = !isListItem(text) && short ? headingPattern.exec(text) : null;
    if (numbered?.[1] && short && !isListItem(text)) {
      partHeading = { text: numbered[1], at: i };
      // A new part ("3.1. Khen thưởng chuyên đề …") ends the name of the dossier heading above it.
      if (!heading) {
        pendingName = null;
        partDossier = null;
        partCopies = null;
      }
    }
    const isLead = leadPattern.test(text);
    const listLead = isLead ? null : namedList(text);
    const sets = isLead || listLead ? null : awardSetsLead.exec(text);
    const setsName = sets?.[1]?.trim() ?? "";
    const awardLead = sets?.[2]
      ? {
          name: /^hồ sơ(?![\p{L}\p{N}])/iu.test(setsName)
            ? setsName
            : awardWords.test(setsName)
              ? `Hồ sơ đề nghị ${setsName.replace(/^Danh hiệu/u, "danh hiệu")}`
              : `Hồ sơ ${setsName.charAt(0).toLowerCase()}${setsName.slice(1)}`,
          copies: sets[2].trim(),
        }
      : null;
    // "3. Danh hiệu “Chiến sĩ thi đua cơ sở”:" then "(1) Tờ trình …;": the papers proposing that award.
    const awardPoint = isLead || listLead || awardLead ? null : awardPointName(text, next);
    const leads = isLead || listLead !== null || awardLead !== null || awardPoint !== null;
    // "Hồ sơ … gồm: Tờ trình; Biên bản …; Danh sách …." — the items written on the lead's own line.
    // "Khối trưởng tổ chức bình xét và gửi về Sở, trước ngày …, hồ sơ gồm: …": after the sentence's step.
    const inline =
      /^(?:\d+(?:\.\d+)*\.?\s*|[a-zđ]\)\s*)?(?:(.{10,200}?),\s+)?(hồ sơ(?![\p{L}\p{N}])[^:]*?)\s*(?:(?:gồm|bao gồm)|gồm\s+(0?\d+\s+(?:bộ|bản)),\s*mỗi\s+(?:bộ|bản)\s+(?:có|gồm))\s*:\s*(.+)$/iu.exec(
        listItemText(text),
      );
    // "gồm: (1) Công văn …; (2) Bảng …; (3) Bản …; mỗi thành phần 01 bản …": numbered in the line, the
    // last one running on into what the papers are handed in as.
    const numberedInLine =
      inline?.[4] && /^\(1\)\s/u.test(inline[4])
        ? inline[4].split(/\s*\(\d{1,2}\)\s*/u).filter(Boolean)
        : null;
    const [lastNumbered, ...afterItems] = numberedInLine?.at(-1)?.split(/\s*;\s*/u) ?? [];
    const listed = numberedInLine
      ? [...numberedInLine.slice(0, -1), lastNumbered ?? ""]
      : inline?.[4]?.split(/\s*;\s*/u);
    // "…; Bản đăng ký sáng kiến (nếu có). Mỗi loại nộp 01 bản giấy …": the list ends with its sentence.
    const ending = listed ? /\.\s+(?=\p{Lu})/u.exec(listed.at(-1) ?? "") : null;
    if (listed && ending) {
      const last = listed.pop() ?? "";
      listed.push(last.slice(0, ending.index));
      afterItems.unshift(last.slice(ending.index + ending[0].length));
    }
    const inlineItems = listed?.map((item) =>
      item
        // "gồm: a) Tờ trình; b) Bản tóm tắt …": the letters number the papers, they are not part of them.
        .replace(/^[a-zđ]\)\s+/u, "")
        .replace(/[.;,]+$/u, "")
        .trim(),
    );
    if (
      inline?.[2] &&
      inlineItems &&
      inlineItems.length >= 2 &&
      inlineItems.every((t) => t && t.length < 160)
    ) {
      const named =
        nameFrom(inline[2]) ?? pendingName ?? (inline[1] ? purposeName(inline[1]) : null) ?? "Hồ sơ";
      // "Hồ sơ báo cáo … (bản scan PDF có chữ ký, đóng dấu) gồm: …": how it is sent, not its name.
      const form = /\s*\(((?:0?\d+\s+)?(?:bộ|bản)\s[^)]*)\)\s*$/iu.exec(named);
      const requirement: ExtractedRequirement = {
        name: form ? named.slice(0, form.index) : named,
        items: inlineItems,
        line: paragraph.line,
      };
      const rest = afterItems.join("; ");
      const copies = perPaperCopies.exec(rest) ?? copiesInSentence.exec(rest);
      // "Hồ sơ … gồm 02 bộ, mỗi bộ có: …": the sets, said before the papers.
      const sets = inline[3] ?? copies?.[1] ?? form?.[1];
      if (sets) requirement.copies = sets.trim();
      requirements.push(requirement);
      pendingName = null;
      continue;
    }
    if (heading && !leads) {
      pendingName = nameFrom(heading[1] ?? "") ?? pendingName;
      partDossier = pendingName;
      const bracket = /\(([^()]+)\)\s*$/u.exec(text)?.[1]?.trim();
      partCopies = bracket && copiesWords.test(bracket) ? bracket : null;
      const numberedPaper = papersNumberedUnder(heading[1] ?? "", next);
      if (!isListItem(next) && !numberedPaper) continue;
    } else if (!leads) {
      // "1. Hồ sơ đối với từng danh hiệu (01 bộ …)" then "a) Cờ thi đua …: Tờ trình …; Biên bản …".
      const labelled = partDossier ? labelledPapers(text) : null;
      if (labelled) {
        const list = labelledList(labelled, partDossier, paragraph.line);
        if (partCopies) list.copies = partCopies;
        requirements.push(list);
        continue;
      }
      const enclosed = pendingName ? papersSentWith(text) : null;
      if (pendingName && enclosed) {
        const list: ExtractedRequirement = { name: pendingName, items: enclosed.items, line: paragraph.line };
        if (enclosed.copies) list.copies = enclosed.copies;
        requirements.push(list);
        pendingName = null;
        continue;
      }
      // "Các đơn vị tổ chức … . Hồ sơ đăng ký gồm: …": the list may open a later sentence of the paragraph.
      const sentence =
        papersInSentence(text) ??
        text
          .split(/(?<=\.)\s+(?=Hồ sơ\s)/u)
          .slice(1)
          .map(papersInSentence)
          .find((found) => found !== null) ??
        null;
      if (sentence) {
        // "Hồ sơ đề nghị gồm: …" under "4. Hồ sơ đề nghị tặng Bằng khen …": the heading names it.
        const generic = genericName.test(sentence.name);
        const list: ExtractedRequirement = {
          name: generic
            ? (pendingName ??
              partDossier ??
              (partHeading && /^hồ sơ\s/iu.test(partHeading.text)
                ? stripMarkup(partHeading.text)
                : sentence.name))
            : sentence.name,
          items: sentence.items,
          line: paragraph.line,
        };
        const copies = copiesInSentence.exec(sentence.rest);
        // "… cá nhân nộp 02 bộ, mỗi bộ gồm …": the sets before what each holds.
        const sets = /(0?\d+\s+bộ),\s*mỗi bộ\s+gồm/iu.exec(text)?.[1];
        if (copies?.[1]) list.copies = copies[1].trim();
        else if (sets) list.copies = sets;
        requirements.push(list);
        continue;
      }
      const copies = copiesPattern.exec(text) ?? copiesInSentence.exec(text);
      const last = requirements[requirements.length - 1];
      // "Mỗi loại 02 bản (…)" right under the list is its copies, as a sentence on how it is sent is.
      const perPaper = i === listEnd ? perPaperCopies.exec(text) : null;
      if (perPaper?.[1] && last && !last.copies) last.copies = perPaper[1];
      else if (copies?.[1] && last && !last.copies && /hình thức|gửi|nộp|số lượng/iu.test(text))
        last.copies = copies[1].trim();
      continue;
    }
    const items: string[] = [];
    let j = i + 1;
    const first = itemMarker(paragraphs[j]?.text ?? "");
    // A heading's list is bullets only: a numbered line after it is the heading's own next point.
    // A numbered list starts at its first ("4. Danh sách trích ngang" after a lead is the plan's next point).
    const starts = first?.style === "bullet" || first?.ordinal === 1;
    // "5.1. Hồ sơ điển hình tiên tiến là tập thể" then "a) Phiếu giới thiệu …": a heading that names a
    // dossier, over lettered or numbered papers.
    const papersUnderHeading = heading !== null && starts && papersNumberedUnder(heading[1] ?? "", next);
    let previous: ItemMarker | null =
      ((leads || papersUnderHeading) && starts) || first?.style === "bullet" ? first : null;
    for (; previous && j < paragraphs.length; j++) {
      const item = paragraphs[j]?.text ?? "";
      const marker = itemMarker(item);
      if (j > i + 1 && (!first || !continues(first, previous, marker))) break;
      // "Hồ sơ … gồm:" then "a) Hồ sơ đề nghị Bằng khen …:": a dossier of its own, with its papers under it.
      if (leadPattern.test(item) || (j === i + 1 && namedList(item))) break;
      // "… hướng dẫn … lập hồ sơ … như sau:" then "**1. Đối tượng …**": the plan's parts, not papers.
      if (/^(?:\d{1,2}(?:\.\d{1,2})*[.)]?\s+)?\*\*[^*]+\*\*$/u.test(paragraphs[j]?.raw.trim() ?? "")) break;
      items.push(itemText(item));
      previous = marker ?? previous;
    }
    if (items.length === 0) continue;
    // "… thông báo điều chỉnh thời gian nộp một số loại hồ sơ như sau:" leads the plan's next points, not papers.
    if (isLead && !/gồm|bao gồm/iu.test(text) && !paperWords.test(items[0] ?? "")) continue;
    // Under a heading "Hồ sơ đề nghị khen thưởng", points that each say who sends by which date are
    // the steps of handing it in, not its papers.
    // After a lead ("Gửi hồ sơ … cụ thể:"), points that give a date or an address each ("+ Cấp mầm non:
    // chậm nhất …", "+ Cấp THCS: thcs@…") are the when and where of sending it, not its papers.
    const dated = items.filter((item) => /\d{1,2}\/\d{1,2}(?:\/\d{4})?(?!\d)/u.test(item)).length;
    const addressed = items.filter((item) => /@|https?:\/\//u.test(item)).length;
    // Under a heading alone ("3. Hồ sơ giấy"), points that say where it is handed in or what is refused.
    const sending = leads
      ? 0
      : items.filter((item) =>
          /(?:nộp|gửi)\s+(?:trực tiếp\s+)?(?:tại|qua|về|đến)(?![\p{L}\p{N}])|không\s+(?:tiếp\s+)?nhận(?![\p{L}\p{N}])/iu.test(
            item,
          ),
        ).length;
    if (dated * 2 >= items.length || (leads && addressed * 2 >= items.length) || sending * 2 >= items.length)
      continue;
    const labelledItems = items.map(labelledPapers);
    const allLabelled = labelledItems.every((line) => line !== null);
    const underHeading =
      partHeading && i - partHeading.at <= headingReach
        ? `Hồ sơ ${partHeading.text.charAt(0).toLowerCase()}${partHeading.text.slice(1)}`
        : null;
    // "b) Đối với Phòng GDĐT, hồ sơ gồm:": the part's dossier, as those units make it up; "c) Giấy khen
    // Trưởng phòng, hồ sơ gồm:": the dossier for that award.
    const namedBefore = isLead
      ? /^(?:[a-zđ]\)\s*)?(Đối với\s+)?([^:]{2,80}),\s*hồ sơ\s+gồm\s*:\s*$/iu.exec(text)
      : null;
    const award = namedBefore?.[2]?.trim();
    const byWhat = !award
      ? null
      : namedBefore?.[1]
        ? `${partDossier ?? "Hồ sơ"} (${award})`
        : `Hồ sơ ${award.charAt(0).toLowerCase()}${award.slice(1)}`;
    // A part headed by an award ("2. Bằng khen của Chủ tịch UBND tỉnh") names its list better than
    // the criteria its lead sentence opens with ("Xét tặng cho cá nhân có …").
    const awardHeading = underHeading && awardWords.test(partHeading?.text ?? "") ? underHeading : null;
    const name =
      awardLead?.name ??
      awardPoint ??
      listLead?.name ??
      (isLead ? nameFrom(text) : null) ??
      byWhat ??
      pendingName ??
      awardHeading ??
      (isLead ? purposeName(text) : null) ??
      underHeading ??
      "Hồ sơ";
    // "Hồ sơ đề nghị Bằng khen … (03 bộ bản chính, kèm 01 bản điện tử)": the copies asked, not the name.
    const inName = /\s*\((0?\d+\s+(?:bộ|bản)[^)]*)\)\s*$/iu.exec(name);
    const requirement: ExtractedRequirement = {
      name: inName ? name.slice(0, inName.index) : name,
      items,
      line: paragraph.line,
    };
    if (inName?.[1]) requirement.copies = inName[1].trim();
    if (listLead?.copies) requirement.copies = listLead.copies;
    if (awardLead) requirement.copies = awardLead.copies;
    // "Hồ sơ dự hội giảng:" then "- Đối với mầm non: …; …" and "- Đối với tiểu học: …; …": a list each.
    if (allLabelled && items.length > 0) {
      for (const line of labelledItems) {
        if (!line) continue;
        const list = labelledList(line, requirement.name, paragraph.line);
        if (requirement.copies) list.copies = requirement.copies;
        requirements.push(list);
      }
    } else requirements.push(requirement);
    pendingName = null;
    listEnd = j;
    i = j - 1;
  }
  return requirements.map((list) => ({ ...list, name: withoutHandling(list.name) }));
}

// "Hồ sơ đề nghị danh hiệu X do cụm trưởng lập, nộp 03 bộ … tại Phòng …": who makes it and how it goes
// are said elsewhere in the answer; the name is what it proposes.
const handling =
  /\s+do\s+[^,;:]{2,40}?\s+(?:lập|chuẩn bị|hoàn thiện)(?![\p{L}\p{N}]).*$|,\s*(?:nộp|gửi)\s.*$/iu;
const withoutHandling = (name: string) => {
  // "Hồ sơ sơ kết học kỳ I gửi (về Phòng GDĐT)": where it is sent is not its name either.
  const cut = name
    .replace(handling, "")
    .replace(/\s+(?:gửi|nộp)(?:\s+(?:về|lên|tới|đến)(?![\p{L}\p{N}]).*)?$/iu, "")
    .trim();
  return cut.length >= 8 ? cut : name;
};
