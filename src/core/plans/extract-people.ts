import type { ExtractedContact, ExtractedGroup } from "./extraction.js";
import type { Paragraph } from "./paragraphs.js";
import { isListItem, listItemText, type PlanLine } from "./plan-text.js";

// "- Ông Trương Quốc Cường, Chuyên viên, phụ trách chung về công tác thi đua, khen thưởng."
const contactPattern =
  /^(?:Ông|Bà|Đ\/c|Đồng chí|Thầy|Cô)\s+([\p{Lu}][\p{L}]*(?:\s+[\p{Lu}][\p{L}]*){1,5})\s*[,–-]\s*([^,]*?)(?:,\s*|\s+)(phụ trách(?![\p{L}\p{N}]).*)$/u;
const honorific = "(?:Ông|Bà|Đ\\/c|Đồng chí|Thầy|Cô)";
const personName = "([\\p{Lu}][\\p{L}]*(?:\\s+[\\p{Lu}][\\p{L}]*){1,5})";
// "- Cấp tiểu học: ông Đặng Văn A, chuyên viên, điện thoại …": the scope before the name.
const scopeFirstPattern = new RegExp(
  `^((?:Cấp|Bậc|Khối|Mảng|Lĩnh vực)\\s[^:]{2,80}?)\\s*:\\s*${honorific}\\s+${personName}\\s*(?:[,–-]\\s*([^,;(]*))?`,
  "iu",
);
// "… liên hệ bà Nguyễn Thị B, chuyên viên Văn phòng Sở (điện thoại: …)": the title says what they do.
const titledPattern = new RegExp(
  `^${honorific}\\s+${personName}\\s*,\\s*((?:chuyên viên|cán bộ|phó|trưởng|thư ký|kế toán|văn thư)[^,;(]*)`,
  "iu",
);
const colonDutyPattern = new RegExp(
  `^${honorific}\\s+${personName}\\s*,\\s*([^:(]*?(?:ĐT|SĐT|điện thoại)[^:(]*):\\s*(.+)$`,
  "iu",
);
const phonePattern = /(?:ĐT|SĐT|điện thoại|Điện thoại|DĐ)\s*:?\s*((?:0|\+84)[\d .]{8,13}\d)/u;
const emailPattern = /[\p{L}\d._%+-]+@[a-z\d.-]+\.[a-z]{2,}/iu;

