import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitOnLines } from "../../../src/adapters/text/split-lines.js";

describe("splitting a long reply for a platform's length limit", () => {
  it("cuts between lines and keeps every line whole and in order", () => {
    const lines = Array.from({ length: 100 }, (_, i) => `Dòng ${i + 1}: nộp báo cáo sơ kết trước 15/01 nhé.`);
    const pieces = splitOnLines(lines.join("\n"), 2000);
    expect(pieces.length).toBe(3);
    expect(pieces.join("\n").split("\n")).toEqual(lines);
  });

  it("cuts a line longer than the limit at a space, else anywhere", () => {
    const text = "khen thưởng ".repeat(400).trim();
    const pieces = splitOnLines(text, 2000);
    expect(pieces.length).toBe(3);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(2000);
    // Cut at spaces only: the pieces joined by a space are the line again.
    expect(pieces.join(" ")).toBe(text);
    expect(splitOnLines("x".repeat(7000), 3000).map((p) => p.length)).toEqual([3000, 3000, 1000]);
  });

  it("never cuts an emoji in two", () => {
    const emoji = "🎉".repeat(1500);
    const pieces = splitOnLines(emoji, 2001);
    expect(pieces.join("")).toBe(emoji);
    for (const piece of pieces) expect(piece.length % 2).toBe(0);
  });

  it("keeps every piece within the limit and loses no word, whatever the text", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 600 }),
        fc.integer({ min: 4, max: 80 }),
        (text, limit) => {
          const pieces = splitOnLines(text, limit);
          for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(limit);
          const words = (s: string) => s.split(/\s+/).filter(Boolean).join("");
          expect(words(pieces.join(" "))).toBe(words(text));
        },
      ),
    );
  });
});
