import { midSentence } from "../text/sentence-case.js";
import type { ExtractedContact, ExtractedGroup } from "./extraction.js";
import type { Paragraph } from "./paragraphs.js";
import { isListItem, listItemText, type PlanLine, stripMarkup } from "./plan-text.js";

// Both cases written out: with the `i` flag \p{Lu} matches lower case too, and any words would pass for a name.
const honorific = "(?:[Ôô]ng|[Bb]à|[Đđ]\\/c|[Đđ]ồng chí|[Tt]hầy|[Cc]ô|[Cc]hị|[Aa]nh)";
const personName = "(\\p{Lu}[\\p{L}'’]*(?:\\s+\\p{Lu}[\\p{L}'’]*){1,5})";
/** A line that opens with a person ("- Bà Lò Thị Mai, chuyên viên: …"): what it gives is theirs. */
export const opensWithPerson = new RegExp(
  `^(?:[-+•]\\s*)?(?:\\d{1,2}[.)]\\s*)?${honorific}\\s+\\p{Lu}\\p{Ll}*\\s+\\p{Lu}`,
  "u",
);
// "- Ông Trương Quốc Cường, Chuyên viên, phụ trách chung về công tác thi đua, khen thưởng."
const contactPattern = new RegExp(
  `^${honorific}\\s+${personName}\\s*[,–-]\\s*([^,]*?)(?:,\\s*|\\s+)((?:phụ trách|tiếp nhận|theo dõi|quản lý|tổng hợp|hỗ trợ|giải đáp|thẩm định)(?![\\p{L}\\p{N}]).*)$`,
  "u",
);
// "- Cấp tiểu học: ông Đặng Văn A, chuyên viên, điện thoại …": the scope before the name.
const scopeFirstPattern = new RegExp(`^([^:]{2,80}?)\\s*:\\s*${honorific}\\s+${personName}(.*)$`, "u");
// A scope that names a level or a field; any other needs the person's phone or e-mail to be a contact.
const scopeWords =
  /^(?:cấp|bậc|khối|mảng|lĩnh vực|phụ trách|mầm non|mẫu giáo|tiểu học|trung học|THCS|THPT|GDTX|các trường)(?![\p{L}\p{N}])/iu;
// A council's roles: "Chủ tịch: ông A" or "Ông A, Hiệu trưởng – Chủ tịch Hội đồng" names a member, not a
// contact; its secretary is one to ask where given with a duty or a phone, not under a bare "Thư ký:".
const councilRole = /chủ tịch|ủy viên|uỷ viên|thành viên|trưởng ban|phó ban|thường trực/iu;
const colonDutyPattern = new RegExp(
  `^${honorific}\\s+${personName}\\s*,\\s*([^:(]*?(?:ĐT|SĐT|[Đđ]iện thoại)[^:(]*):\\s*(.+)$`,
  "u",
);
// "… các đơn vị liên hệ (trực tiếp với) bà …", "… liên hệ Tổ Văn phòng (bà …": the people to turn to.
const askedLead = new RegExp(
  `^.*?[Ll]iên hệ(?:\\s+(?:trực tiếp|với|qua))*\\s*:?\\s*(?:([^.;:()]{3,80}?)\\s*[(:]\\s*)?(?=${honorific}\\s+\\p{Lu})`,
  "u",
);
// Each person of "bà A, chuyên viên, ĐT … hoặc ông B, …", where a name follows a break or "hoặc"/"và".
const askedPerson = new RegExp(`(?:^|(?<=[,;(]\\s*|\\s(?:hoặc|và)\\s+))${honorific}\\s+${personName}`, "gu");
const phoneNumber = "(?:\\+84|0)\\d{1,3}(?:[ .-]?\\d){6,9}(?!\\d)";
// "ĐT: …", "điện thoại di động …", "ĐT/Zalo: …"; else a bare number ("– chuyên viên – 0912 345 678").
const labeledPhone = new RegExp(
  `(?<!\\p{L})(?:ĐT|SĐT|DĐ|[Đđ]iện thoại|Zalo)(?!\\p{L})[^\\d+]{0,20}?(${phoneNumber})`,
  "u",
);
const barePhone = new RegExp(`(?<![\\d.])(${phoneNumber})`, "u");
// "… 0233.3851.472 hoặc 0905.318.624", "… 0912 345 678 / 0987 …", "điện thoại: 0256…, di động: 0914 …":
// another number right after the first.
const alsoPhone = new RegExp(
  `^\\s*(?:hoặc|/|,)\\s*(?:(?:[Dd]i động|DĐ|ĐTDĐ|Zalo)(?!\\p{L})\\s*:?\\s*)?(${phoneNumber})`,
  "u",
);
const emailPattern = /[\p{L}\d._%+-]+@[a-z\d.-]+\.[a-z]{2,}/iu;
// Where the duty ends and the ways to reach the person begin ("; điện thoại …", " - ĐT: …", "(e-mail: …").
const detailsStart = new RegExp(
  `[\\s;,–-]*\\(?\\s*(?:(?<!\\p{L})(?:số\\s+)?(?:ĐT|SĐT|DĐ|[Đđ]iện thoại|Zalo|[Ee]-?mail|thư điện tử)(?!\\p{L})|${phoneNumber})`,
  "u",
);
// "phụ trách thi đua, khen thưởng cấp mầm non" → "cấp mầm non" (not "cấp trên" of "đề nghị cấp trên …")
const levelPattern =
  /(?<![\p{L}\p{N}])(cấp\s+(?:học|mầm non|mẫu giáo|tiểu học|trung học|THCS|THPT|MN|TH)(?![\p{L}\p{N}]).*)$/iu;

/** The words before the person's phone or e-mail, without the punctuation that led to them. */
function withoutDetails(text: string): string {
  const details = detailsStart.exec(text);
  return (details ? text.slice(0, details.index) : text).replace(/[\s.;,:–-]+$/u, "").trim();
}

function scopeOf(duty: string): string {
  // "… cấp THCS, đồng thời theo dõi …": a second duty, not a comma inside the first.
  const text = withoutDetails(duty).replace(/,\s*đồng thời\s+/gu, "; ");
  const level = levelPattern.exec(text);
  if (level?.[1] && !/phụ trách chung/iu.test(text)) return level[1];
  return text;
}

