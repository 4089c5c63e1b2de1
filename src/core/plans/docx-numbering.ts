import { DomUtils, parseDocument } from "htmlparser2";

type XmlElement = ReturnType<typeof DomUtils.getElementsByTagName>[number];

/** One level of a Word list: its number format ("decimal", "bullet", …), text ("%1.", "-") and start. */
export interface ListLevel {
  format: string;
  text: string;
  start: number;
  /** w:lvlRestart: the 1-based level whose use restarts this one; 0 never restarts; null means any shallower. */
  restartAfter: number | null;
  /** w:isLgl: every number in the text shown as decimal ("1.1." under a "II." level). */
  legal: boolean;
}

interface ListInstance {
  abstractId: string;
  /** w:lvlOverride/w:startOverride by level. */
  startOverrides: Map<number, number>;
  /** w:lvlOverride/w:lvl: a level redefined for this instance only. */
  levels: Map<number, ListLevel>;
}

interface StyleNumbering {
  basedOn?: string;
  numId?: string;
  ilvl?: number;
}

/** The numbering definitions of a .docx (word/numbering.xml) with the paragraph styles that number. */
export interface DocxNumbering {
  instances: Map<string, ListInstance>;
  abstracts: Map<string, Map<number, ListLevel>>;
  /** abstractNumId → the numbering style it takes its levels from (w:numStyleLink). */
  styleLinks: Map<string, string>;
  styles: Map<string, StyleNumbering>;
  /** abstractNumId → paragraph style → level (w:lvl/w:pStyle), how heading styles pick their level. */
  styleLevels: Map<string, Map<string, number>>;
}

/** A numbered paragraph's list and level, as resolved from its own properties and its style. */
export interface ListReference {
  numId: string;
  ilvl: number;
}

const children = (element: XmlElement | undefined, name: string): XmlElement[] =>
  element ? DomUtils.getElementsByTagName(name, element.children, false) : [];
const child = (element: XmlElement | undefined, name: string): XmlElement | undefined =>
  children(element, name)[0];
const val = (element: XmlElement | undefined): string | undefined => element?.attribs["w:val"];
const intOf = (value: string | undefined): number | undefined => {
  const n = value === undefined ? Number.NaN : Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : undefined;
};

function readLevel(lvl: XmlElement): ListLevel {
  const isLgl = child(lvl, "w:isLgl");
  return {
    format: val(child(lvl, "w:numFmt")) ?? "decimal",
    text: val(child(lvl, "w:lvlText")) ?? "",
    start: intOf(val(child(lvl, "w:start"))) ?? 1,
    restartAfter: intOf(val(child(lvl, "w:lvlRestart"))) ?? null,
    legal: isLgl !== undefined && !["0", "false", "off"].includes(val(isLgl) ?? ""),
  };
}

