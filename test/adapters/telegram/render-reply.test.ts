import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderTelegramReply } from "../../../src/adapters/telegram/render-reply.js";
import type { Reply } from "../../../src/bot/index.js";
import { htmlProblem, visibleText } from "../../support/fakes/telegram-html.js";

const reply = (blocks: Reply["blocks"], extra: Partial<Reply> = {}): Reply => ({
  locale: "vi",
  blocks,
  ...extra,
});

describe("renderTelegramReply", () => {
  it("escapes HTML, bolds headings and lists items with bullets", () => {
    const { messages } = renderTelegramReply(
      reply([
        { kind: "heading", text: "Hạn nộp <tháng 5>" },
        { kind: "paragraph", text: "Hồ sơ gồm: tờ trình & biên bản" },
        { kind: "list", items: ["Tờ trình", "Biên bản họp <Hội đồng>"] },
      ]),
    );
    expect(messages).toEqual([
      {
        text: "<b>Hạn nộp &lt;tháng 5&gt;</b>\nHồ sơ gồm: tờ trình &amp; biên bản\n\n• Tờ trình\n• Biên bản họp &lt;Hội đồng&gt;",
        choices: [],
      },
    ]);
  });

  it("puts the choices on the last message only and keeps the files apart", () => {
    const data = new Uint8Array([1, 2, 3]);
    const rendered = renderTelegramReply(
      reply([{ kind: "list", items: Array.from({ length: 30 }, (_, i) => `Việc số ${i + 1}`) }], {
        choices: [{ id: "/han 3", label: "Việc số 3" }],
        files: [{ name: "a.csv", mimeType: "text/csv", data }],
      }),
      100,
    );
    expect(rendered.messages.length).toBeGreaterThan(1);
    expect(rendered.messages.map((m) => m.choices.length)).toEqual(
      rendered.messages.map((_, i) => (i === rendered.messages.length - 1 ? 1 : 0)),
    );
    expect(rendered.files).toEqual([{ name: "a.csv", mimeType: "text/csv", data }]);
  });

  it("cuts a line longer than a message without breaking an entity or a tag", () => {
    const heading = "Tờ trình & biên bản <kèm theo> ".repeat(20);
    const { messages } = renderTelegramReply(reply([{ kind: "heading", text: heading }]), 50);
    expect(messages.length).toBeGreaterThan(10);
    for (const { text } of messages) {
      expect(text.length).toBeLessThanOrEqual(50);
      expect(htmlProblem(text)).toBeNull();
      expect(text.startsWith("<b>") && text.endsWith("</b>")).toBe(true);
    }
    expect(messages.map((m) => visibleText(m.text)).join("")).toBe(heading);
  });

  it("keeps every message within the limit, valid, and the text whole, whatever the reply", () => {
    const text = fc.string({
      unit: fc.constantFrom("a", "ệ", " ", "&", "<", ">", "\n", "😀"),
      maxLength: 300,
    });
    const block = fc.oneof(
      fc.record({ kind: fc.constant("heading" as const), text }),
      fc.record({ kind: fc.constant("paragraph" as const), text }),
      fc.record({ kind: fc.constant("list" as const), items: fc.array(text, { maxLength: 5 }) }),
    );
    fc.assert(
      fc.property(fc.array(block, { maxLength: 6 }), fc.integer({ min: 40, max: 400 }), (blocks, limit) => {
        const { messages } = renderTelegramReply(reply(blocks), limit);
        const words = (s: string) => s.split(/\s+/).join("");
        for (const m of messages) {
          expect(m.text.length).toBeLessThanOrEqual(limit);
          expect(htmlProblem(m.text)).toBeNull();
          expect(m.text.trim()).not.toBe("");
        }
        const sent = words(messages.map((m) => visibleText(m.text)).join(""));
        const meant = words(
          blocks.map((b) => (b.kind === "list" ? b.items.map((i) => `• ${i}`).join("") : b.text)).join(""),
        );
        expect(sent).toBe(meant);
      }),
      { numRuns: 200 },
    );
  });
});