/** The title written after a name (", chuyên viên Văn phòng Sở (điện thoại …)"), without the phone. */
function titleAfter(tail: string): string | undefined {
  const first = tail.replace(/^[\s,(–-]+/u, "").split(/[,;()]|\s[–-]\s|(?:^|\s)để\s/u)[0] ?? "";
  const title = withoutDetails(first);
  return title && !/^[\d+]/u.test(title) ? title : undefined;
}

function chargedContact(text: string, line: number): ExtractedContact | null {
  const m = contactPattern.exec(text);
  if (!m?.[1] || !m[3]) return null;
  // "Thầy A, giáo viên Tổ Toán - Tin: quản trị Cổng …, hỗ trợ …": the colon ends the title, the duty begins.
  const [title = "", ...parts] = (m[2] ?? "").split(/:\s*/u);
  const said = parts.join(": ").trim();
  const duty = said ? `${said}, ${m[3]}` : m[3];
  const contact: ExtractedContact = { name: m[1], scope: scopeOf(duty), line };
  if (title.trim()) contact.title = title.replace(/[\s:]+$/u, "").trim();
  return contact;
}

function scopeFirstContact(text: string, line: number): ExtractedContact | null {
  const m = scopeFirstPattern.exec(text);
  if (!m?.[1] || !m[2] || councilRole.test(m[1]) || /^thư ký$/iu.test(m[1].trim())) return null;
  const reachable = labeledPhone.test(m[3] ?? "") || emailPattern.test(m[3] ?? "");
  if (!scopeWords.test(m[1].trim()) && !reachable) return null;
  const contact: ExtractedContact = { name: m[2], scope: midSentence(scopeOf(m[1])), line };
  const title = titleAfter(m[3] ?? "");
  if (title) contact.title = title;
  return contact;
}

// "Bà C, thư ký Hội đồng, điện thoại 09…: tiếp nhận hồ sơ, …": what they answer for follows the colon.
function colonDutyContact(text: string, line: number): ExtractedContact | null {
  const m = colonDutyPattern.exec(text);
  if (!m?.[1] || !m[2] || !m[3]) return null;
  return { name: m[1], scope: scopeOf(m[3]), title: withoutDetails(m[2]), line };
}

// "1. Bà A, chuyên viên Phòng GDĐT, điện thoại …, e-mail … – tiếp nhận hồ sơ dự thi, …": what they do follows their phone.
const reachFirstPattern = new RegExp(
  `^(?:\\d{1,2}[.)]\\s*)?${honorific}\\s+${personName}\\s*,\\s*(.+)$`,
  "u",
);

function reachFirstContact(text: string, line: number): ExtractedContact | null {
  const m = reachFirstPattern.exec(text);
  if (!m?.[1] || !m[2]) return null;
  const duty = dutyAfterReach(m[2]);
  if (!duty) return null;
  const contact: ExtractedContact = { name: m[1], scope: scopeOf(duty), line };
  const title = titleAfter(m[2]);
  if (title) contact.title = title;
  return contact;
}

// "- Bà A, chuyên viên: tiếp nhận bản đăng ký; theo dõi khối THPT 1; e-mail: …": the duty after the title's colon.
// "- Cô B, Bí thư Đoàn trường: hoạt động ngoại khóa; điện thoại …": any duty, where a phone or an
// e-mail follows it, and a title of several parts ("Phó Hiệu trưởng, Phó Chủ tịch Hội đồng").
// "6. Cô A – Nhân viên văn thư – Thư ký Hội đồng: tiếp nhận …. ĐT: …": the title after a dash.
const titleColonPattern = new RegExp(
  `^(?:\\d{1,2}[.)]\\s*)?${honorific}\\s+${personName}\\s*(?:,|\\s[–-])\\s*([^:;]{2,90}?)\\s*:\\s*(.+)$`,
  "u",
);

function titleColonContact(text: string, line: number): ExtractedContact | null {
  const m = titleColonPattern.exec(text);
  if (!m?.[1] || !m[2] || !m[3]) return null;
  const reachable = labeledPhone.test(m[3]) || emailPattern.test(m[3]);
  const charged = dutyStart.test(m[3]) && !councilRole.test(m[2]) && !m[2].includes(",");
  if (!charged && !reachable) return null;
  return { name: m[1], scope: scopeOf(m[3]), title: m[2].trim(), line };
}

// "2. Phó Hiệu trưởng - bà A (ĐT: …; e-mail: …): Phó Chủ tịch Hội đồng, phụ trách …": the title before the
// person, the ways to reach them in brackets, the duty after the colon.
const titleFirstPattern = new RegExp(
  `^(?:\\d{1,2}[.)]\\s*)?(\\p{Lu}[^:()–-]{1,60}?)\\s+[–-]\\s+${honorific}\\s+${personName}\\s*(\\([^)]*\\))?\\s*:\\s*(.+)$`,
  "u",
);

function titleFirstContact(text: string, line: number): ExtractedContact | null {
  const m = titleFirstPattern.exec(text);
  if (!m?.[1] || !m[2] || !m[4]) return null;
  if (!labeledPhone.test(m[3] ?? m[4]) && !emailPattern.test(m[3] ?? m[4])) return null;
  // "Phó Chủ tịch Hội đồng, phụ trách …": the seat on the council is a title, the rest the duty.
  const duty = m[4].replace(/^[^,;]*(?:chủ tịch|ủy viên|uỷ viên|thư ký)[^,;]*[,;]\s*/iu, "");
  // The ways to reach them were in the brackets: "hộp thư điện tử", "Zalo OA" in the duty are its words.
  return { name: m[2], scope: duty.replace(/[\s.;]+$/u, ""), title: m[1].trim(), line };
}

/** One line's officer: "Ông A, chuyên viên, phụ trách …", "Cấp X: bà B, …", "Bà C, …, điện thoại …: …". */
function dutyContact(text: string, line: number): ExtractedContact | null {
  const contact =
    chargedContact(text, line) ??
    scopeFirstContact(text, line) ??
    colonDutyContact(text, line) ??
    titleColonContact(text, line) ??
    titleFirstContact(text, line) ??
    reachFirstContact(text, line);
  if (contact?.title) {
    // "Phó Hiệu trưởng, Phó Chủ tịch thường trực - hướng dẫn hồ sơ …": the duty after a dash, in small
    // letters (a tổ's own name, "Tổ Toán - Tin", keeps its dash).
    const duty = /^(.+?)\s+[–-]\s+(\p{Ll}.+)$/u.exec(contact.title);
    if (duty?.[1] && duty[2] && !contact.scope) {
      contact.title = duty[1];
      contact.scope = scopeOf(duty[2]);
    }
    contact.title = contact.title.replace(/[\s–-]+$/u, "");
  }
  return contact;
}

/** The people a sentence says to turn to; a title alone ("bà C, chuyên viên Văn phòng Sở") is their scope. */
function askedContacts(rest: string, office: string | undefined, line: number): ExtractedContact[] {
  const starts = [...rest.matchAll(askedPerson)];
  return starts.flatMap((m, i) => {
    const segment = rest.slice(m.index, starts[i + 1]?.index ?? rest.length);
    const charged = dutyContact(segment, line);
    if (charged) return [withDetails(charged, segment)];
    // "liên hệ Tổ Văn phòng (bà A, ĐT …)": the office is what she answers for, not her title; "bà A,
    // chuyên viên, điện thoại …, phụ trách X": X, after the phone, is.
    const title = titleAfter(segment.slice(m[0].length));
    const duty = dutyAfterReach(segment);
    const contact: ExtractedContact = {
      name: m[1] ?? "",
      scope: duty ? scopeOf(duty) : (title ?? office?.trim() ?? ""),
      line,
    };
    if (title) contact.title = title;
    withDetails(contact, segment);
    return contact.name && (contact.scope || contact.phone || contact.email) ? [contact] : [];
  });
}

/** In a sentence of several people to turn to, what one is for: "các trường mầm non liên hệ …" → the
 * level, "về việc tiếp nhận hồ sơ giấy liên hệ …" → "tiếp nhận hồ sơ giấy". */
function askedFor(clause: string): string | null {
  // "…, nếu có vướng mắc về hồ sơ A, đề nghị liên hệ …": the words that only ask are passed over.
  const parts = (/^(.*?)\s*[Ll]iên hệ/u.exec(clause)?.[1] ?? "").replace(/[\s,]+$/u, "").split(/,\s*/u);
  while (
    parts.length > 1 &&
    /^(?:(?:đề nghị|xin|vui lòng|đơn vị|các đơn vị)\s*)*$/iu.test(parts.at(-1) ?? "")
  )
    parts.pop();
  const before = parts.pop() ?? "";
  const topic =
    /^(?:(?:nếu|khi|mọi|các)\s+(?:có\s+)?(?:vướng mắc|khó khăn|thắc mắc)\s+)?(?:về\s+(?:việc\s+)?|đối với\s+)(.{4,})$/iu.exec(
      before,
    )?.[1];
  if (topic) return topic.trim();
  const level =
    /^(?:các\s+)?(?:trường|đơn vị|cơ sở)\s+(?:mầm non|mẫu giáo|tiểu học|THCS|THPT|trung học|trực thuộc|ngoài công lập)(?![\p{L}]).*$/iu;
  return level.test(before) ? before.trim() : null;
}

const dutyStart =
  /^(?:phụ trách|hỗ trợ|tiếp nhận|theo dõi|giải đáp|tổng hợp|quản lý|thẩm định|lĩnh vực|mảng)(?![\p{L}\p{N}])/u;

/** What follows a person's phone or e-mail ("…, điện thoại 0912 …, phụ trách hồ sơ cấp mầm non;"), as their duty. */
function dutyAfterReach(segment: string): string | null {
  // The last way to reach them ("điện thoại …, e-mail …"): what they do comes after both.
  const reach = [labeledPhone.exec(segment) ?? barePhone.exec(segment), emailPattern.exec(segment)]
    .filter((m) => m !== null)
    .sort((a, b) => b.index + b[0].length - (a.index + a[0].length))[0];
  if (!reach) return null;
  // A second number ("điện thoại 0233 … hoặc 0905 …") is still the way to reach them; "(phụ trách …)"
  // after it is their duty, whatever follows the parenthesis is not.
  const tail = segment.slice(reach.index + reach[0].length).replace(alsoPhone, "");
  const after = /^\s*\(/u.test(tail) ? (/^\s*\(([^)]*)\)/u.exec(tail)?.[1] ?? tail) : tail;
  // After a dash, whatever follows is what they do ("… – đăng ký danh hiệu, biểu mẫu Google Form").
  const dashed = /^[\s,;)]*[–-]\s+\p{Ll}/u.test(after);
  const rest = after
    // The sentence ends the duty: "… lỗi gửi tệp. Các số điện thoại trên …".
    .split(/\.\s+(?=\p{Lu})/u)[0]
    ?.replace(/^[\s,;:)–-]+/u, "")
    .replace(/[\s,;.)]*(?:(?:hoặc|và)\s*)?$/u, "")
    .trim();
  if (!rest) return null;
  // A duty says what they do ("phụ trách …", "hỗ trợ …"); "để được hướng dẫn" is why one calls.
  return rest.length >= 4 && (dashed || dutyStart.test(rest)) ? rest : null;
}

