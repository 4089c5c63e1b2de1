import iconv from "iconv-lite";

/**
 * Text as Windows writes it in code page 1258 (Excel's "CSV" on Vietnamese Windows): letters with a
 * circumflex, breve or horn are single bytes, tone marks combining characters after them.
 */
export function windows1258(value: string): Buffer {
  const spelled = value.normalize("NFD").replace(/(\P{M})(\p{M}*)/gu, (_, base: string, marks: string) => {
    const tone = /[\u0300\u0301\u0303\u0309\u0323]/.exec(marks)?.[0] ?? "";
    return (base + marks.replace(tone, "")).normalize("NFC") + tone;
  });
  return iconv.encode(spelled, "windows-1258");
}
