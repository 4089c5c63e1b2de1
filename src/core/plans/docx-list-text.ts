import { DomUtils, Parser, parseDocument } from "htmlparser2";
import { createListMarkers } from "./docx-list-markers.js";
import { type DocxNumbering, readDocxNumbering, resolveListReference } from "./docx-numbering.js";

interface OpenParagraph {
  /** Element depth of the w:p, so its own w:pPr is told from a nested paragraph's. */
  depth: number;
  /** Where the marker run goes: after the paragraph's properties, before its first run. */
  insertAt: number;
  numId?: string;
  ilvl?: number;
  styleId?: string;
  hasText: boolean;
  /** Inside mc:Choice, whose content mammoth skips for the mc:Fallback copy. */
  alternate: boolean;
}

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * Writes into a WordprocessingML part the marker each numbered paragraph shows ("1.", "a)", "-", "+",
 * "II." of an auto-numbered heading) as a text run at its start, numbering in document order as Word does.
 */
export function writeListMarkers(partXml: string, numbering: DocxNumbering): string {
  const markerOf = createListMarkers(numbering);
  const inserts: { at: number; xml: string }[] = [];
  const names: string[] = [];
  const paragraphs: OpenParagraph[] = [];
  let alternateDepth = 0;
  // True when the element just opened is at `path` below the paragraph (its own properties, not a nested one's).
  const inProperties = (p: OpenParagraph, ...path: string[]) =>
    names.length === p.depth + path.length && path.every((name, i) => names[p.depth + i] === name);

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        names.push(name);
        const p = paragraphs.at(-1);
        if (name === "w:p") {
          const at = parser.endIndex + 1;
          paragraphs.push({
            depth: names.length,
            insertAt: at,
            hasText: false,
            alternate: alternateDepth > 0,
          });
        } else if (name === "mc:Choice") {
          alternateDepth++;
        } else if (p && inProperties(p, "w:pPr", "w:pStyle")) {
          p.styleId = attribs["w:val"];
        } else if (p && inProperties(p, "w:pPr", "w:numPr", "w:numId")) {
          p.numId = attribs["w:val"];
        } else if (p && inProperties(p, "w:pPr", "w:numPr", "w:ilvl")) {
          const ilvl = Number.parseInt(attribs["w:val"] ?? "", 10);
          if (Number.isFinite(ilvl)) p.ilvl = ilvl;
        }
      },
      ontext(text) {
        const p = paragraphs.at(-1);
        if (p && names.at(-1) === "w:t" && text.trim()) p.hasText = true;
      },
      onclosetag(name) {
        const p = paragraphs.at(-1);
        if (name === "w:pPr" && p && names.length === p.depth + 1) p.insertAt = parser.endIndex + 1;
        if (name === "mc:Choice") alternateDepth--;
        if (name === "w:p" && p) {
          paragraphs.pop();
          const ref = p.alternate ? null : resolveListReference(numbering, p);
          // Word numbers an empty list paragraph too, but mammoth drops it, so it only takes its number.
          const marker = ref ? markerOf(ref) : "";
          if (marker && p.hasText) {
            inserts.push({
              at: p.insertAt,
              xml: `<w:r><w:t xml:space="preserve">${escapeXml(marker)} </w:t></w:r>`,
            });
          }
        }
        names.pop();
      },
    },
    { xmlMode: true },
  );
  parser.end(partXml);

  let out = partXml;
  for (const { at, xml } of inserts.sort((a, b) => b.at - a.at)) out = out.slice(0, at) + xml + out.slice(at);
  return out;
}

// The target of a relationship of the given type in a .rels part, as a path inside the package.
function relationshipTarget(relsXml: string | undefined, type: string, base: string): string | undefined {
  const rels = parseDocument(relsXml ?? "", { xmlMode: true });
  const rel = DomUtils.getElementsByTagName("Relationship", rels).find((r) => r.attribs.Type?.endsWith(type));
  const target = rel?.attribs.Target;
  if (!target) return undefined;
  return target.startsWith("/") ? target.slice(1) : new URL(target, `file:///${base}`).pathname.slice(1);
}

/**
 * Returns the .docx with its automatic numbering written out as text (see writeListMarkers), so what
 * mammoth makes of it keeps the markers a reader sees; a file without numbering comes back unchanged.
 */
export async function writeDocxListMarkers(bytes: Uint8Array): Promise<Uint8Array> {
  // Loaded on first use, like mammoth (which bundles the same jszip): only .docx imports need it.
  const { default: JSZip } = await import("jszip");
  const zip = await JSZip.loadAsync(bytes);
  const text = (path: string | undefined) => (path ? zip.file(path)?.async("string") : undefined);
  const documentPath =
    relationshipTarget(await text("_rels/.rels"), "/officeDocument", "") ?? "word/document.xml";
  const folder = documentPath.slice(0, documentPath.lastIndexOf("/") + 1);
  const documentRels = await text(`${folder}_rels/${documentPath.slice(folder.length)}.rels`);
  // Where the relationships do not say, the usual names, as mammoth also assumes.
  const numberingXml = await text(
    relationshipTarget(documentRels, "/numbering", folder) ?? `${folder}numbering.xml`,
  );
  const documentXml = await text(documentPath);
  if (numberingXml === undefined || documentXml === undefined) return bytes;

  const stylesXml = await text(relationshipTarget(documentRels, "/styles", folder) ?? `${folder}styles.xml`);
  const numbering = readDocxNumbering(numberingXml, stylesXml);
  const marked = writeListMarkers(documentXml, numbering);
  if (marked === documentXml) return bytes;
  zip.file(documentPath, marked);
  // Stored, not deflated: the package only goes on to mammoth, in memory.
  return zip.generateAsync({ type: "uint8array", compression: "STORE" });
}
