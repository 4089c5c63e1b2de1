import { describe, expect, it } from "vitest";
import { detectIntent } from "../../src/bot/intents.js";
import { foldText } from "../../src/bot/normalize.js";

describe("foldText", () => {
  it("drops diacritics, đ and case, and collapses punctuation", () => {
    expect(foldText("  Trợ GIÚP!! ")).toBe("tro giup");
    expect(foldText("Sở GDĐT")).toBe("so gddt");
    expect(foldText("Xin\u0020cha\u0300o")).toBe("xin chao"); // decomposed input
  });
});

describe("detectIntent", () => {
  it.each([
    ["xin chào", "greeting"],
    ["Chào bạn, cho hỏi", "greeting"],
    ["hello", "greeting"],
    ["trợ giúp", "help"],
    ["tro giup", "help"],
    ["/help", "help"],
    ["thoát", "farewell"],
    ["Tạm biệt", "farewell"],
    ["asdf qwer", "unknown"],
  ])("%s → %s", (text, intent) => {
    expect(detectIntent(text)).toBe(intent);
  });
});
