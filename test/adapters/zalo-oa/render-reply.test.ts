import { describe, expect, it } from "vitest";
import { renderZaloOaReply, zaloOaLimits } from "../../../src/adapters/zalo-oa/render-reply.js";
import { createTranslator, type Reply } from "../../../src/bot/index.js";

const translate = createTranslator();
const t = translate("vi");

function texts(reply: Reply): string[] {
  return renderZaloOaReply(reply, t).messages.flatMap((m) => (m.kind === "text" ? [m.text] : []));
}

describe("renderZaloOaReply", () => {
  it("lays out a rich reply: heading, list as bullets, three choices as hidden-query buttons, a file", () => {
    const reply: Reply = {
      locale: "vi",
      blocks: [
        { kind: "heading", text: "Hồ sơ đề nghị khen thưởng cuối năm" },
        { kind: "paragraph", text: "Hạn nộp: 15/06/2023 (theo mục 3.2 của kế hoạch)." },
        { kind: "list", items: ["Tờ trình của đơn vị", "Biên bản họp xét", "Báo cáo thành tích"] },
      ],
      choices: [
        { id: "/y deadline_of", label: "Hạn nộp" },
        { id: "/y where_to_submit", label: "Nơi nộp" },
        { id: "/y contact", label: "Người phụ trách" },
      ],
      files: [
        { name: "mau-to-trinh.pdf", mimeType: "application/pdf", data: new Uint8Array([37, 80, 68, 70]) },
      ],
    };
    const { messages, numbered } = renderZaloOaReply(reply, t);
    expect(numbered).toBeNull();
    expect(messages).toHaveLength(2);
    const [text, file] = messages;
    expect(text).toEqual({
      kind: "text",
      text:
        "Hồ sơ đề nghị khen thưởng cuối năm\nHạn nộp: 15/06/2023 (theo mục 3.2 của kế hoạch).\n" +
        "• Tờ trình của đơn vị\n• Biên bản họp xét\n• Báo cáo thành tích",
      buttons: [
        { title: "Hạn nộp", payload: "/y deadline_of" },
        { title: "Nơi nộp", payload: "/y where_to_submit" },
        { title: "Người phụ trách", payload: "/y contact" },
      ],
    });
    expect(file?.kind).toBe("file");
  });

  it("splits a long answer on line boundaries, every piece within 2 000 characters", () => {
    const items = Array.from(
      { length: 120 },
      (_, i) => `Đơn vị số ${i + 1} chưa nộp báo cáo tổng kết năm học`,
    );
    const pieces = texts({ locale: "vi", blocks: [{ kind: "list", items }] });
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect([...piece].length).toBeLessThanOrEqual(zaloOaLimits.text);
    // No line is cut in the middle: each piece is whole bullets, and none is lost.
    const lines = pieces.flatMap((p) => p.split("\n"));
    expect(lines).toEqual(items.map((item) => `• ${item}`));
  });

  it("counts composed characters: decomposed Vietnamese is normalised before measuring", () => {
    const decomposed = "Khen thưởng".normalize("NFD");
    const [piece] = texts({ locale: "vi", blocks: [{ kind: "paragraph", text: decomposed }] });
    expect(piece).toBe("Khen thưởng".normalize("NFC"));
  });

  it("shortens a button title over 100 characters and keeps the choice id as its payload", () => {
    const label = "Danh sách các đơn vị trực thuộc chưa gửi hồ sơ ".repeat(4);
    const { messages } = renderZaloOaReply(
      {
        locale: "vi",
        blocks: [{ kind: "paragraph", text: "Bạn muốn xem gì?" }],
        choices: [{ id: "/y missing_units", label }],
      },
      t,
    );
    const button = messages[0]?.kind === "text" ? messages[0].buttons?.[0] : undefined;
    expect([...(button?.title ?? "")].length).toBe(zaloOaLimits.buttonTitle);
    expect(button?.title.endsWith("…")).toBe(true);
    expect(button?.payload).toBe("/y missing_units");
  });

  it("offers more choices than fit as buttons as a numbered list to answer by number", () => {
    const choices = Array.from({ length: 7 }, (_, i) => ({ id: `/y c${i}`, label: `Lựa chọn ${i + 1}` }));
    const { messages, numbered } = renderZaloOaReply(
      { locale: "vi", blocks: [{ kind: "paragraph", text: "Chọn một mục:" }], choices },
      t,
    );
    expect(numbered).toEqual(choices);
    expect(messages).toHaveLength(1);
    const message = messages[0];
    expect(message?.kind === "text" && message.buttons).toBeFalsy();
    expect(message?.kind === "text" ? message.text : "").toContain("7. Lựa chọn 7");
    expect(message?.kind === "text" ? message.text : "").toContain(
      t("platforms.chooseByNumber", { numbers: "1, 2, 3, 4, 5, 6, 7" }),
    );
  });
});