function scopeOf(duty: string): string {
  // "… cấp mầm non; điện thoại 09…": the phone is the contact's, not part of the scope.
  const text = duty
    .replace(/[;,]?\s*\(?(?:ĐT|SĐT|điện thoại|email|e-mail)(?![\p{L}\p{N}]).*$/iu, "")
    .replace(/[.;,]+$/u, "")
    .trim();
  // "phụ trách thi đua, khen thưởng cấp mầm non" → "cấp mầm non"
  const level = /(?<![\p{L}\p{N}])(cấp\s+.+)$/iu.exec(text);
  if (level?.[1] && !/phụ trách chung/iu.test(text)) return level[1];
  return text.replace(/\s*\(?(ĐT|SĐT|điện thoại|email)(?![\p{L}\p{N}]).*$/iu, "").trim();
}

/** One line's officer: "Ông A, chuyên viên, phụ trách …", "Cấp X: bà B, …", "bà C, chuyên viên …". */
function dutyContact(text: string, line: number, askedToContact: boolean): ExtractedContact | null {
  const m = contactPattern.exec(text);
  if (m?.[1] && m[3]) {
    const contact: ExtractedContact = { name: m[1], scope: scopeOf(m[3]), line };
    if (m[2]?.trim()) contact.title = m[2].trim();
    return contact;
  }
  const first = scopeFirstPattern.exec(text);
  if (first?.[1] && first[2]) {
    const contact: ExtractedContact = { name: first[2], scope: scopeOf(first[1]).toLowerCase(), line };
    const title = first[3]?.trim();
    if (title && !/^(?:ĐT|SĐT|điện thoại)/iu.test(title)) contact.title = title;
    return contact;
  }
  // "Bà C, thư ký Hội đồng, điện thoại 09…: tiếp nhận hồ sơ, …": what they answer for follows the colon.
  const colon = colonDutyPattern.exec(text);
  if (colon?.[1] && colon[2] && colon[3]) {
    const title = colon[2]
      .replace(/[,;]?\s*(?:ĐT|SĐT|điện thoại|email|e-mail)(?![\p{L}\p{N}]).*$/iu, "")
      .trim();
    return { name: colon[1], scope: scopeOf(colon[3]), title, line };
  }
  const titled = askedToContact ? titledPattern.exec(text) : null;
  if (titled?.[1] && titled[2]) {
    const title = titled[2].trim();
    return {
      name: titled[1],
      scope: scopeOf(title),
      title,
      line,
    };
  }
  return null;
}

/** Finds the officers in charge ("Ông/Bà …, Chuyên viên, phụ trách …") and their scope. */
export function extractContacts(paragraphs: Paragraph[]): ExtractedContact[] {
  const contacts: ExtractedContact[] = [];
  for (const paragraph of paragraphs) {
    // "Mọi thông tin chi tiết xin liên hệ: Bà …" introduces the contact inside a sentence.
    const item = listItemText(paragraph.text);
    const text = item.replace(
      /^.*?liên hệ(?:\s+với)?\s*:?\s*(?=(?:ông|bà|đ\/c|đồng chí|thầy|cô)\s+\p{Lu})/iu,
      "",
    );
    // A title alone names a contact only where the plan says to turn to them ("liên hệ bà …"); in a
    // council's member list ("Bà A, Phó Hiệu trưởng – Phó Chủ tịch") it names a member.
    const contact = dutyContact(text, paragraph.line, text !== item);
    if (!contact) continue;
    const phone = phonePattern.exec(text);
    // As written ("0912 486 302"), as the unit file keeps phones: people copy them from the answer.
    if (phone?.[1]) contact.phone = phone[1].trim();
    const email = emailPattern.exec(text);
    if (email) contact.email = email[0].toLowerCase();
    contacts.push(contact);
  }
  return contacts;
}

// "- *Khối thi đua mầm non: 02 khối*" then "+ Khối trưởng Khối thi đua 1: Hiệu trưởng trường mầm non Bé Ngoan"
const categoryPattern = /^((?:Khối|Cụm)\s+thi đua\s+[^:]+?)\s*:\s*0?\d+\s*(?:khối|cụm)(?![\p{L}\p{N}])/iu;
const leaderPattern =
  /^(?:(Khối|Cụm)\s+trưởng|Trưởng\s+(khối|cụm))\s+((?:Khối|Cụm)\s+thi đua(?:\s+(?:số\s+)?(\d+))?[^:]*?)\s*:\s*(?:(?:Hiệu trưởng|Giám đốc|Thủ trưởng)\s+)?(.+?)[.;]?$/iu;
// "- Khối thi đua số 3 (các trường THPT phía Nam): Khối trưởng là Trường THPT X; khối phó là …"
const namedLeaderPattern =
  /^((?:Khối|Cụm)\s+thi đua\s+[^:]+?)\s*:\s*(?:(?:Khối|Cụm)\s+trưởng|Trưởng\s+(?:khối|cụm))\s*(?:là|:)?\s*(?:(?:Hiệu trưởng|Giám đốc|Thủ trưởng)\s+)?([^;]+?)[.;]?(?:;.*)?$/iu;
const memberLeadPattern =
  /^((?:Khối|Cụm)\s+thi đua\s+(?:số\s+)?[\p{L}\d ]+?)\s*(?:gồm|có)\s*(?:các\s+(?:đơn vị|trường))?\s*:\s*(.+)$/iu;

// A table of groups: "TT · Khối thi đua · Số đơn vị · Đơn vị khối trưởng", columns in any order.
const groupColumn = /^(?:tên\s+)?(?:khối|cụm)(?:\s+thi đua)?$/iu;
const leaderColumn = /(?:khối|cụm)\s+trưởng|trưởng\s+(?:khối|cụm)/iu;

/** The groups of every table whose header names a khối/cụm column and its leader's. */
function groupsInTables(lines: PlanLine[]): ExtractedGroup[] {
  const groups: ExtractedGroup[] = [];
  let columns: { name: number; leader: number } | null = null;
  for (const l of lines) {
    if (!l.cells) {
      if (l.text) columns = null;
      continue;
    }
    const name = l.cells.findIndex((c) => groupColumn.test(c.trim()));
    const leader = l.cells.findIndex((c) => leaderColumn.test(c));
    if (name >= 0 && leader >= 0 && name !== leader) {
      columns = { name, leader };
      continue;
    }
    const group = columns ? (l.cells[columns.name] ?? "").trim() : "";
    // "Trường Tiểu học X (thay Trường Y, khối trưởng năm trước)": the remark is not the leader.
    const head = columns ? (l.cells[columns.leader] ?? "").replace(/\s*\(.*$/u, "").trim() : "";
    if (group && head) groups.push({ name: group, leader: head, members: [], line: l.line });
  }
  return groups;
}

/** Finds the khối/cụm thi đua with their leaders (and members, where listed), in lists and tables. */
export function extractGroups(paragraphs: Paragraph[], lines: PlanLine[] = []): ExtractedGroup[] {
  const groups: ExtractedGroup[] = groupsInTables(lines);
  let category: string | null = null;
  for (const paragraph of paragraphs) {
    const full = paragraph.text;
    const text = isListItem(full) ? listItemText(full) : full;
    const cat = categoryPattern.exec(text);
    if (cat?.[1]) {
      category = cat[1].replace(/\s+/g, " ").trim();
      continue;
    }
    const named = namedLeaderPattern.exec(text);
    if (named?.[1] && named[2]) {
      groups.push({ name: named[1].trim(), leader: named[2].trim(), members: [], line: paragraph.line });
      continue;
    }
    const leader = leaderPattern.exec(text);
    if (leader?.[5]) {
      const number = leader[4];
      const name = category ? `${category}${number ? ` ${number}` : ""}` : (leader[3] ?? "").trim();
      groups.push({ name, leader: leader[5].trim(), members: [], line: paragraph.line });
      continue;
    }
    const members = memberLeadPattern.exec(text);
    if (members?.[1] && members[2]) {
      const name = members[1].trim();
      const list = members[2]
        .split(/[;,]\s*/u)
        .map((m) => m.replace(/[.]$/u, "").trim())
        .filter(Boolean);
      const existing = groups.find((g) => g.name.toLowerCase() === name.toLowerCase());
      if (existing) existing.members.push(...list);
      else groups.push({ name, leader: null, members: list, line: paragraph.line });
    }
  }
  return groups;
}
