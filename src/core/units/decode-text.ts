import iconv from "iconv-lite";

/** The encodings a text file may come in: what Excel and editors save on Vietnamese Windows. */
export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1258";

const startsWith = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/** A text file's bytes as NFC text, with the encoding they were found to be in. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Only a byte-order mark tells UTF-16 apart: without one, its bytes can be valid UTF-8 too.
  const utf16 = startsWith(bytes, 0xff, 0xfe)
    ? "utf-16le"
    : startsWith(bytes, 0xfe, 0xff)
      ? "utf-16be"
      : null;
  if (utf16) return { text: iconv.decode(buffer, utf16).normalize("NFC"), encoding: utf16 };
  try {
    // Strict: bytes of another encoding are seldom valid UTF-8, so this also tells UTF-8 apart.
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return { text: text.normalize("NFC"), encoding: "utf-8" };
  } catch {
    // Excel's plain "CSV" on Vietnamese Windows writes the ANSI code page, 1258; bytes that would
    // read as 1252 too are taken as 1258 all the same, 1252 having no Vietnamese. 1258 writes tone
    // marks as combining characters, which NFC composes so "Trường" equals the UTF-8 spelling.
    return { text: iconv.decode(buffer, "windows-1258").normalize("NFC"), encoding: "windows-1258" };
  }
}
