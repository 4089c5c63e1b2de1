import { describe, expect, it } from "vitest";
import { planTextWords, rankByTopic, topicWords } from "../../../src/bot/understanding/topic-match.js";

const tasks = [
  "Gửi hồ sơ đề nghị khen thưởng cuối năm học về Văn phòng Sở",
  "Gửi bản đăng ký thi đua năm học 2023 - 2024 (theo mẫu) về Văn phòng Sở",
  "Họp Hội đồng Thi đua - Khen thưởng xét danh hiệu Tập thể lao động xuất sắc",
  "Nộp biên bản họp khối, báo cáo sơ kết học kỳ 1 về Phòng Giáo dục và Đào tạo",
];
const best = (question: string) => rankByTopic(question, tasks, (t) => t)[0]?.item;

describe("rankByTopic", () => {
  it.each([
    ["hạn nộp hồ sơ khen thưởng cuối năm", 0],
    ["han nop ho so khen thuong cuoi nam", 0], // no diacritics
    ["hạn nộp hồ sơ khen thưỏng cuôí năm", 0], // diacritics on the wrong letter
    ["han nop ho so khen thuonh cuoi nam", 0], // one slip in a short word
    ["dnah heiu", 2], // two letters swapped in each word
    ["bein bna hop khoi", 3], // only the typed-wrong words name it
    ["suat sac", 2], // s for x
    ["hạn gửi bản đăng kí thi đua", 1], // kí for ký
    ["cuối năm, hồ sơ khen thưởng gửi khi nào", 0], // word order
    ["khi nao hop xet danh hieu tap the lao dong xuat sac", 2],
    ["bao cao so ket hoc ki 1", 3],
  ])("%s → task %i", (question, index) => {
    expect(best(question)).toBe(tasks[index]);
  });

  it("reads both correct spellings of i and y as one word", () => {
    expect(topicWords("ti le chien si")).toEqual(topicWords("tỷ lệ chiến sỹ"));
    expect(topicWords("quản lí học kì")).toEqual(topicWords("quản lý học kỳ"));
  });

  it("reads a step of a series by its number however it is written, and ranks another step of it low", () => {
    expect(topicWords("Họp khối lần thứ hai")).toEqual(topicWords("hop khoi lan 2"));
    expect(topicWords("kiểm tra đợt ba")).toEqual(expect.arrayContaining(["dot", "3"]));
    // "năm" without "thứ" is a year, not five.
    expect(topicWords("đợt năm học mới")).not.toContain("5");
    const steps = [
      "Biên bản họp khối lần thứ nhất và bản giao ước thi đua",
      "Biên bản họp khối lần thứ hai",
      "Báo cáo tổng kết năm học",
    ];
    expect(rankByTopic("hop khoi lan 2 thi nop bien ban gi", steps, (t) => t)[0]?.item).toBe(steps[1]);
    expect(rankByTopic("khối họp đợt 1 xong nộp biên bản với giao ước gì", steps, (t) => t)[0]?.item).toBe(
      steps[0],
    );
    const other = rankByTopic("bien ban giao uoc thi dua hop khoi lan 2", steps, (t) => t);
    expect(other[0]?.item).toBe(steps[1]);
  });

  it("puts general words of school administration in English into the plans' Vietnamese", () => {
    expect(topicWords("how many days of sick leave")).toEqual(expect.arrayContaining(["nghi", "om"]));
    expect(topicWords("can disciplined staff be proposed")).toEqual(
      expect.arrayContaining(["ky", "luat", "giao", "vien", "nhan"]),
    );
    expect(topicWords("is the vote a secret ballot")).toEqual(expect.arrayContaining(["bo", "phieu", "kin"]));
    expect(topicWords("which teachers are ineligible")).toEqual(expect.arrayContaining(["xet"]));
    expect(topicWords("when do we draw lots for the practical round")).toEqual(
      expect.arrayContaining(["boc", "tham", "vong", "thuc", "hanh"]),
    );
  });

  it("reads handing in late as one word however it is said, but not 'chậm nhất' or 'nhóm trẻ'", () => {
    const late = (text: string) => topicWords(text).filter((w) => !["ho", "so", "thi", "sao"].includes(w));
    const rule = late("Hồ sơ gửi sau thời hạn không được tổng hợp");
    for (const asked of ["nộp trễ thì sao", "nop muon thi sao", "hồ sơ quá hạn", "lỡ hạn thì sao"])
      expect(
        late(asked).some((w) => rule.includes(w)),
        asked,
      ).toBe(true);
    // "chậm nhất" says a question asks a deadline: neither late nor a topic ("chấm" in "tổ chức chấm").
    expect(topicWords("chậm nhất ngày 20/5")).toEqual(["20/5"]);
    expect(topicWords("cham nhat ngay 20/5")).toEqual(["20/5"]);
    expect(topicWords("bảng chấm điểm")).toContain("cham");
    expect(topicWords("nhóm trẻ, lớp mẫu giáo")).toContain("tre");
  });

  it("reads a mistyped word the same whatever was ranked before", () => {
    const rows = ["Nộp bảng tổng hợp danh sách", "Nộp bảng chấm điểm thi đua"];
    const first = rankByTopic("bang chem", rows, (t) => t)[0]?.item;
    // Candidates elsewhere that hold the mistyped word as a word of their own ("chém") once made it
    // a known word, no longer read as "chấm".
    rankByTopic("chem", ["Phim chém"], (t) => t);
    expect(rankByTopic("bang chem", rows, (t) => t)[0]?.item).toBe(first);
    expect(first).toBe(rows[1]);
  });

  it("ranks nothing for a question that shares no word with the candidates", () => {
    expect(rankByTopic("thời tiết hôm nay", tasks, (t) => t)).toEqual([]);
  });
});

describe("topicWords", () => {
  it("keeps the field's phrases typed without diacritics whose word folds to a question word", () => {
    expect(topicWords("ho so xet co thi dua gom j")).toContain("co");
    expect(topicWords("hoi dong thi dua truong la ai")).toEqual(topicWords("Hội đồng thi đua trường là ai"));
    // Elsewhere "co" is still the question's "có".
    expect(topicWords("co phai nop ban cung khong")).not.toContain("co");
  });

  it("reads a hyphenated English phrase as the glossary's spaced one, and sets aside the words of asking whether it is done", () => {
    expect(topicWords("has the school sent its year-end report yet?")).toEqual(["truong", "cuoi", "cao"]);
  });

  it("reads '%' as the words 'phần trăm' that ask for it", () => {
    expect(topicWords("Tỷ lệ không quá 20% tổng số")).toEqual(expect.arrayContaining(["phan", "tram"]));
    expect(topicWords("ty le duoc de nghi la may phan tram")).toEqual(
      expect.arrayContaining(["phan", "tram"]),
    );
  });
});

describe("planTextWords", () => {
  it("reads a plan's text as topicWords does, and again the same from the copy it keeps", () => {
    for (const text of [...tasks, "Hình thức khen thưởng", "Thời gian: trước ngày 15/5/2024 (GD&ĐT)."]) {
      expect(planTextWords(text)).toEqual(topicWords(text));
      expect(planTextWords(text)).toBe(planTextWords(text));
    }
  });
});
