import { bodyEnd } from "./extract-sections.js";
import { type PlanLine, stripMarkup } from "./plan-text.js";

/** A paragraph of the body, possibly joined across a page break, with the line each part starts on. */
export interface Paragraph {
  /** The words as written, markup included (deadline spans index into this). */
  raw: string;
  /** The same without markup, made once for every extractor. */
  text: string;
  parts: { offset: number; line: number }[];
  line: number;
}

/** The line a character offset of a paragraph falls on. */
export function lineAt(paragraph: Paragraph, offset: number): number {
  let line = paragraph.line;
  for (const part of paragraph.parts) if (part.offset <= offset) line = part.line;
  return line;
}

/** The body's paragraphs, joining a line that a page break split ("… Tổ chức" / "cho cán bộ …"). */
export function bodyParagraphs(lines: PlanLine[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const l of lines.slice(0, bodyEnd(lines))) {
    if (!l.text || l.cells) continue;
    const last = paragraphs[paragraphs.length - 1];
    // Not after a heading in capitals ("III. HỒ SƠ ĐỀ NGHỊ"), nor into a lettered point ("a) Hồ sơ …").
    const continues =
      last &&
      !/[.;:!?”")]\s*\**\s*$/u.test(last.raw) &&
      /\p{Ll}/u.test(stripMarkup(last.raw)) &&
      /^\p{Ll}/u.test(l.text) &&
      !/^[a-zđ][.)]\s/u.test(l.text);
    if (last && continues) {
      last.parts.push({ offset: last.raw.length + 1, line: l.line });
      last.raw = `${last.raw} ${l.raw.trim()}`;
    } else {
      paragraphs.push({ raw: l.raw.trim(), text: "", parts: [{ offset: 0, line: l.line }], line: l.line });
    }
  }
  for (const p of paragraphs) p.text = stripMarkup(p.raw);
  return paragraphs;
}
