import { describe, expect, it } from "vitest";
import {
  renderSlackReply,
  type SlackMessage,
  slackLimits,
} from "../../../src/adapters/slack/render-reply.js";
import type { Reply } from "../../../src/bot/index.js";

type AnyBlock = { type: string; text?: { type: string; text: string }; elements?: Button[] };
type Button = { action_id: string; value: string; text: { text: string } };

const blocksOf = (message: SlackMessage | undefined): AnyBlock[] =>
  JSON.parse(JSON.stringify(message?.blocks ?? []));

describe("a neutral reply as Slack Block Kit", () => {
  it("escapes mrkdwn, makes the heading a header block and lists bullet lines", () => {
    const reply: Reply = {
      locale: "vi",
      blocks: [
        { kind: "heading", text: "Hạn nộp <tháng 10> & 11" },
        { kind: "paragraph", text: "Nộp cho <b>Phòng</b> & Sở" },
        { kind: "list", items: ["Tờ trình (bản chính)", "Bảng điểm > 90"] },
      ],
    };
    const [message, extra] = renderSlackReply(reply);
    expect(extra).toBeUndefined();
    const blocks = blocksOf(message);
    expect(blocks[0]).toEqual({
      type: "header",
      text: { type: "plain_text", text: "Hạn nộp <tháng 10> & 11", emoji: true },
    });
    expect(blocks[1]?.text).toEqual({ type: "mrkdwn", text: "Nộp cho &lt;b&gt;Phòng&lt;/b&gt; &amp; Sở" });
    expect(blocks[2]?.text?.text).toBe("• Tờ trình (bản chính)\n• Bảng điểm &gt; 90");
    expect(message?.text).toBe(
      "Hạn nộp &lt;tháng 10&gt; &amp; 11\nNộp cho &lt;b&gt;Phòng&lt;/b&gt; &amp; Sở\n• Tờ trình (bản chính)\n• Bảng điểm &gt; 90",
    );
  });

  it("makes a heading over 150 characters a bold section instead", () => {
    const long = `Kế hoạch ${"rất dài ".repeat(30)}`.trim();
    const [block] = blocksOf(
      renderSlackReply({ locale: "vi", blocks: [{ kind: "heading", text: long }] })[0],
    );
    expect(block).toEqual({ type: "section", text: { type: "mrkdwn", text: `*${long}*` } });
  });

  it("splits long text into sections of at most 3000 characters on line boundaries", () => {
    const line = "Hồ sơ gồm tờ trình, biên bản họp xét và bảng tổng hợp thành tích của đơn vị.";
    const text = Array.from({ length: 120 }, (_, i) => `${i + 1}. ${line}`).join("\n");
    const blocks = blocksOf(renderSlackReply({ locale: "vi", blocks: [{ kind: "paragraph", text }] })[0]);
    expect(blocks.length).toBeGreaterThan(2);
    for (const block of blocks) {
      expect(block.text?.text.length).toBeLessThanOrEqual(slackLimits.sectionText);
      expect(block.text?.text.endsWith(".")).toBe(true);
    }
    expect(blocks.map((b) => b.text?.text).join("\n")).toBe(text);
  });

  it("keeps every message within 50 blocks and puts the buttons on the last one", () => {
    const blocks = Array.from({ length: 60 }, (_, i) => ({
      kind: "paragraph" as const,
      text: `Mục ${i + 1}`,
    }));
    const choices = [{ id: "/han 1", label: "Hạn nộp hồ sơ" }];
    const messages = renderSlackReply({ locale: "vi", blocks, choices });
    expect(messages).toHaveLength(2);
    for (const message of messages)
      expect(message.blocks.length).toBeLessThanOrEqual(slackLimits.blocksPerMessage);
    expect(blocksOf(messages[1]).at(-1)?.type).toBe("actions");
    expect(blocksOf(messages[0]).some((b) => b.type === "actions")).toBe(false);
  });

  it("makes choices buttons: 25 to an actions block, text within 75 characters, value the choice id", () => {
    const choices = Array.from({ length: 30 }, (_, i) => ({
      id: `/han ${i + 1}`,
      label: `Việc số ${i + 1}`,
    }));
    choices[0] = { id: "/danop 7", label: "Nộp hồ sơ đề nghị khen thưởng ".repeat(5) };
    choices[1] = { id: `/y ${"x".repeat(2100)}`, label: "Dài" };
    const blocks = blocksOf(
      renderSlackReply({ locale: "vi", blocks: [{ kind: "paragraph", text: "Chọn:" }], choices })[0],
    );
    const actions = blocks.filter((b) => b.type === "actions");
    expect(actions.map((a) => a.elements?.length)).toEqual([25, 5]);
    const buttons = actions.flatMap((a) => a.elements ?? []);
    expect(buttons[0]?.text.text.length).toBeLessThanOrEqual(slackLimits.buttonText);
    expect(buttons[0]?.text.text.endsWith("…")).toBe(true);
    expect(buttons[0]?.value).toBe("/danop 7");
    expect(buttons[1]?.value.length).toBe(slackLimits.buttonValue);
    expect(buttons.map((b) => b.action_id)).toEqual(choices.map((_, i) => `choice:${i + 1}`));
  });
});