function withDetails(contact: ExtractedContact, text: string): ExtractedContact {
  // As written ("0912 486 302"), as the unit file keeps phones: people copy them from the answer.
  const phone = labeledPhone.exec(text) ?? barePhone.exec(text);
  if (phone?.[1]) {
    const second = alsoPhone.exec(text.slice(phone.index + phone[0].length))?.[1];
    contact.phone = second ? `${phone[1].trim()} hoặc ${second.trim()}` : phone[1].trim();
  } else {
    // "số máy lẻ 105": the office switchboard's extension.
    const extension = /(?<!\p{L})(?:số\s+)?máy lẻ\s*:?\s*(\d{2,5})(?!\d)/iu.exec(text);
    if (extension?.[1]) contact.phone = `máy lẻ ${extension[1]}`;
  }
  const email = emailPattern.exec(text);
  if (email) contact.email = email[0].toLowerCase();
  return contact;
}

// A table of officers: "TT · Họ và tên · Chức vụ · Phụ trách · Điện thoại · Email", columns in any order.
const contactColumns = {
  name: /^(?:họ\s+(?:và\s+)?tên|tên\s+cán\s+bộ|cán\s+bộ(?:\s+phụ\s+trách|\s+đầu\s+mối)?|người\s+(?:phụ\s+trách|liên\s+hệ))$/iu,
  title: /^(?:chức\s+(?:vụ|danh)|đơn\s+vị\s+công\s+tác)/iu,
  scope: /^(?:phụ\s+trách|lĩnh\s+vực|nhiệm\s+vụ|nội\s+dung|công\s+việc|phần\s+việc)/iu,
  phone: /(?:điện\s+thoại|^S?ĐT|di\s+động)/iu,
  email: /(?:e-?mail|thư\s+điện\s+tử)/iu,
};
const leadingHonorific = new RegExp(`^${honorific}\\s+`, "u");
// "cô Lò Thị Hạnh": the honorific before a person's name, not part of it.
const personLead = new RegExp(`^${honorific}\\s+(?=\\p{Lu})`, "u");

