import { describe, expect, it } from "vitest";
import { topicWords } from "../../../src/bot/understanding/topic-match.js";
import { expandAbbreviations } from "../../../src/core/text/abbreviations.js";

describe("abbreviations", () => {
  it.each([
    ["so gd&dt ha noi", "so giao duc va dao tao ha noi"],
    ["hoi dong td-kt nganh", "hoi dong thi dua khen thuong nganh"],
    ["ho so knc", "ho so ky niem chuong"],
    ["danh hieu cstd va ldtt", "danh hieu chien si thi dua va lao dong tien tien"],
    ["tuyen duong dhtt, ntvt", "tuyen duong dien hinh tien tien, nguoi tot viec tot"],
    ["ho so ttldtt", "ho so tap the lao dong tien tien"],
    ["ty le cstdcs", "ty le chien si thi dua co so"],
    ["hoi thi gvdg, gvcn gioi", "hoi thi giao vien day gioi, giao vien chu nhiem gioi"],
    ["gui phong vh-xh, bgh duyet", "gui phong van hoa xa hoi, ban giam hieu duyet"],
  ])("%s → %s", (text, expanded) => {
    expect(expandAbbreviations(text)).toBe(expanded);
  });

  it("leaves words that only contain an abbreviation alone", () => {
    expect(expandAbbreviations("thong bao hsg")).toBe("thong bao hsg");
    expect(expandAbbreviations("than")).toBe("than");
  });

  it("matches an abbreviated question to the written-out plan text and back", () => {
    expect(topicWords("Hạn nộp hồ sơ KNC?")).toEqual(expect.arrayContaining(["niem", "chuong"]));
    expect(topicWords("Hội đồng TĐ-KT Ngành")).toEqual(
      expect.arrayContaining(["thi", "dua", "khen", "thuong"]),
    );
    expect(topicWords("Sở GD&ĐT")).toEqual(expect.arrayContaining(["giao", "duc", "dao", "tao"]));
  });
});