/** Reads word/numbering.xml and word/styles.xml (either may be missing) into numbering definitions. */
export function readDocxNumbering(
  numberingXml: string | undefined,
  stylesXml: string | undefined,
): DocxNumbering {
  const numbering: DocxNumbering = {
    instances: new Map(),
    abstracts: new Map(),
    styleLinks: new Map(),
    styles: new Map(),
    styleLevels: new Map(),
  };
  const root = parseDocument(numberingXml ?? "", { xmlMode: true });
  for (const abstract of DomUtils.getElementsByTagName("w:abstractNum", root)) {
    const id = abstract.attribs["w:abstractNumId"];
    if (id === undefined) continue;
    const levels = new Map<number, ListLevel>();
    const styleLevels = new Map<string, number>();
    for (const lvl of children(abstract, "w:lvl")) {
      const ilvl = intOf(lvl.attribs["w:ilvl"]) ?? 0;
      levels.set(ilvl, readLevel(lvl));
      const style = val(child(lvl, "w:pStyle"));
      if (style) styleLevels.set(style, ilvl);
    }
    numbering.abstracts.set(id, levels);
    numbering.styleLevels.set(id, styleLevels);
    const link = val(child(abstract, "w:numStyleLink"));
    if (link) numbering.styleLinks.set(id, link);
  }
  for (const num of DomUtils.getElementsByTagName("w:num", root)) {
    const id = num.attribs["w:numId"];
    const abstractId = val(child(num, "w:abstractNumId"));
    if (id === undefined || abstractId === undefined) continue;
    const instance: ListInstance = { abstractId, startOverrides: new Map(), levels: new Map() };
    for (const override of children(num, "w:lvlOverride")) {
      const ilvl = intOf(override.attribs["w:ilvl"]) ?? 0;
      const start = intOf(val(child(override, "w:startOverride")));
      if (start !== undefined) instance.startOverrides.set(ilvl, start);
      const lvl = child(override, "w:lvl");
      if (lvl) instance.levels.set(ilvl, readLevel(lvl));
    }
    numbering.instances.set(id, instance);
  }
  const styles = parseDocument(stylesXml ?? "", { xmlMode: true });
  for (const style of DomUtils.getElementsByTagName("w:style", styles)) {
    const id = style.attribs["w:styleId"];
    if (id === undefined) continue;
    const numPr = child(child(style, "w:pPr"), "w:numPr");
    numbering.styles.set(id, {
      basedOn: val(child(style, "w:basedOn")),
      numId: val(child(numPr, "w:numId")),
      ilvl: intOf(val(child(numPr, "w:ilvl"))),
    });
  }
  return numbering;
}

/** The abstract list a numId draws its levels from, through a numbering style when it links to one. */
export function abstractOf(numbering: DocxNumbering, numId: string): string | undefined {
  let abstractId = numbering.instances.get(numId)?.abstractId;
  const seen = new Set<string>();
  while (abstractId !== undefined && !seen.has(abstractId)) {
    seen.add(abstractId);
    const link = numbering.styleLinks.get(abstractId);
    const linkedNum = link === undefined ? undefined : numbering.styles.get(link)?.numId;
    const linked = linkedNum === undefined ? undefined : numbering.instances.get(linkedNum)?.abstractId;
    if (linked === undefined || (numbering.abstracts.get(abstractId)?.size ?? 0) > 0) return abstractId;
    abstractId = linked;
  }
  return abstractId;
}

/** A level's definition for one list instance: its own override, else the abstract list's. */
export function levelOf(numbering: DocxNumbering, numId: string, ilvl: number): ListLevel | undefined {
  const own = numbering.instances.get(numId)?.levels.get(ilvl);
  if (own) return own;
  const abstractId = abstractOf(numbering, numId);
  return abstractId === undefined ? undefined : numbering.abstracts.get(abstractId)?.get(ilvl);
}

/**
 * Which list and level a paragraph is in, as Word decides: its own w:numPr, else its style's (through
 * w:basedOn); numId 0 switches numbering off; the level comes from the paragraph, the style, or the level
 * that names the style (how "Heading 1" gets level 0 of a multilevel list).
 */
export function resolveListReference(
  numbering: DocxNumbering,
  paragraph: { numId?: string; ilvl?: number; styleId?: string },
): ListReference | null {
  let numId = paragraph.numId;
  let ilvl = paragraph.ilvl;
  const seen = new Set<string>();
  for (
    let id = paragraph.styleId;
    id !== undefined && !seen.has(id);
    id = numbering.styles.get(id)?.basedOn
  ) {
    seen.add(id);
    const style = numbering.styles.get(id);
    if (numId === undefined) numId = style?.numId;
    if (ilvl === undefined && numId !== undefined && style?.numId === numId) ilvl = style.ilvl;
  }
  if (numId === undefined || numId === "0" || !numbering.instances.has(numId)) return null;
  if (ilvl === undefined && paragraph.styleId !== undefined) {
    const abstractId = abstractOf(numbering, numId);
    ilvl =
      abstractId === undefined ? undefined : numbering.styleLevels.get(abstractId)?.get(paragraph.styleId);
  }
  return { numId, ilvl: ilvl ?? 0 };
}