/** The officers of every table whose header names a person's column and a way to reach them or their duty. */
function contactsInTables(lines: PlanLine[]): ExtractedContact[] {
  const contacts: ExtractedContact[] = [];
  type Columns = Record<keyof typeof contactColumns, number>;
  let columns: Columns | null = null;
  for (const l of lines) {
    if (!l.cells) {
      if (l.text) columns = null;
      continue;
    }
    const cells = l.cells.map((c) => c.trim());
    const found = Object.fromEntries(
      Object.entries(contactColumns).map(([key, pattern]) => [key, cells.findIndex((c) => pattern.test(c))]),
    ) as Columns;
    if (found.name >= 0 && (found.phone >= 0 || found.email >= 0 || found.scope >= 0)) {
      columns = found;
      continue;
    }
    if (!columns) continue;
    const cell = (i: number) => (i >= 0 ? (cells[i] ?? "") : "");
    // "Ông Phạm Văn Thắng, Phó Trưởng phòng": a title after the name, in the name's own cell.
    const [named = "", ...after] = cell(columns.name)
      .replace(leadingHonorific, "")
      .split(/\s*[,–]\s*/u);
    const name = named.trim();
    if (!new RegExp(`^${personName}$`, "u").test(name)) continue;
    const title = cell(columns.title) || after.join(", ").trim();
    const contact: ExtractedContact = { name, scope: cell(columns.scope) || title, line: l.line };
    if (title) contact.title = title;
    withDetails(contact, `${cell(columns.phone) && `ĐT ${cell(columns.phone)}`} ${cell(columns.email)}`);
    contacts.push(contact);
  }
  return contacts;
}

// "Khi gặp sự cố về tài khoản, đăng nhập …, các đơn vị liên hệ ông B": the trouble they help with.
const troubleLead =
  /(?:^|,\s*)(?:khi|nếu|trường hợp)\s+(?:có\s+)?(.{6,160}?),\s*(?:các|mọi|quý|đơn vị|trường|nhà trường)(?![\p{L}])[^,]*?liên hệ/iu;
// A trouble any question may have ("vướng mắc", "khó khăn") says nothing of whom to ask.
const anyTrouble = /^(?:(?:có\s+)?(?:vướng mắc|khó khăn|thắc mắc|chưa rõ)(?:\s*(?:,|hoặc|và)\s*)?)+$/iu;

/** In a sentence with one "liên hệ", the trouble the people named help with, when it says one. */
function askedWhen(clause: string): string | null {
  const trouble = troubleLead.exec(clause)?.[1]?.trim();
  return trouble && !anyTrouble.test(trouble) ? trouble : null;
}

const hotline = new RegExp(
  `^((?:Đường dây nóng|Số điện thoại đường dây nóng|Hotline|Tổng đài)(?![\\p{L}])[^:()]{0,80}?)\\s*(?:\\(([^()]{2,60})\\))?\\s*:\\s*(${phoneNumber})`,
  "iu",
);

/** Finds the officers in charge ("Ông/Bà …, Chuyên viên, phụ trách …", "liên hệ bà …", a table of them) and their scope. */
export function extractContacts(paragraphs: Paragraph[], lines: PlanLine[] = []): ExtractedContact[] {
  const contacts: ExtractedContact[] = contactsInTables(lines);
  for (const paragraph of paragraphs) {
    // "Địa chỉ thư điện tử: Bà A: a@…; Ông B: b@…" of officers already read: their addresses only.
    const listed = [...paragraph.text.matchAll(namedEmail)].map((m) => m[1]);
    if (listed.length && listed.every((n) => contacts.some((c) => c.name === n))) continue;
    const whole = listItemText(paragraph.text);
    // "- Đường dây nóng Bộ phận Thi đua - Khen thưởng (giờ hành chính): 0915 246 810.": a line to call.
    const line = hotline.exec(whole);
    if (line?.[1] && line[3]) {
      contacts.push({
        name: line[1].trim(),
        scope: line[2]?.trim() ?? "",
        phone: line[3].trim(),
        line: paragraph.line,
      });
      continue;
    }
    // "… các trường mầm non liên hệ bà A (…); về tài khoản liên hệ ông B (…)": each clause its own people.
    const clauses = (whole.match(/liên hệ/giu)?.length ?? 0) > 1 ? whole.split(/;\s+/u) : [whole];
    for (const text of clauses) {
      // A title alone names a contact only where the plan says to turn to them ("liên hệ bà …"); in a
      // council's member list ("Bà A, Phó Hiệu trưởng – Phó Chủ tịch") it names a member.
      const asked = askedLead.exec(text);
      const duty = asked ? null : dutyContact(text, paragraph.line);
      const found = asked
        ? askedContacts(text.slice(asked[0].length), asked[1], paragraph.line)
        : duty
          ? [withDetails(duty, text)]
          : [];
      const who = asked ? (clauses.length > 1 ? askedFor(text) : askedWhen(text)) : null;
      for (const c of found) if (who) c.scope = c.scope ? `${c.scope}; ${who}` : who;
      // One who only chairs or sits on the council, with no phone or e-mail given, is not one to ask.
      for (const c of found) {
        if (!c.phone && !c.email && councilRole.test(c.title ?? "")) continue;
        // "… liên hệ Thư ký Hội đồng (cô A) để được hướng dẫn" of an officer listed above: one person.
        const known = contacts.find((k) => k.name === c.name);
        if (!known) contacts.push(c);
        else {
          // What a later sentence adds, without the title it repeats ("bà A, Phó Hiệu trưởng, …").
          const adds = c.scope
            .split(/;\s*/u)
            .filter(
              (part) =>
                part && !known.scope.includes(part) && part.toLowerCase() !== known.title?.toLowerCase(),
            );
          if (adds.length) known.scope = `${known.scope}; ${adds.join("; ")}`;
          // A council's member listed again at the end "… điện thoại: …" gives the phone to call.
          if (c.phone && !known.phone) known.phone = c.phone;
          if (c.email && !known.email) known.email = c.email;
        }
      }
    }
  }
  addListedEmails(contacts, paragraphs);
  return contacts.sort((a, b) => a.line - b.line);
}

