import { describe, expect, it } from "vitest";
import { renderZaloBotReply } from "../../../src/adapters/zalo-bot/render-reply.js";
import { createTranslator } from "../../../src/bot/index.js";

const translate = createTranslator();

describe("renderZaloBotReply", () => {
  it("writes a heading in capitals, lists with bullets and numbered choices, all as plain text", () => {
    const [text, ...more] = renderZaloBotReply(
      {
        locale: "vi",
        blocks: [
          { kind: "heading", text: "Hạn nộp trong tuần" },
          {
            kind: "list",
            items: ["Báo cáo sơ kết <học kỳ I> – 15/01/2024", "Bảng điểm thi đua & khen thưởng"],
          },
          { kind: "paragraph", text: "Bạn muốn xem việc nào?" },
        ],
        choices: [
          { id: "/han 3", label: "Báo cáo sơ kết" },
          { id: "/han 4", label: "Bảng điểm" },
          { id: "/han 5", label: "Tờ trình" },
        ],
      },
      translate("vi"),
    );
    expect(more).toEqual([]);
    expect(text).toBe(
      [
        "HẠN NỘP TRONG TUẦN",
        "",
        "• Báo cáo sơ kết <học kỳ I> – 15/01/2024",
        "• Bảng điểm thi đua & khen thưởng",
        "",
        "Bạn muốn xem việc nào?",
        "",
        "1. Báo cáo sơ kết",
        "2. Bảng điểm",
        "3. Tờ trình",
        "Trả lời bằng số để chọn: 1, 2, 3",
      ].join("\n"),
    );
  });

  it("names a file in the reply's language instead of sending it", () => {
    const [text] = renderZaloBotReply(
      {
        locale: "en",
        blocks: [],
        files: [{ name: "status.csv", mimeType: "text/csv", data: new Uint8Array([65]) }],
      },
      translate("en"),
    );
    expect(text).toContain('The file "status.csv" cannot be sent through Zalo');
  });
});
