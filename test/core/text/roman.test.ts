import { describe, expect, it } from "vitest";
import { romanValue } from "../../../src/core/text/roman.js";

describe("romanValue", () => {
  it("reads small Roman numerals in either case", () => {
    expect(["i", "iv", "VII", "ix", "xii", "XIV"].map(romanValue)).toEqual([1, 4, 7, 9, 12, 14]);
  });

  it("refuses what is not one", () => {
    expect(["", "iiii", "vx", "ic", "a", "vv"].map(romanValue)).toEqual([null, null, null, null, null, null]);
  });
});