// "Bà Huỳnh Thị Mỹ Duyên: htmduyen@…": one officer's address in a list of them under their table.
const namedEmail = new RegExp(
  `(?:${honorific}\\s+)?${personName}\\s*(?::|\\s[-–])\\s*([\\p{L}\\d._%+-]+@[a-z\\d.-]+\\.[a-z]{2,})`,
  "gu",
);

/** Gives officers already found the e-mail addresses a later sentence lists by their names. */
function addListedEmails(contacts: ExtractedContact[], paragraphs: Paragraph[]): void {
  for (const paragraph of paragraphs) {
    if (!paragraph.text.includes("@")) continue;
    for (const m of paragraph.text.matchAll(namedEmail)) {
      const contact = contacts.find((c) => c.name === m[1] && !c.email);
      if (contact && m[2]) contact.email = m[2].toLowerCase();
    }
  }
}

// "- *Khối thi đua mầm non: 02 khối*" then "+ Khối trưởng Khối thi đua 1: Hiệu trưởng trường mầm non Bé Ngoan"
const categoryPattern = /^((?:Khối|Cụm)\s+thi đua\s+[^:]+?)\s*:\s*0?\d+\s*(?:khối|cụm)(?![\p{L}\p{N}])/iu;
const leaderPattern =
  /^(?:(Khối|Cụm)\s+trưởng|Trưởng\s+(khối|cụm))\s+((?:Khối|Cụm)\s+thi đua(?:\s+(?:số\s+)?(\d+))?[^:]*?)\s*:\s*(?:(?:Hiệu trưởng|Giám đốc|Thủ trưởng)\s+)?(.+?)[.;]?$/iu;
const memberLeadPattern =
  /^((?:Khối|Cụm)\s+thi đua\s+(?:số\s+)?[\p{L}\d ]+?)\s*(?:gồm|có)\s*(?:các\s+(?:đơn vị|trường))?\s*:\s*(.+)$/iu;
// The group a line opens with: "Khối thi đua số 3 (các trường …)", "Cụm thi đua 2", "Khối Mầm non số 1", not
// "Khối trưởng …"; it ends at a colon, a comma, a dash or "gồm/có/do" outside its parenthesis.
const groupOpening =
  /^((?:Khối|Cụm)\s+(?!trưởng|phó)(?:[^:;,()–-]|\([^)]*\))+?)\s*(?=[:;,–-]|\s(?:gồm|có|do)\s|$)/iu;
// "khối trưởng là Trường X", "Khối trưởng: Trường X", "đơn vị khối trưởng năm 2026 là …"
// "khối trưởng Trường THPT X; thành viên gồm …": the unit named right after the word.
// "khối trưởng cô Trần Thị B (GVCN 8A3)": a person named right after the word.
const leaderIs = new RegExp(
  `(?:(?:khối|cụm)\\s+trưởng|trưởng\\s+(?:khối|cụm))(?:\\s+năm(?:\\s+học)?\\s+[\\d\\s–-]+)?(?:\\s*(?:là(?!\\p{L})|:)\\s*|\\s+(?=(?:Trường|Phòng|Trung tâm)\\s|${honorific}\\s+\\p{Lu}))(.+)$`,
  "iu",
);
// "(do) Trường X làm khối trưởng"
const leaderDoes = /(?:^|[:;,]\s*|\sdo\s+)(\p{Lu}[^:;,]*?)\s+làm\s+(?:[Kk]hối|[Cc]ụm)\s+[Tt]rưởng/u;
// A leader written as its head ("Hiệu trưởng trường mầm non Bé Ngoan"): the unit is what is meant.
const headTitle = /^(?:Hiệu trưởng|Giám đốc|Thủ trưởng|Trưởng phòng)\s+/iu;

/** The unit of a leader's words, without the deputy, a remark or the head's title that follow or lead it. */
function leaderOf(words: string): string | null {
  // "Trường A - cô B" ends the unit at the dash; a tổ's own name holds one ("Tổ Toán - Tin").
  const ends = /^tổ\s/iu.test(words.trim()) ? /[;,()]|\.(?:\s|$)/u : /[;,()]|\.(?:\s|$)|\s[–-]\s/u;
  // A school's khối of tổ is led by a person: "Khối trưởng: cô Lò Thị Hạnh (Tổ trưởng Tổ 3)", who keeps
  // the bracket naming their tổ, the unit that leads.
  const person = personLead.test(words.trim());
  const unit = (
    words
      .trim()
      .replace(personLead, "")
      .split(person ? /[;,]|\.(?:\s|$)/u : ends)[0] ?? ""
  ).trim();
  return /^\p{Lu}/u.test(unit) ? unit.replace(headTitle, "").trim() : null;
}

/** "Khối thi đua số 3 (…): khối trưởng là Trường X; …", "Cụm 2 do Phòng Y làm cụm trưởng": name and leader. */
function proseGroup(line: string): { name: string; leader: string | null } | null {
  const opening = groupOpening.exec(line);
  if (!opening?.[1]) return null;
  const words = leaderIs.exec(line)?.[1] ?? leaderDoes.exec(line.slice(opening[1].length))?.[1];
  // "Khối thi đua số 1 (khối trưởng: Trường A): …": the leader's remark is not part of the name.
  const name = opening[1].replace(/\s*\((?:(?:khối|cụm)\s+trưởng|trưởng\s+(?:khối|cụm))[^)]*\)/iu, "").trim();
  if (words) {
    const leader = leaderOf(words);
    return leader ? { name, leader } : null;
  }
  // Named alone, as a heading ("Khối thi đua số 1 (các trường …):"), not a sentence about the groups.
  const short = name.replace(/\([^)]*\)/gu, "").split(/\s+/u).length <= 8;
  return short && /^\s*:?\s*$/u.test(line.slice(opening[0].length)) ? { name, leader: null } : null;
}

// A table of groups: "TT · Khối thi đua · Số đơn vị · Đơn vị khối trưởng", columns in any order.
/** The header of a table's khối/cụm column ("Khối thi đua", "Tên cụm", "Khối/Cụm"). */
export const groupColumn = /^(?:tên\s+)?(?:khối|cụm)(?:\s*[,/]\s*(?:khối|cụm))?(?:\s+thi đua)?$/iu;
const leaderColumn = /(?:khối|cụm)\s+trưởng|trưởng\s+(?:khối|cụm)/iu;

