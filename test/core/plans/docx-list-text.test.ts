import { describe, expect, it } from "vitest";
import { bulletMarker, formatNumber } from "../../../src/core/plans/docx-list-markers.js";
import { writeListMarkers } from "../../../src/core/plans/docx-list-text.js";
import { readDocxNumbering, resolveListReference } from "../../../src/core/plans/docx-numbering.js";

const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const lvl = (ilvl: number, format: string, text: string, extra = "") =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/>${extra}<w:lvlText w:val="${text}"/></w:lvl>`;

// A multilevel list tied to heading styles, as Word saves "Heading 1"/"Heading 2" with chapter numbering,
// a plain "1." list, and a bullet list in the Symbol font.
const numberingXml = `<w:numbering ${w}>
  <w:abstractNum w:abstractNumId="0">
    ${lvl(0, "upperRoman", "%1.", '<w:pStyle w:val="Heading1"/>')}
    ${lvl(1, "decimal", "%2.", '<w:pStyle w:val="Heading2"/>')}
    ${lvl(2, "decimal", "%2.%3.", '<w:pStyle w:val="Heading3"/>')}
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="1">${lvl(0, "decimal", "%1.")}${lvl(1, "lowerLetter", "%2)")}</w:abstractNum>
  <w:abstractNum w:abstractNumId="2">${lvl(0, "bullet", "\uf02d")}${lvl(1, "bullet", "\uf02b")}</w:abstractNum>
  <w:num w:numId="4"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>
  <w:num w:numId="6"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
  <w:num w:numId="7"><w:abstractNumId w:val="2"/></w:num>
  <w:num w:numId="8"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>
</w:numbering>`;
const stylesXml = `<w:styles ${w}>
  <w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Heading2"><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="4"/></w:numPr></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Heading3"><w:basedOn w:val="Heading1"/></w:style>
  <w:style w:type="paragraph" w:styleId="Unnumbered"><w:basedOn w:val="Heading1"/></w:style>
</w:styles>`;
const numbering = readDocxNumbering(numberingXml, stylesXml);

const p = (text: string, props = "") => `<w:p><w:pPr>${props}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
const style = (id: string) => `<w:pStyle w:val="${id}"/>`;
const num = (numId: number, ilvl?: number) =>
  `<w:numPr>${ilvl === undefined ? "" : `<w:ilvl w:val="${ilvl}"/>`}<w:numId w:val="${numId}"/></w:numPr>`;
// The document's paragraphs as text, the inserted marker runs included.
const linesOf = (xml: string) =>
  [...xml.matchAll(/<w:p>(.*?)<\/w:p>/g)].map((m) =>
    [...(m[1] ?? "").matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
  );
const mark = (...paragraphs: string[]) =>
  linesOf(
    writeListMarkers(`<w:document ${w}><w:body>${paragraphs.join("")}</w:body></w:document>`, numbering),
  );

describe("writeListMarkers", () => {
  it("numbers headings through their styles: chapters in Roman, sections restarting under each", () => {
    expect(
      mark(
        p("Mục đích", style("Heading1")),
        p("Yêu cầu chung", style("Heading2")),
        p("Yêu cầu riêng", style("Heading2")),
        p("Chi tiết", style("Heading3")),
        p("Nội dung", style("Heading1")),
        p("Thi đua thường xuyên", style("Heading2")),
      ),
    ).toEqual([
      "I. Mục đích",
      "1. Yêu cầu chung",
      "2. Yêu cầu riêng",
      "2.1. Chi tiết",
      "II. Nội dung",
      "1. Thi đua thường xuyên",
    ]);
  });

  it("lets a paragraph switch its style's numbering off with numId 0", () => {
    expect(mark(p("Phụ lục", style("Heading1") + num(0)), p("Mục đích", style("Heading1")))).toEqual([
      "Phụ lục",
      "I. Mục đích",
    ]);
  });

  it("continues instances of one list, restarts at a startOverride and reads Symbol-font bullets", () => {
    expect(
      mark(
        p("Một", num(5, 0)),
        p("Hai", num(5, 0)),
        p("Con", num(5, 1)),
        p("Ba", num(6, 0)),
        p("Bốn", num(8, 0)),
        p("Gạch", num(7, 0)),
        p("Cộng", num(7, 1)),
      ),
    ).toEqual(["1. Một", "2. Hai", "a) Con", "1. Ba", "4. Bốn", "- Gạch", "+ Cộng"]);
  });

  it("counts an empty list paragraph, as Word shows its number, without writing it", () => {
    expect(mark(p("Đầu", num(5, 0)), p("", num(5, 0)), p("Cuối", num(5, 0)))).toEqual([
      "1. Đầu",
      "",
      "3. Cuối",
    ]);
  });

  it("numbers a text box once: mammoth reads its mc:Fallback copy, not mc:Choice", () => {
    const box = (text: string) =>
      `<w:p><w:r><mc:AlternateContent><mc:Choice>${p(text, num(5, 0))}</mc:Choice><mc:Fallback>${p(text, num(5, 0))}</mc:Fallback></mc:AlternateContent></w:r></w:p>`;
    expect(mark(box("Trong khung"), p("Sau khung", num(5, 0)))).toEqual([
      "Trong khung",
      "1. Trong khung",
      "2. Sau khung",
    ]);
  });

  it("escapes markers that are XML and keeps the rest of the part byte for byte", () => {
    const xml = `<w:document ${w}><w:body>${p("A &amp; B", num(5, 0))}<w:sectPr/></w:body></w:document>`;
    const out = writeListMarkers(xml, numbering);
    expect(out).toBe(xml.replace("</w:pPr>", '</w:pPr><w:r><w:t xml:space="preserve">1. </w:t></w:r>'));
  });
});

describe("resolveListReference", () => {
  it("takes the level from the paragraph, else its style, else the level naming the style", () => {
    expect(resolveListReference(numbering, { styleId: "Heading1" })).toEqual({ numId: "4", ilvl: 0 });
    expect(resolveListReference(numbering, { styleId: "Heading2" })).toEqual({ numId: "4", ilvl: 1 });
    expect(resolveListReference(numbering, { styleId: "Heading3" })).toEqual({ numId: "4", ilvl: 2 });
    expect(resolveListReference(numbering, { styleId: "Heading1", ilvl: 1 })).toEqual({
      numId: "4",
      ilvl: 1,
    });
    expect(resolveListReference(numbering, { numId: "99", ilvl: 0 })).toBeNull();
    expect(resolveListReference(numbering, {})).toBeNull();
  });
});

describe("formatNumber and bulletMarker", () => {
  it("writes Word's number formats", () => {
    expect(formatNumber(4, "upperRoman")).toBe("IV");
    expect(formatNumber(14, "lowerRoman")).toBe("xiv");
    expect(formatNumber(5, "lowerLetter")).toBe("e");
    expect(formatNumber(27, "lowerLetter")).toBe("aa");
    expect(formatNumber(2, "upperLetter")).toBe("B");
    expect(formatNumber(7, "decimalZero")).toBe("07");
    expect(formatNumber(3, "ordinalText")).toBe("3");
  });

  it('reads bullets as "-" and "+": as written, from the Symbol font, and other glyphs by level', () => {
    expect(bulletMarker("+", 0)).toBe("+");
    expect(bulletMarker("–", 1)).toBe("-");
    expect(bulletMarker("\uf02d", 1)).toBe("-");
    expect(bulletMarker("•", 0)).toBe("-");
    expect(bulletMarker("\uf0b7", 0)).toBe("-");
    expect(bulletMarker("o", 1)).toBe("+");
    expect(bulletMarker("", 0)).toBe("");
  });
});
