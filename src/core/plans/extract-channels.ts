import type { ExtractedChannel } from "./extraction.js";
import type { Paragraph } from "./paragraphs.js";
import { lineAt } from "./paragraphs.js";

const emailPattern = /[\p{L}\d._%+-]+@[a-z\d.-]+\.[a-z]{2,}/giu;
const systemPattern =
  /(?<![\p{L}\p{N}])(?:qua|trên|vào)\s+(?:hệ thống|phần mềm|cổng|trang)[^.;()]*?(?<![\p{L}\p{N}])((?:[a-z\d-]+\.)+(?:vn|com|net|org))(?![\p{L}\p{N}])/iu;
const fileNamePattern = /tên\s+(?:file|tệp)[^:]*:\s*([^)\n;]+)/iu;

/** Finds where to submit: e-mail addresses and document systems, with any file-name rule. */
export function extractChannels(paragraphs: Paragraph[]): ExtractedChannel[] {
  const channels: ExtractedChannel[] = [];
  const seen = new Set<string>();
  for (const paragraph of paragraphs) {
    const text = paragraph.text;
    for (const m of paragraph.raw.includes("@") ? paragraph.raw.matchAll(emailPattern) : []) {
      const address = m[0].replace(/\.$/, "").toLowerCase();
      if (seen.has(address)) continue;
      seen.add(address);
      channels.push({ kind: "email", address, line: lineAt(paragraph, m.index ?? 0) });
    }
    const system = /(?<![\p{L}\p{N}])(gửi|nộp|cập nhật|nhập)(?![\p{L}\p{N}])/iu.test(text)
      ? systemPattern.exec(text)
      : null;
    if (system?.[1] && !seen.has(system[1].toLowerCase())) {
      const address = system[1].toLowerCase();
      seen.add(address);
      const channel: ExtractedChannel = {
        kind: "system",
        address,
        line: lineAt(paragraph, Math.max(0, paragraph.raw.indexOf(system[1]))),
      };
      const fileName = fileNamePattern.exec(text);
      if (fileName?.[1]) channel.fileNamePattern = fileName[1].trim().replace(/[.\s]+$/u, "");
      channels.push(channel);
    }
  }
  return channels;
}