/** A leader's cell without a remark in italics or parentheses ("Trường X (*thay Trường Y, …*)"). */
function leaderCell(raw: string): string {
  const plain = stripMarkup(raw.replace(/(?<!\*)\*(?!\*)[^*]+(?<!\*)\*(?!\*)/gu, " "));
  return (leaderOf(plain || stripMarkup(raw)) ?? stripMarkup(raw).replace(/\s*\(.*$/u, "")).trim();
}

// "Đơn vị thành viên", "Các trường thành viên", "Danh sách trường trong cụm", "Gồm các trường".
// "Các tổ trong khối", "Các thành viên còn lại" (besides the leader and deputy of their own columns).
const membersColumn =
  /^(?:(?:các|danh\s+sách(?:\s+các)?)\s+)?(?:đơn\s+vị|trường|tổ|thành\s+viên)(?:\s+(?:thành\s+viên|còn\s+lại|(?:trong|thuộc)\s+(?:khối|cụm)))?$|^gồm(?:\s+các\s+(?:đơn\s+vị|trường|tổ))?$/iu;
const deputyColumn = /(?:khối|cụm)\s+phó|phó\s+(?:khối|cụm)/iu;
const markedLeader = /\s*\((?:khối|cụm)\s+trưởng\)/iu;

/** A list of member units ("Trường A (khối trưởng); Trường B") split, without a leader's or deputy's mark. */
function membersCell(raw: string): { members: string[]; marked: string | null } {
  const list = stripMarkup(raw)
    .split(/[;,]\s*/u)
    .map((s) => s.replace(/[.]$/u, "").trim())
    .filter(Boolean);
  const marked = list.find((s) => markedLeader.test(s));
  return {
    members: list.map((s) => s.replace(/\s*\((?:khối|cụm)\s+(?:trưởng|phó)\)/iu, "")),
    marked: marked ? marked.replace(markedLeader, "").trim() : null,
  };
}

/** The groups of every table whose header names a khối/cụm column and its leader's or members'. */
function groupsInTables(lines: PlanLine[]): ExtractedGroup[] {
  const groups: ExtractedGroup[] = [];
  let columns: { name: number; leader: number; deputy: number; members: number; width: number } | null = null;
  // A members' cell that ran on past a line break ("…; Phòng GDĐT huyện Thạch Thành;" then the rest).
  let runsOn = false;
  for (const l of lines) {
    if (!l.cells) {
      if (l.text) columns = null;
      continue;
    }
    const name = l.cells.findIndex((c) => groupColumn.test(c.trim()));
    const leader = l.cells.findIndex((c) => leaderColumn.test(c));
    const members = l.cells.findIndex((c, i) => i !== leader && membersColumn.test(c.trim()));
    if (name >= 0 && (leader >= 0 || members >= 0) && name !== leader) {
      const deputy = l.cells.findIndex((c) => deputyColumn.test(c));
      columns = { name, leader, deputy, members, width: l.cells.length };
      continue;
    }
    if (!columns) continue;
    const cells = l.raw.split("\t");
    const last = groups[groups.length - 1];
    // The run-on line has fewer cells, or (from Word) as many with the first not naming a khối.
    const runOn =
      l.cells.length < columns.width || !/^(?:khối|cụm|nhóm|\d+[.)]?$|[IVX]+[.)]?$)/iu.test(l.cells[0] ?? "");
    if (runsOn && last && columns.members >= 0 && runOn) {
      const rest = membersCell(cells[0] ?? "");
      last.members.push(...rest.members);
      last.leader ??= rest.marked;
      runsOn = false;
      continue;
    }
    runsOn = columns.members >= 0 && /[;,]\s*$/u.test(stripMarkup(cells[columns.members] ?? ""));
    const group = (l.cells[columns.name] ?? "").trim();
    const listed = columns.members >= 0 ? membersCell(cells[columns.members] ?? "") : null;
    const head =
      (columns.leader >= 0 ? leaderCell(cells[columns.leader] ?? "") : "") || listed?.marked || null;
    // The deputy of a column of its own is a member as the others are.
    const deputy = columns.deputy >= 0 ? leaderCell(cells[columns.deputy] ?? "") : "";
    const listedUnits = listed?.members ?? [];
    const units = [...(deputy && !listedUnits.includes(deputy) ? [deputy] : []), ...listedUnits];
    if (group && (head || units.length))
      groups.push({ name: group, leader: head, members: units, ...(deputy ? { deputy } : {}), line: l.line });
    // A merged name cell: the row's unit is one more member of the group above ("\tTrường MN Vĩnh Tân\t").
    else if (!group && last && units.length) {
      last.members.push(...units.filter((u) => !last.members.includes(u)));
      last.leader ??= head;
    }
  }
  return groups;
}

/** "- Khối trưởng: Trường A" under a group named on its own line; not "Khối trưởng chủ trì …". */
function leaderUnder(text: string): string | null {
  if (!/^(?:đơn vị\s+)?(?:khối|cụm|trưởng)/iu.test(text)) return null;
  const words = leaderIs.exec(text)?.[1];
  return words ? leaderOf(words) : null;
}

