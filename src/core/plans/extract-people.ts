import type { ExtractedContact, ExtractedGroup } from "./extraction.js";
import type { Paragraph } from "./paragraphs.js";
import { isListItem, listItemText } from "./plan-text.js";

// "- Ông Trương Quốc Cường, Chuyên viên, phụ trách chung về công tác thi đua, khen thưởng."
const contactPattern =
  /^(?:Ông|Bà|Đ\/c|Đồng chí|Thầy|Cô)\s+([\p{Lu}][\p{L}]*(?:\s+[\p{Lu}][\p{L}]*){1,5})\s*[,–-]\s*([^,]*?)(?:,\s*|\s+)(phụ trách(?![\p{L}\p{N}]).*)$/u;
const phonePattern = /(?:ĐT|SĐT|điện thoại|Điện thoại|DĐ)\s*:?\s*((?:0|\+84)[\d .]{8,13}\d)/u;
const emailPattern = /[\p{L}\d._%+-]+@[a-z\d.-]+\.[a-z]{2,}/iu;

function scopeOf(duty: string): string {
  const text = duty.replace(/[.;]+$/u, "").trim();
  // "phụ trách thi đua, khen thưởng cấp mầm non" → "cấp mầm non"
  const level = /(?<![\p{L}\p{N}])(cấp\s+.+)$/iu.exec(text);
  if (level?.[1] && !/phụ trách chung/iu.test(text)) return level[1];
  return text.replace(/\s*\(?(ĐT|SĐT|điện thoại|email)(?![\p{L}\p{N}]).*$/iu, "").trim();
}

/** Finds the officers in charge ("Ông/Bà …, Chuyên viên, phụ trách …") and their scope. */
export function extractContacts(paragraphs: Paragraph[]): ExtractedContact[] {
  const contacts: ExtractedContact[] = [];
  for (const paragraph of paragraphs) {
    // "Mọi thông tin chi tiết xin liên hệ: Bà …" introduces the contact inside a sentence.
    const text = listItemText(paragraph.text).replace(
      /^.*?liên hệ(?:\s+với)?\s*:?\s*(?=(?:Ông|Bà|Đ\/c|Đồng chí|Thầy|Cô)\s)/u,
      "",
    );
    const m = contactPattern.exec(text);
    if (!m?.[1] || !m[3]) continue;
    const contact: ExtractedContact = { name: m[1], scope: scopeOf(m[3]), line: paragraph.line };
    if (m[2]?.trim()) contact.title = m[2].trim();
    const phone = phonePattern.exec(text);
    if (phone?.[1]) contact.phone = phone[1].replace(/[ .]/g, "");
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
const memberLeadPattern =
  /^((?:Khối|Cụm)\s+thi đua\s+(?:số\s+)?[\p{L}\d ]+?)\s*(?:gồm|có)\s*(?:các\s+(?:đơn vị|trường))?\s*:\s*(.+)$/iu;

/** Finds the khối/cụm thi đua with their leaders (and members, where listed). */
export function extractGroups(paragraphs: Paragraph[]): ExtractedGroup[] {
  const groups: ExtractedGroup[] = [];
  let category: string | null = null;
  for (const paragraph of paragraphs) {
    const full = paragraph.text;
    const text = isListItem(full) ? listItemText(full) : full;
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
