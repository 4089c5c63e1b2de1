import { describe, expect, it } from "vitest";
import { renderSlackReply, slackLimits } from "../../src/adapters/slack/render-reply.js";
import { renderTelegramReply, telegramMessageLimit } from "../../src/adapters/telegram/render-reply.js";
import { renderZaloBotReply, zaloBotTextLimit } from "../../src/adapters/zalo-bot/render-reply.js";
import { renderZaloOaReply, zaloOaLimits } from "../../src/adapters/zalo-oa/render-reply.js";
import { createTranslator, type Reply, replyToPlainText } from "../../src/bot/index.js";

// One rich reply as the assistant composes it: a heading, a long list with dates and markup-like
// characters, a citation, three choices and a file. Every platform must carry all of it, within
// its own limits and escaping.
const items = Array.from(
  { length: 120 },
  (_, i) =>
    `${String((i % 28) + 1).padStart(2, "0")}/05/2023: Gửi hồ sơ <khen thưởng> & biên bản họp số ${i + 1} — “Trước ngày 30/5/2023”`,
);
const reply: Reply = {
  locale: "vi",
  blocks: [
    { kind: "heading", text: "Việc đến hạn từ 01/05/2023 đến 31/05/2023 <tháng 5>" },
    { kind: "list", items },
    { kind: "paragraph", text: "Theo 4582/KH-SGDĐT, phụ lục, dòng 16 (a < b & c > d)" },
  ],
  choices: [
    { id: "/han 16", label: "Hạn của dòng 16" },
    { id: "/hoso", label: "Hồ sơ gồm những gì" },
    { id: "hồ sơ gửi về địa chỉ email nào của phòng thi đua khen thưởng sở giáo dục", label: "Gửi về đâu" },
  ],
  files: [{ name: "trang-thai.csv", mimeType: "text/csv", data: new Uint8Array([104, 105]) }],
};
const t = createTranslator()("vi");
// What every rendering must still say: each list line's date and its own words.
const mustSay = ["01/05/2023", "30/5/2023", "4582/KH-SGDĐT, phụ lục, dòng 16", "biên bản họp số 120"];

describe("one neutral reply, rendered for every platform", () => {
  it("Telegram: HTML escaped, every message within 4096 characters, buttons under the last", () => {
    const { messages, files } = renderTelegramReply(reply);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      expect(m.text.length).toBeLessThanOrEqual(telegramMessageLimit);
      // Only our own tags; the text's < and > are entities.
      expect(m.text.replace(/<\/?b>/g, "")).not.toMatch(/[<>]/);
      expect(m.text).not.toMatch(/&(?!amp;|lt;|gt;)/);
    }
    expect(messages.slice(0, -1).every((m) => m.choices.length === 0)).toBe(true);
    expect(messages.at(-1)?.choices.map((c) => c.label)).toEqual(reply.choices?.map((c) => c.label));
    const all = messages.map((m) => m.text).join("\n");
    for (const words of mustSay) expect(all).toContain(words);
    expect(all).toContain("&lt;khen thưởng&gt; &amp; biên bản");
    expect(files.map((f) => f.name)).toEqual(["trang-thai.csv"]);
  });

  it("Slack: mrkdwn escaped, sections within 3000 characters, 50 blocks a message, buttons last", () => {
    const messages = renderSlackReply(reply);
    for (const m of messages) {
      expect(m.blocks.length).toBeLessThanOrEqual(slackLimits.blocksPerMessage);
      expect(m.text.length).toBeLessThanOrEqual(slackLimits.fallbackText);
      for (const block of m.blocks) {
        if (block.type === "section") {
          expect(block.text?.text.length).toBeLessThanOrEqual(slackLimits.sectionText);
          expect(block.text?.text).not.toMatch(/[<>]/);
        }
        if (block.type === "header")
          expect(block.text.text.length).toBeLessThanOrEqual(slackLimits.headerText);
      }
    }
    const last = messages.at(-1)?.blocks.at(-1);
    expect(last?.type).toBe("actions");
    if (last?.type !== "actions") return;
    expect(last.elements).toHaveLength(3);
    for (const button of last.elements) {
      if (button.type !== "button") throw new Error(`not a button: ${button.type}`);
      expect(button.text.text.length).toBeLessThanOrEqual(slackLimits.buttonText);
      expect((button.value ?? "").length).toBeLessThanOrEqual(slackLimits.buttonValue);
    }
    const all = JSON.stringify(messages.map((m) => m.blocks));
    for (const words of mustSay) expect(all).toContain(words);
    expect(all).toContain("&lt;khen thưởng&gt; &amp; biên bản");
  });

  it("Zalo Bot: plain text within 2000 characters, choices as a numbered list, the file named", () => {
    const texts = renderZaloBotReply(reply, t);
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(zaloBotTextLimit);
    const all = texts.join("\n");
    for (const words of mustSay) expect(all).toContain(words);
    // Plain text: the characters stay as typed, no markup and no entities.
    expect(all).toContain("<khen thưởng> & biên bản");
    expect(all).toMatch(/^1\. Hạn của dòng 16$/m);
    expect(all).toMatch(/^3\. Gửi về đâu$/m);
    expect(all).toContain("trang-thai.csv");
  });

  it("Zalo OA: texts within 2000 characters, three buttons with short titles, the file sent", () => {
    const { messages, numbered } = renderZaloOaReply(reply, t);
    expect(numbered).toBeNull();
    const texts = messages.flatMap((m) => (m.kind === "text" ? [m] : []));
    for (const m of texts) expect(m.text.length).toBeLessThanOrEqual(zaloOaLimits.text);
    const buttons = texts.flatMap((m) => m.buttons ?? []);
    expect(buttons.map((b) => b.payload)).toEqual(reply.choices?.map((c) => c.id));
    for (const b of buttons) expect(b.title.length).toBeLessThanOrEqual(zaloOaLimits.buttonTitle);
    const all = texts.map((m) => m.text).join("\n");
    for (const words of mustSay) expect(all).toContain(words);
    expect(messages.some((m) => m.kind === "file" && m.file.name === "trang-thai.csv")).toBe(true);
  });

  it("the console prints the same reply whole", () => {
    const text = replyToPlainText(reply);
    for (const words of mustSay) expect(text).toContain(words);
  });
});