// "…, Trường B làm khối phó", "Phó khối: Trường B", "cụm phó là Trường B": the deputy a sentence names.
const deputyDoes = /(?:^|[:;,(]\s*|\sdo\s+)(\p{Lu}[^:;,()]*?)\s+làm\s+(?:[Kk]hối|[Cc]ụm)\s+phó/u;
const deputyIs =
  /(?:[Pp]hó\s+(?:khối|cụm)|(?:[Kk]hối|[Cc]ụm)\s+phó)\s*(?:là(?!\p{L})|:)\s*(?:(?:cô|thầy|ông|bà)\s+)?(\p{Lu}[^;,.()]*)/u;

/** The deputy a group's sentence names, as `{ deputy }` to spread into the group, else nothing. */
function deputyIn(text: string): { deputy?: string } {
  const deputy = (deputyDoes.exec(text)?.[1] ?? deputyIs.exec(text)?.[1])?.trim();
  return deputy ? { deputy } : {};
}

/** Adds a group's members, or its leader, to the group already read under that name, else a new one. */
function addGroup(groups: ExtractedGroup[], group: ExtractedGroup): void {
  const existing = groups.find((g) => g.name.toLowerCase() === group.name.toLowerCase());
  if (!existing) {
    groups.push(group);
    return;
  }
  existing.members.push(...group.members);
  existing.leader ??= group.leader;
  if (group.deputy) existing.deputy ??= group.deputy;
}

/** "Khối thi đua số 1 gồm: Trường A (khối trưởng), Trường B": the members, one of them marked leader. */
function memberGroup(text: string, line: number): ExtractedGroup | null {
  const m = memberLeadPattern.exec(text);
  if (m?.[1] && m[2]) {
    const { members, marked } = membersCell(m[2]);
    return { name: m[1].trim(), leader: marked, members, line };
  }
  // "Trường A là cụm phó Cụm thi đua số 7 các trường THPT …, gồm: Trường B (cụm trưởng), Trường A (cụm
  // phó), Trường C.": named inside a sentence, its members up to the sentence's end, the leader marked.
  const within = memberWithin.exec(text);
  if (!within?.[1] || !within[2]) return null;
  const { members, marked } = membersCell(within[2]);
  return marked && members.length >= 2 ? { name: within[1].trim(), leader: marked, members, line } : null;
}
const memberWithin =
  /(?<![\p{L}\p{N}])((?:Khối|Cụm)\s+thi đua\s+(?:số\s+)?\d+)(?![\p{L}\p{N}])[^:.]*?,?\s+gồm\s*:\s*(.+?)(?:\.(?:\s|$)|$)/u;

/** "Cụm 1 (Mầm non phía Bắc): Trường A (CỤM TRƯỞNG), Trường B, Trường C": a group, its members after the colon, the leader marked. */
function markedListGroup(text: string, line: number): ExtractedGroup | null {
  const opening = groupOpening.exec(text);
  if (!opening?.[1]) return null;
  const rest = /^\s*:\s*(.+)$/u.exec(text.slice(opening[0].length))?.[1];
  if (!rest) return null;
  const { members, marked } = membersCell(rest);
  if (!marked || members.length < 2 || !members.every((m) => unitOpening.test(m))) return null;
  return { name: opening[1].trim(), leader: marked, members, line };
}

// A unit's own name opens with what it is; a bare "Gio Linh" after "Phòng GDĐT các huyện Vĩnh Linh" does not.
const unitOpening =
  /^(?:Trường|Phòng|Trung tâm|Sở|THPT|THCS|Tiểu học|Mầm non|TH|MN|PT|các|Nhà|Tổ)(?![\p{L}])/iu;
// "Phòng GDĐT các huyện A, B", "Trung tâm GDNN-GDTX các huyện A, B" and "các trường THPT A, THPT B": a
// head shared by the names that follow; "… và các huyện C, D" keeps the unit and changes the district word.
const sharedHead =
  /^(Phòng (?:GDĐT|Giáo dục và Đào tạo)|Trung tâm\s+\S+)\s+các\s+(huyện|quận|thị xã|thành phố)\s+(.+)$/iu;
const districtsAgain = /^các\s+(huyện|quận|thị xã|thành phố)\s+(.+)$/iu;
// "Phòng GDĐT thành phố A, thị xã B": the unit of the first name, its district word changed by the next.
const headedByDistrict =
  /^(Phòng (?:GDĐT|Giáo dục và Đào tạo)|Trung tâm\s+\S+)\s+(?:huyện|quận|thị xã|thành phố)\s/iu;
const districtAgain = /^(huyện|quận|thị xã|thành phố)\s+(.+)$/iu;
// "các Trung tâm GDNN-GDTX A, B, C": a head shared by the bare names after it.
const pluralHead =
  /^các\s+(Trung tâm\s+\S+|Phòng (?:GDĐT|Giáo dục và Đào tạo))\s+(?!huyện|quận|thị xã|thành phố)(.+)$/iu;

/** The units of a group's list in prose ("gồm Phòng GDĐT các huyện A, B, các trường THPT C, THPT D và Trung tâm E"). */
function proseMembers(list: string): string[] {
  let head = "";
  let unit = "";
  return (
    list
      .split(/\s*,\s*|\s+(?=và\s)/u)
      // "Tổ Ngoại ngữ - Lịch sử và Địa lý": a tổ's own name may hold "và"; another unit opens with its kind.
      .reduce<string[]>((items, item) => {
        const after = /^và\s+(.*)$/u.exec(item)?.[1];
        const last = items.at(-1);
        if (after === undefined) items.push(item);
        else if (last && /^Tổ\s/u.test(last) && !unitOpening.test(after))
          items[items.length - 1] = `${last} ${item}`;
        else items.push(after);
        return items;
      }, [])
      .map((item) => item.replace(/[.;]+$/u, "").trim())
      .filter(Boolean)
      .map((item) => {
        const shared = sharedHead.exec(item);
        if (shared) {
          unit = shared[1] ?? "";
          head = `${unit} ${shared[2]} `;
          return `${head}${shared[3]}`;
        }
        const again = unit ? (districtsAgain.exec(item) ?? districtAgain.exec(item)) : null;
        if (again) {
          head = `${unit} ${again[1]} `;
          return `${head}${again[2]}`;
        }
        const plural = pluralHead.exec(item);
        if (plural?.[1]) {
          unit = "";
          head = `${plural[1]} `;
          return `${head}${plural[2]}`;
        }
        const headed = headedByDistrict.exec(item);
        if (headed?.[1]) {
          unit = headed[1];
          head = "";
          return item;
        }
        const schools = /^các\s+trường\s+(.+)$/iu.exec(item);
        if (schools?.[1]) {
          head = "Trường ";
          return `Trường ${schools[1]}`;
        }
        if (unitOpening.test(item)) {
          if (!/^(?:THPT|THCS|TH|PT)\s/u.test(item)) head = "";
          return head === "Trường " && /^(?:THPT|THCS|TH|PT)\s/u.test(item) ? `Trường ${item}` : item;
        }
        return `${head}${item}`;
      })
  );
}

/** A group's members after its name: "gồm A, B, …, do X làm cụm trưởng" or "(cụm trưởng: X): A, B, C". */
function membersAfter(rest: string): string[] {
  // "…: khối trưởng Trường A; thành viên gồm các trường B, C": the members after their own word.
  const named =
    /(?:^|[;,.]\s*)(?:các\s+)?(?:đơn vị\s+|trường\s+)?thành viên\s*(?:gồm|là)?\s*:?\s*(.+)$/iu.exec(rest);
  const list = named?.[1]
    ? [named[0], named[1]]
    : /^\s*:?\s*(?:gồm|có)\s*(?:\d+\s+(?:đơn vị|trường|tổ)\s*|các\s+(?:đơn vị|trường)\s*)?:?\s*(.+)$|^\s*:\s*(.+)$/iu.exec(
        rest,
      );
  const words = (list?.[1] ?? list?.[2] ?? "")
    // "…, do A làm khối trưởng (năm học trước do B làm khối trưởng).": the remark after the leader's clause.
    .replace(/(làm\s+(?:khối|cụm)\s+(?:trưởng|phó))\s*\([^()]*\)\s*\.?$/iu, "$1")
    // "…, do A làm khối trưởng, B làm khối phó.": the deputy's clause after the leader's.
    .replace(/[,;]\s*(?:do\s+)?[^,;]+?\s+làm\s+(?:khối|cụm)\s+phó\s*\.?$/iu, "")
    // The leader's clause that ends the sentence ("…, do X làm cụm trưởng", "…; cụm trưởng: X") is not a member.
    .replace(
      /[,;]?\s*(?:do\s+[^,]+?\s+làm\s+(?:khối|cụm)\s+trưởng|(?:khối|cụm)\s+trưởng\s*(?:là(?!\p{L})|:)\s*.+)\s*\.?$/iu,
      "",
    )
    .trim();
  // "gồm các Phòng GDĐT: huyện A, huyện B", "gồm các trường THPT ngoài công lập: THPT C, …": the kind
  // before the colon heads the bare names after it (a Phòng's), or only says which (a school's).
  const kindFirst = /^(?:các\s+)?(Phòng GDĐT|Phòng Giáo dục và Đào tạo|[^:,()]{2,40})\s*:\s*(.+)$/iu.exec(
    words,
  );
  const head = kindFirst?.[1] && /^phòng/iu.test(kindFirst[1]) ? `${kindFirst[1]} ` : "";
  const members = proseMembers(kindFirst?.[2] ?? words).map((m) =>
    head && !unitOpening.test(m) ? `${head}${m}` : m,
  );
  return members.length >= 2 && members.every((m) => unitOpening.test(m)) ? members : [];
}

// "Phòng GDĐT thành phố A, thị xã B và các huyện C, D sinh hoạt chung trong Khối thi đua các Phòng GDĐT, do
// Phòng GDĐT huyện D làm khối trưởng": the members first, then the group they make up and its leader.
const membersFirst =
  /^(.+?)\s+(?:sinh hoạt(?:\s+chung)?|thuộc|tham gia)\s+(?:trong\s+|vào\s+)?((?:Khối|Cụm)\s+thi đua[^,;]*?),\s*do\s+(\p{Lu}[^,;]*?)\s+làm\s+(?:khối|cụm)\s+trưởng/u;

/** A group whose sentence names its members before it ("A, B và C sinh hoạt trong Khối thi đua …, do A làm khối trưởng"). */
function membersFirstGroup(text: string, line: number): ExtractedGroup | null {
  const m = membersFirst.exec(text);
  if (!m?.[1] || !m[2] || !m[3]) return null;
  const members = proseMembers(m[1]);
  if (members.length < 2 || !members.every((member) => unitOpening.test(member))) return null;
  return { name: m[2].trim(), leader: m[3].trim(), members, line };
}

/** Finds the khối/cụm thi đua with their leaders (and members, where listed), in lists and tables. */
export function extractGroups(paragraphs: Paragraph[], lines: PlanLine[] = []): ExtractedGroup[] {
  const groups: ExtractedGroup[] = groupsInTables(lines);
  let category: string | null = null;
  // A group named on its own line ("a) Khối thi đua số 1 (…)"), whose leader the next line gives.
  let heading: string | null = null;
  for (const paragraph of paragraphs) {
    const full = paragraph.text;
    // "a) Khối …", "4.1. Khối …": the point's number is not the group's.
    const text = (isListItem(full) ? listItemText(full) : full).replace(
      /^(?:[a-zđ]|\d+(?:\.\d+)*)[.)]\s+/u,
      "",
    );
    const cat = categoryPattern.exec(text);
    if (cat?.[1]) {
      category = cat[1].replace(/\s+/g, " ").trim();
      continue;
    }
    const leader = leaderPattern.exec(text);
    if (leader?.[5]) {
      const number = leader[4];
      const name = category ? `${category}${number ? ` ${number}` : ""}` : (leader[3] ?? "").trim();
      groups.push({ name, leader: leader[5].trim(), members: [], line: paragraph.line });
      continue;
    }
    const members =
      memberGroup(text, paragraph.line) ??
      markedListGroup(text, paragraph.line) ??
      membersFirstGroup(text, paragraph.line);
    if (members) {
      addGroup(groups, members);
      continue;
    }
    // "Cụm thi đua số 1 gồm …, do Trường A làm Cụm trưởng. Cụm thi đua số 2 gồm …": a group a sentence.
    // "… Cụm trưởng: Trường A." is the same group's leader, not a new group.
    const sentences = text.split(/(?<=\.)\s+(?=(?:Khối|Cụm)\s+(?!trưởng|phó))/iu);
    if (sentences.length > 1) {
      for (const sentence of sentences) {
        const group = proseGroup(sentence);
        const opening = groupOpening.exec(sentence)?.[0] ?? "";
        if (group?.leader)
          addGroup(groups, {
            ...group,
            members: membersAfter(sentence.slice(opening.length)),
            ...deputyIn(sentence),
            line: paragraph.line,
          });
      }
      continue;
    }
    const prose = proseGroup(text);
    const opening = groupOpening.exec(text)?.[0] ?? "";
    if (prose?.leader) {
      // "Khối 8 (8A1, 8A2, 8A3): khối trưởng …": the classes in the bracket are its members.
      const listed = /^(.+?)\s*\(([^()]{2,200})\)$/u.exec(prose.name);
      const bracket = listed?.[2]?.split(/\s*,\s*/u) ?? [];
      const inBracket =
        listed?.[1] && bracket.length >= 2 && bracket.every((m) => m.length <= 40) ? bracket : null;
      addGroup(groups, {
        ...prose,
        ...(inBracket && listed?.[1] ? { name: listed[1] } : {}),
        members: inBracket ?? membersAfter(text.slice(opening.length)),
        ...deputyIn(text),
        line: paragraph.line,
      });
    }
    const unit: string | null = !prose && heading ? leaderUnder(text) : null;
    if (heading && unit) addGroup(groups, { name: heading, leader: unit, members: [], line: paragraph.line });
    heading = prose && !prose.leader ? prose.name : unit ? null : heading;
  }
  return groups;
}
