import { describe, expect, it } from "vitest";
import { buildFieldIndex, rankSentences, searchTerms } from "../../../src/bot/search/field-index.js";

const sections = [
  { heading: "Nhiệm vụ của Chủ tịch Hội đồng", body: "Chủ trì các phiên họp của Hội đồng; ký tờ trình." },
  { heading: "Nhiệm vụ của Phó Chủ tịch Hội đồng", body: "Theo dõi phong trào; thay Chủ tịch khi vắng." },
  {
    heading: "Điều kiện xét tặng",
    body: "Cá nhân bị kỷ luật từ khiển trách trở lên không được xét. Tập thể có thành viên bị kỷ luật cảnh cáo không được xét danh hiệu.",
  },
  { heading: "Hồ sơ đề nghị", body: "Tờ trình; biên bản họp; danh sách trích ngang." },
];
const index = buildFieldIndex(sections, {
  heading: { text: (s) => s.heading, boost: 4 },
  body: { text: (s) => s.body, boost: 1 },
});

describe("the full-text index of the plans", () => {
  it("searches by words and by pairs of neighbouring words", () => {
    expect(searchTerms("Phó chủ tịch có nhiệm vụ gì?")).toEqual([
      "pho",
      "chu",
      "tich",
      "nhiem",
      "vu",
      "pho_chu",
      "chu_tich",
      "tich_nhiem",
      "nhiem_vu",
    ]);
  });

  it("tells how much of the question's rare words one sentence of a text holds together", () => {
    const scattered = "Tập thể được khen. Thành viên bị phê bình. Danh hiệu được xét.";
    const together = "Tập thể có thành viên bị kỷ luật cảnh cáo không được xét danh hiệu.";
    const question = "tập thể có thành viên bị kỷ luật thì có được xét danh hiệu không";
    expect(index.sentenceFit(question)(together)).toBeGreaterThan(0.8);
    expect(index.sentenceFit(question)(scattered)).toBeLessThan(0.5);
    expect(index.sentenceFit("")(together)).toBe(0);
  });

  it("prefers the section that holds the question's telling word", () => {
    expect(index.search("Phó chủ tịch hội đồng có nhiệm vụ gì")[0]?.item.heading).toBe(
      "Nhiệm vụ của Phó Chủ tịch Hội đồng",
    );
    expect(index.search("chủ tịch hội đồng làm những việc gì")[0]?.item.heading).toBe(
      "Nhiệm vụ của Chủ tịch Hội đồng",
    );
  });

  it("finds a word typed with a slip, and in English through the glossary", () => {
    expect(index.search("dieu kien xet tnag")[0]?.item.heading).toBe("Điều kiện xét tặng");
    expect(index.search("can a collective with a disciplined member be considered")[0]?.item.heading).toBe(
      "Điều kiện xét tặng",
    );
  });

  it("says how much of the question an item holds", () => {
    const [hit] = index.search("hồ sơ đề nghị gồm biên bản");
    expect(hit?.coverage).toBe(1);
    expect(hit?.pairs).toBeGreaterThan(0);
    expect(index.holders("bien_ban")).toBe(1);
  });

  it("picks the sentence of a passage that decides a yes/no question", () => {
    const [best] = rankSentences(
      "Tập thể có người bị kỷ luật cảnh cáo có được xét không?",
      sections[2]?.body ?? "",
    );
    expect(best?.sentence).toContain("Tập thể có thành viên bị kỷ luật cảnh cáo");
  });
});
