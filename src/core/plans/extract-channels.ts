import { foldLetters } from "../text/fold.js";
import {
  chatGroup,
  chatLink,
  inPerson,
  isSystemNoun,
  namedSystem,
  paperMail,
  readName,
  readPlace,
  sendVerb,
  sentThere,
} from "./channel-phrases.js";
import { groupColumn, opensWithPerson } from "./extract-people.js";
import type { ExtractedChannel } from "./extraction.js";
import { levelLabel } from "./level-points.js";
import type { Paragraph } from "./paragraphs.js";
import { lineAt } from "./paragraphs.js";
import { isListItem, listItemText, type PlanLine } from "./plan-text.js";

const emailPattern = /[\p{L}\d._%+-]+@[a-z\d.-]+\.[a-z]{2,}/giu;
// A link as written, or a bare domain ("vnptioffice.vn", "thidua.hanoi.edu.vn/dang-ky").
const urlPattern = /(?<![\p{L}\p{N}@/])https?:\/\/[^\s<>"'(),;]+/giu;
const domainPattern =
  /(?<![\p{L}\p{N}@./:_-])(?:www\.)?(?:[a-z\d](?:[a-z\d-]*[a-z\d])?\.)+(?:vn|com|net|org|edu|gov|info|io)(?![\p{L}\p{N}_-]|\.[a-z\d])(?:\/[^\s<>"'(),;]*)?/giu;
// "tên tệp ghi: X", "tên file đặt theo cấu trúc X", "đặt tên tệp theo quy tắc: X (ví dụ …)".
// A "<Tên trường viết liền, không dấu>" placeholder keeps its comma.
const fileNamePatterns = [
  // "Quy tắc đặt tên tệp: viết không dấu, …, theo cấu trúc X": the structure, not the advice before it.
  /tên\s+(?:file|tệp)[^()\n]{0,80}?theo\s+(?:cấu trúc|quy tắc|mẫu|định dạng|cú pháp)\s*:?\s+((?:<[^<>\n]*>|[^()\n;,<])+)/iu,
  /tên\s+(?:file|tệp)[^:()]{0,40}:\s*([^()\n;]+)/iu,
  /tên\s+(?:file|tệp)(?:\s+(?:ghi|đặt))?\s+theo\s+(?:cấu trúc|quy tắc|mẫu|định dạng|cú pháp)\s+([^()\n;]+)/iu,
  // "đặt tên theo mã: X đối với hồ sơ A, Y đối với hồ sơ B (ví dụ …)": a code per dossier, each kept.
  /đặt\s+tên\s+theo\s+mã\s*:?\s+([^()\n;]+)/iu,
  // "mỗi bộ hồ sơ là 01 file PDF, đặt tên theo mẫu: X, …".
  /đặt\s+tên\s+theo\s+(?:cấu trúc|quy tắc|mẫu|định dạng|cú pháp)\s*:?\s+((?:<[^<>\n]*>|[^()\n;,<])+)/iu,
];
// "…_Mã hồ sơ_2027.pdf; mã hồ sơ: GK (Giấy khen), …, TK (Báo cáo tổng kết).", or the rule's next sentence
// "Mã hồ sơ: GK (…), TK (…)": what the rule's codes are.
const fileCodes = /(?:;|\.)\s+(mã\s+[\p{L}\s]{2,20}:\s*[^.;]+)/iu;
const fileExample = /ví dụ\s*:?\s*[“"]?[\p{L}\p{N}_.-]+\.(?:pdf|docx?|xlsx?|zip|rar)(?![\p{L}\p{N}])/iu;
// "- Tên tệp đặt theo mẫu: …" as a point of its own, after the channels it names files for.
// "- Tệp tải lên định dạng PDF, …, đặt tên theo quy tắc: …": a point on the files that gives the rule.
const ownRule =
  /^(?:[-+•]\s*|\d{1,2}[.)]\s*|[a-zđ]\)\s*)?(?:(?:quy tắc|cách)\s+)?(?:đặt\s+)?tên\s+(?:file|tệp)|^(?:[-+•]\s*|\d{1,2}[.)]\s*|[a-zđ]\)\s*)?(?:file|tệp)\s[^:]{0,120}?đặt\s+tên\s+theo\s+(?:cấu trúc|quy tắc|mẫu)/iu;
