import { expandAbbreviations } from "../text/abbreviations.js";
import { fold } from "../text/fold.js";
import type { UnitKind } from "./audience.js";
import type { TreeUnit } from "./unit-tree.js";

// The words that name the kind of a unit, folded and spelled out (abbreviations.ts expands "THCS",
// "PGD", "MG" … first), longest first.
const kindWords: [RegExp, UnitKind][] = [
  [/\b(truong )?trung hoc co so\b/g, "thcs"],
  [/\b(truong )?trung hoc pho thong\b/g, "thpt"],
  [/\b(truong )?tieu hoc\b/g, "tieu_hoc"],
  [/\b(truong )?(mam non|mau giao)\b/g, "mam_non"],
  [/\b(truong )?(lien cap)\b/g, "lien_cap"],
  [/\b(trung tam )?(giao duc nghe nghiep )?giao duc thuong xuyen\b/g, "gdtx"],
  [/\bphong giao duc( va dao tao)?\b/g, "phong"],
  // Since 2025 a commune's Phòng Văn hóa - Xã hội does the Phòng GDĐT's work for its schools.
  [/\bphong van hoa( va)? xa hoi\b/g, "phong"],
  [/\bso giao duc( va dao tao)?\b/g, "so"],
];

const adminWords = new Set(["quan", "huyen", "thi", "phuong", "tp", "thanh", "pho"]);

/** A unit's or a message's name reduced to what tells units apart, with the kind it names. */
function nameKey(text: string): { words: string[]; kind: UnitKind | null } {
  let f = expandAbbreviations(fold(text).replace(/[^a-z0-9&\- ]+/g, " "))
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ");
  let kind: UnitKind | null = null;
  for (const [pattern, k] of kindWords) {
    if (pattern.test(f)) {
      kind ??= k;
      f = f.replace(pattern, " ");
    }
    pattern.lastIndex = 0;
  }
  const words = f.split(" ").filter((w) => w && w !== "truong" && w !== "don" && w !== "vi");
  // "quận Ba Đình" and "Ba Đình" are one place; "Quận 1" keeps its word, or only "1" would be left.
  const place = words.filter((w, i) => !adminWords.has(w) && !(w === "xa" && words[i - 1] === "thi"));
  return { words: place.some((w) => /[a-z]/.test(w)) ? place : words, kind };
}

/**
 * The units a text names as people type them ("trường Kết Đoàn", "TH Ket Doan", "tiểu học Kết
 * Đoàn"): every word that tells the unit apart must be there, in order; a kind, if named, must fit.
 */
export function unitsNamed(text: string, candidates: TreeUnit[]): TreeUnit[] {
  const asked = nameKey(text);
  const said = ` ${asked.words.join(" ")} `;
  return candidates.filter((unit) => {
    const key = nameKey(unit.name);
    if (!key.words.length || !said.includes(` ${key.words.join(" ")} `)) return false;
    // A unit directly under the Sở ("truc_thuoc") is also the kind its own name says (a GDNN-GDTX centre).
    return (
      asked.kind === null ||
      asked.kind === unit.kind ||
      asked.kind === key.kind ||
      (unit.kind === "lien_cap" && asked.kind !== "phong")
    );
  });
}
