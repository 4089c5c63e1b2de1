import {
  abstractOf,
  type DocxNumbering,
  type ListLevel,
  type ListReference,
  levelOf,
} from "./docx-numbering.js";

const romans: [number, string][] = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

function roman(n: number): string {
  let rest = n;
  let out = "";
  for (const [value, digits] of romans) {
    while (rest >= value) {
      out += digits;
      rest -= value;
    }
  }
  return out;
}

// Word's letters run a…z, then aa…zz, then aaa…: the letter repeats, it does not carry like a column name.
const letter = (n: number): string =>
  String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);

/** A counter value in a Word number format; formats plans do not use read as decimal. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case "lowerLetter":
      return n > 0 ? letter(n) : "";
    case "upperLetter":
      return n > 0 ? letter(n).toUpperCase() : "";
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "upperRoman":
      return roman(n);
    case "decimalZero":
      return String(n).padStart(2, "0");
    case "none":
      return "";
    default:
      return String(n);
  }
}

/**
 * The bullet a plan's reader takes it for: "-" and "+" as written (also from the Symbol font, which keeps
 * them at U+F02D and U+F02B), dashes as "-", and any other glyph (•, ●, , o, ■, ➢) as "-" on the first
 * level and "+" below it, the way Vietnamese documents write their two levels of bullets.
 */
export function bulletMarker(glyph: string, ilvl: number): string {
  const code = glyph.codePointAt(0);
  const char =
    code !== undefined && code >= 0xf000 && code <= 0xf0ff ? String.fromCharCode(code - 0xf000) : glyph;
  if (char === "+") return "+";
  if (/^[-‐‑‒–—−]$/u.test(char)) return "-";
  if (char.trim() === "") return "";
  return ilvl === 0 ? "-" : "+";
}

/**
 * Numbers list paragraphs in document order as Word does and returns the marker each shows ("1.", "a)",
 * "II.", "1.2.", "-", "+"), or "" for none. Counters belong to a list: the instance when it restarts
 * numbering (w:startOverride), else the abstract list its instances continue together.
 */
export function createListMarkers(numbering: DocxNumbering): (ref: ListReference) => string {
  const counters = new Map<string, (number | undefined)[]>();
  const startedInstances = new Set<string>();

  return ({ numId, ilvl }) => {
    const instance = numbering.instances.get(numId);
    const level = levelOf(numbering, numId, ilvl);
    if (!instance || !level) return "";
    const key = instance.startOverrides.size ? `num:${numId}` : `abstract:${abstractOf(numbering, numId)}`;
    const values = counters.get(key) ?? [];
    counters.set(key, values);
    const levels = (i: number): ListLevel | undefined => levelOf(numbering, numId, i);
    if (!startedInstances.has(numId)) {
      startedInstances.add(numId);
      // An override restarts its level the first time the instance is used.
      for (const [i, start] of instance.startOverrides) values[i] = start - 1;
    }
    values[ilvl] = (values[ilvl] ?? (levels(ilvl)?.start ?? 1) - 1) + 1;
    for (let deeper = ilvl + 1; deeper < 9; deeper++) {
      const restartAfter = levels(deeper)?.restartAfter ?? null;
      // A deeper level restarts under any shallower one, unless w:lvlRestart says which (0: never).
      if (restartAfter === null || (restartAfter > 0 && ilvl < restartAfter)) values[deeper] = undefined;
    }
    if (level.format === "bullet") return bulletMarker(level.text, ilvl);
    return level.text
      .replace(/%([1-9])/g, (_, digit: string) => {
        const i = Number(digit) - 1;
        const value = values[i] ?? levels(i)?.start ?? 1;
        return formatNumber(value, level.legal ? "decimal" : (levels(i)?.format ?? "decimal"));
      })
      .trim();
  };
}
