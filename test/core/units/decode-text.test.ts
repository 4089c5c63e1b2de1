import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeText } from "../../../src/core/units/decode-text.js";
import { windows1258 } from "./windows-1258.js";

const text = "Trường Mầm non Bến Thành, Đỗ Thị Mai – Quận 1";

describe("decoding a text file", () => {
  it("reads Windows-1258 as Vietnamese in NFC, equal to the UTF-8 spelling", () => {
    const bytes = windows1258(text);
    expect(bytes.includes(0x3f)).toBe(false); // no character fell back to "?"
    expect(decodeText(bytes)).toEqual({ text, encoding: "windows-1258" });
  });

  it("reads UTF-8 with and without a byte-order mark, and UTF-16 by its mark", () => {
    const utf8 = new TextEncoder().encode(text);
    expect(decodeText(utf8)).toEqual({ text, encoding: "utf-8" });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ text, encoding: "utf-8" });
    expect(decodeText(iconv.encode(text, "utf-16le", { addBOM: true }))).toEqual({
      text,
      encoding: "utf-16le",
    });
    expect(decodeText(iconv.encode(text, "utf-16be", { addBOM: true }))).toEqual({
      text,
      encoding: "utf-16be",
    });
  });

  it("composes tone marks written apart in UTF-8 too", () => {
    expect(decodeText(new TextEncoder().encode(text.normalize("NFD"))).text).toBe(text);
  });
});