// "Tiêu đề thư ghi: “…”", "Tiêu đề thư ghi theo cấu trúc: [TĐ 20-11] Tên trường – Tên hồ sơ (ví dụ …)".
const subjectPattern =
  /tiêu đề\s+(?:thư|email|e-mail|mail)(?:\s+(?:ghi|đặt|ghi rõ))?(?:\s+theo\s+(?:cấu trúc|mẫu|quy tắc|cú pháp))?(?:\s*:\s*|\s+(?=[“"]))(?:[“"]([^”"]+(?:[”"]\s+hoặc\s+[“"][^”"]+)*)[”"]|([^;\n]+?)(?=\s*\(|[.;]\s|\.?$))/iu;
const ownSubjectRule = /^(?:[-+•]\s*|\d{1,2}[.)]\s*|[a-zđ]\)\s*)?tiêu đề\s+(?:thư|email|e-mail|mail)/iu;
// How many points below a channel its file-name rule may be.
const ruleReach = 5;
// An address given to ask questions, or said not to take dossiers, is a person's, not a channel.
// "… không nhận hồ sơ chính thức qua e-mail" still takes the Word files it is for.
const notForDossiers = /khong (?:tiep nhan|nhan) ho so(?! chinh thuc)|chi dung de (?:trao doi|lien he)/iu;
const askingOnly = /(?<![\p{L}\p{N}])(?:lien he|dien thoai|s?dt)(?![\p{L}\p{N}])/iu;
// "tải lên thư mục “SANG KIEN 2026-2027” trên Drive": a shared folder named without its link.
const namedFolder = /thư mục\s+[“"]([^”"]{2,60})[”"](?:\s+(?:trên|của|tại)\s+(?:Google\s+)?Drive)?/iu;
// Sentences end at ". " before a capital, a bullet or a digit; the dots of a link or a domain do not end one.
const sentenceEnd = /[.!?](?:\s+(?=[\p{Lu}\d\-+•"“(])|\s*$)/gu;

interface Found {
  channel: ExtractedChannel;
  at: number;
}

/** The sentences of a paragraph with where each starts. */
function sentences(text: string): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  let start = 0;
  for (const m of text.matchAll(sentenceEnd)) {
    const end = (m.index ?? 0) + 1;
    out.push({ start, end, text: text.slice(start, end).trim() });
    start = (m.index ?? 0) + m[0].length;
  }
  if (start < text.length) out.push({ start, end: text.length, text: text.slice(start).trim() });
  return out;
}

/** The line of a text offset: the paragraph's markup-free text is found back in the raw words. */
function lineOf(paragraph: Paragraph, needle: string, offset: number): number {
  for (const probe of [needle, needle.slice(0, 12)]) {
    const at = probe ? paragraph.raw.indexOf(probe) : -1;
    if (at >= 0) return lineAt(paragraph, at);
  }
  return lineAt(paragraph, offset);
}

/** A link or domain written as it should be used: host in lower case, no trailing punctuation or slash. */
function cleanAddress(address: string): string {
  const trimmed = address.replace(/[.,:;!?]+$/u, "").replace(/\/$/u, "");
  return trimmed.replace(/^((?:https?:\/\/)?[^/]+)/iu, (host) => host.toLowerCase());
}

/** Channels named in one sentence, each at its offset in the paragraph's text. */
function inSentence(sentence: { start: number; text: string }): Found[] {
  const found: Found[] = [];
  const text = sentence.text;
  // Cue words are matched folded; the folded text keeps every offset, so addresses are cut from `text`.
  const folded = foldLetters(text).length === text.length ? foldLetters(text) : text;
  const add = (kind: ExtractedChannel["kind"], address: string, at: number) =>
    found.push({ channel: { kind, address, line: 0, sentence: text }, at: sentence.start + at });

  // Folded, "chuyên viên" reads as the verb "chuyển".
  // "- Bà A, chuyên viên: tiếp nhận …; e-mail: …": an officer's own address, to ask, not to send to.
  const personal =
    notForDossiers.test(folded) ||
    opensWithPerson.test(text) ||
    (askingOnly.test(folded) && !sendVerb.test(folded.replace(/chuyen vien/giu, "")));
  for (const m of text.includes("@") && !personal ? text.matchAll(emailPattern) : []) {
    // "bà A, chuyên viên …, tiếp nhận hồ sơ … (ĐT: …, e-mail: a@…)": a person's own, in their bracket.
    if (/\((?:dt|sdt|dien thoai)[^()]*$/u.test(folded.slice(Math.max(0, (m.index ?? 0) - 40), m.index)))
      continue;
    add("email", m[0].replace(/\.$/u, "").toLowerCase(), m.index ?? 0);
  }
  // "Bản giấy: để vào hộp … tại …" hands papers in without a verb of sending.
  // "Các mẫu được đăng tại Cổng thông tin …": forms published there, not papers sent there.
  // "- Cấp Mầm non: https://1drv.ms/…" under "Thư mục OneDrive của cấp học": a labelled link alone is
  // where that label's units send.
  const labelledLink = /^[-+•]?\s*[^:]{2,60}:\s*https?:\/\/\S+\s*$/u.test(text);
  const sends =
    labelledLink ||
    sendVerb.test(folded.replace(/duoc dang tai/gu, "_")) ||
    /(?:de|bo|dat) vao (?:khay|hop|tu|ngan)\s(?!thu\b)/u.test(folded);
  // "Phòng không tiếp nhận: …; hồ sơ giấy nộp trực tiếp tại trụ sở Phòng; …": ways refused, after the colon.
  const refusedFrom = folded.search(/khong (?:tiep )?nhan\s*:/u);
  const refused = (at: number) => refusedFrom >= 0 && at > refusedFrom;
  const folder = sends && !/https?:\/\//u.test(text) ? namedFolder.exec(text) : null;
  if (folder) add("system", folder[0].charAt(0).toUpperCase() + folder[0].slice(1), folder.index);
  const group = chatLink.exec(text);
  const links: { at: number; end: number }[] = [];
  for (const m of group ? [] : [...text.matchAll(urlPattern), ...text.matchAll(domainPattern)]) {
    const at = m.index ?? 0;
    if (links.some((l) => at >= l.at && at < l.end)) continue; // the host inside a link already read
    links.push({ at, end: at + m[0].length });
    if (sends) add("system", cleanAddress(m[0]), at);
  }
  if (sends) {
    for (const m of folded.matchAll(namedSystem)) {
      // "Tin, bài … gửi đăng trên Cổng thông tin …": published there, not sent.
      if (/dang\s+$/u.test(folded.slice(Math.max(0, (m.index ?? 0) - 6), m.index))) continue;
      const at = (m.index ?? 0) + m[0].length - (m[1]?.length ?? 0);
      const end = at + (m[1]?.length ?? 0);
      if (!sentThere(folded, m.index ?? 0) || !isSystemNoun(text.slice(at, end), folded.slice(at, end)))
        continue;
      const name = readName(text.slice(at, end), folded.slice(at, end));
      // A system whose address follows ("qua hệ thống vnptioffice.vn") is known by that address; a
      // name of its own ("Hệ thống quản lý văn bản và điều hành iOffice (https://…)") goes with it.
      const link = links.find((l) => l.at >= at && l.at <= end + 40);
      if (link) {
        const linked = found.find((f) => f.at === sentence.start + link.at && f.channel.kind === "system");
        // "hệ thống quản lý văn bản ioffice.bacninh.gov.vn": the name stops where the address starts.
        const named = (link.at < end ? text.slice(at, link.at) : name)
          ?.replace(/[\s(:,–-]+$/u, "")
          .replace(/\s+(?:tại|theo)(?:\s+địa chỉ)?$/iu, "")
          .trim();
        if (linked && named && !named.includes("/") && foldLetters(named).length > 12)
          linked.channel.address = `${named.charAt(0).toUpperCase()}${named.slice(1)} (${linked.channel.address})`;
        continue;
      }
      // "tải lên hệ thống" names no system of its own.
      if (
        name &&
        !name.includes("@") &&
        !/^(?:he thong|phan mem|cong|trang)$/u.test(foldLetters(name).toLowerCase())
      ) {
        // "Hệ thống quản lý văn bản và điều hành (VNPT iOffice)": the name people know it by, in brackets.
        const known = /^\s*\(([^()]{3,40})\)/u.exec(text.slice(at + name.length))?.[1];
        add("system", known && !/\d/u.test(known) ? `${name} (${known})` : name, at);
      }
    }
    for (const [pattern, kind] of [
      [inPerson, "in_person"],
      [paperMail, "post"],
    ] as const) {
      for (const m of folded.matchAll(pattern)) {
        // "… không gửi hồ sơ trực tiếp về Sở mà gửi qua Phòng": a way it must not go.
        if (
          refused(m.index ?? 0) ||
          /(?<![\p{L}])khong(?:\s+\S+){0,4}\s*$/u.test(
            folded.slice(Math.max(0, (m.index ?? 0) - 30), m.index),
          )
        )
          continue;
        const at = (m.index ?? 0) + m[0].length;
        // "… hoặc gửi qua bưu điện đến địa chỉ trên": the place just named.
        const same = /^(?:dia chi|noi) (?:tren|nay|noi tren)(?![\p{L}])/u.test(folded.slice(at))
          ? found.findLast((f) => f.channel.kind === "in_person")?.channel.address
          : undefined;
        const place = same ?? readPlace(text.slice(at), folded.slice(at));
        // "để vào khay “Hồ sơ thi đua” tại Văn phòng …": the tray is where the papers go, in that place.
        const tray = /(?:de|bo|dat) vao ((?:khay|hop|tu|ngan)\s[^,.;:()]{1,40}?)\s+tai\s+$/u.exec(
          folded.slice(m.index ?? 0, at),
        );
        const trayAt = tray?.[1] ? (m.index ?? 0) + tray[0].indexOf(tray[1]) : -1;
        // "… cho cô Lâm Ngọc Hân, nhân viên văn thư, tại Phòng Văn thư": the place, and whom to hand it to.
        const person = /truc tiep\s+cho\s+((?:co|thay|anh|chi|ong|ba)\s+[^,]+(?:,[^,]+)?),\s*tai\s+$/u.exec(
          folded.slice(m.index ?? 0, at),
        );
        const personAt = person?.[1] ? (m.index ?? 0) + person[0].indexOf(person[1]) : -1;
        const handTo = person?.[1] ? `, gặp ${text.slice(personAt, personAt + person[1].length)}` : "";
        const where =
          tray?.[1] && place
            ? `${text.slice(trayAt, trayAt + tray[1].length)} tại ${place}`
            : place && `${place}${handTo}`;
        if (where) add(kind, where, tray?.[1] ? trayAt : at);
      }
    }
    // "gửi qua đường bưu điện hoặc nộp trực tiếp tại Phòng 204, …": posted to the place handed in at.
    const byPost = postOrHand.exec(folded);
    const handedIn = found.find((f) => f.channel.kind === "in_person");
    if (byPost && handedIn && !found.some((f) => f.channel.kind === "post"))
      add("post", handedIn.channel.address, byPost.index);
  }
  for (const m of folded.matchAll(chatGroup)) {
    const at = m.index ?? 0;
    // "tham gia nhóm Zalo nêu tại Mục VI": the group named there, not another one.
    if (/^\s*(?:neu|noi|o|tai|tren)\s/u.test(folded.slice(at + m[0].length)) && !group) continue;
    const cut = /\s*\(/u.exec(folded.slice(at))?.index ?? folded.length - at;
    const name = readName(text.slice(at, at + cut), folded.slice(at, at + cut)) ?? m[0];
    add("group", group ? cleanAddress(group[0]) : name, at);
  }
  return found;
}

const postOrHand =
  /(?<![\p{L}])(?:qua|theo)\s+(?:duong\s+)?buu (?:dien|chinh)\s+hoac\s+(?:(?:nop|gui|mang)\s+)?truc tiep(?![\p{L}])/u;

// "- Cụm 3: cum3@…": the address of one khối/cụm's units.
const groupLabel = /^((?:khối|cụm)(?:\s+thi đua)?(?:\s+số)?\s+(?:\d{1,2}|[IVX]{1,4}))\s*:/iu;

/** Finds where to submit: e-mail, web systems, places to hand in or post to, chat groups, with any file-name rule. */
export function extractChannels(paragraphs: Paragraph[]): ExtractedChannel[] {
  const channels: ExtractedChannel[] = [];
  const seen = new Set<string>();
  for (const [i, paragraph] of paragraphs.entries()) {
    const found = sentences(paragraph.text)
      .flatMap(inSentence)
      .sort((a, b) => a.at - b.at);
    for (const { channel, at } of found) {
      const key = `${channel.kind} ${channel.address.toLowerCase()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      channel.line = lineOf(paragraph, channel.address, at);
      // "+ Cấp mầm non: mamnon@…": the address of those schools only.
      const level = levelLabel(paragraph.text) ?? groupLabel.exec(listItemText(paragraph.text))?.[1];
      if (level) channel.audience = level;
      if (channel.kind === "system" || channel.kind === "email") {
        // The rule in the channel's own paragraph, or in a point of its own just below it or further
        // down the same list of points (after the paper and e-mail points).
        const below = paragraphs.slice(i + 1, i + 1 + ruleReach);
        const listEnd = below.findIndex((p, k) => k >= 2 && !isListItem(p.text));
        // The point right after the list may be the rule for every address in it ("3. Tên tệp đặt theo …").
        const ruleAfter =
          isListItem(paragraph.text) && listEnd >= 0 && ownRule.test(below[listEnd]?.text ?? "") ? 1 : 0;
        const points = listEnd < 0 ? below : below.slice(0, listEnd + ruleAfter);
        // The paragraph that closes a list of addresses ("- Cấp Mầm non: https://…" …) gives their rules.
        const closing = isListItem(paragraph.text) ? below.find((p) => !isListItem(p.text)) : undefined;
        const closingRule = closing && fileNamePatterns.some((r) => r.test(closing.text)) ? [closing] : [];
        const near = [paragraph, ...points.filter((p) => ownRule.test(p.text)), ...closingRule];
        const fileName = near.flatMap((p) => fileNamePatterns.map((r) => r.exec(p.text))).find(Boolean);
        if (fileName?.[1]) {
          const rule = fileName[1]
            // "X. Mã hồ sơ: …": the rule ends with its sentence.
            .replace(/\.\s.*$/u, "")
            // "X đối với hồ sơ A, Y đối với hồ sơ B": a name per dossier, "X (hồ sơ A); Y (hồ sơ B)".
            .replace(/^(.+?)\s+đối với\s+([^,]+),\s*(.+?)\s+đối với\s+([^,]+?)\s*$/iu, "$1 ($2); $3 ($4)")
            .replace(/\s+(?:đối với|cho|áp dụng)\s.*$/iu, "")
            .trim()
            .replace(/[.\s]+$/u, "");
          // "…; ví dụ: BKCT_THPTKyLam_2027.pdf": the plan's example, in its own words, shows the codes
          // the rule's words stand for.
          const example = fileExample.exec(fileName.input.slice(fileName.index))?.[0].replace(/[“"]/gu, "");
          const codes = fileCodes.exec(fileName.input.slice(fileName.index))?.[1]?.trim();
          const named = codes ? `${rule}; ${codes}` : rule;
          channel.fileNamePattern =
            example && !rule.includes(example.replace(/^ví dụ\s*:?\s*/iu, ""))
              ? `${named} (${example})`
              : named;
        }
        // An e-mail's subject rule, in its paragraph or a point of its own below the addresses.
        const subject =
          channel.kind === "email"
            ? [paragraph, ...points.filter((p) => ownSubjectRule.test(p.text)), ...(closing ? [closing] : [])]
                .map((p) => subjectPattern.exec(p.text))
                .find(Boolean)
            : null;
        // "“KNC27 - Tên đơn vị” hoặc “BKBT27 - Tên đơn vị”": either subject, as one rule.
        const rule = (subject?.[1] ?? subject?.[2])?.replace(/[”"]\s+hoặc\s+[“"]/gu, " hoặc ").trim();
        // "…; trong đó mã nội dung là SKHK1 đối với …": what the rule's codes are.
        const codes = subject
          ? /^[”"]?\s*[;,]\s*(trong đó\s+[^.]+)/iu.exec(
              subject.input.slice(subject.index + subject[0].length),
            )?.[1]
          : undefined;
        if (rule) channel.subjectRule = codes ? `${rule}; ${codes.trim()}` : rule;
      }
      channels.push(channel);
    }
  }
  return channels;
}

// A table of khối/cụm with a column of the folder or link each one sends to ("Cụm · … · Thư mục nộp hồ sơ").
const linkColumn = /thư mục|đường dẫn|đường link|(?<![\p{L}])link(?![\p{L}])|nơi nộp|địa chỉ nộp/iu;

/** The link each khối/cụm of a table sends its files to, for that group's units alone. */
export function channelsInGroupTables(lines: PlanLine[]): ExtractedChannel[] {
  const channels: ExtractedChannel[] = [];
  let columns: { name: number; link: number } | null = null;
  for (const l of lines) {
    if (!l.cells) {
      if (l.text) columns = null;
      continue;
    }
    // "Tổ · Thư mục Google Drive": a school's tổ, each with its folder, as khối or cụm have theirs.
    const name = l.cells.findIndex(
      (c) => groupColumn.test(c.trim()) || /^tổ(?:\s+chuyên môn)?$/iu.test(c.trim()),
    );
    const link = l.cells.findIndex((c, i) => i !== name && linkColumn.test(c));
    if (name >= 0 && link >= 0) {
      columns = { name, link };
      continue;
    }
    if (!columns) continue;
    const url = l.cells[columns.link]?.match(urlPattern)?.[0];
    const group = (l.cells[columns.name] ?? "").trim();
    if (url && group)
      channels.push({
        kind: "system",
        address: cleanAddress(url),
        line: l.line,
        audience: group,
        sentence: l.text,
      });
  }
  return channels;
}
