import { describe, expect, inject, it } from "vitest";
import type { ChatContext } from "../../src/bot/chat-memory.js";
import { isFresh, planTurn } from "../../src/bot/dialogue.js";
import { createMessageReader } from "../../src/bot/understanding/read-message.js";
import { createSchoolCalendar } from "../../src/core/index.js";

const reader = createMessageReader({ calendar: createSchoolCalendar(), cacheDir: inject("modelCacheDir") });
const read = (text: string) => reader.read(text, "2024-03-13");
const asked: ChatContext = {
  at: "2024-03-13T02:00:00.000Z",
  intent: "requirements_of",
  period: null,
  topic: "hồ sơ sáng kiến cấp huyện",
  planId: 4,
  taskId: 17,
};

describe("planTurn leans on the last question", () => {
  it("continues the last question with what a follow-up changes", () => {
    const turn = planTurn(read("thế còn hồ sơ Chiến sĩ thi đua?"), asked);
    expect(turn.intent).toBe("requirements_of");
    expect(turn.topic).toContain("chiến sĩ thi đua");
    expect(turn.focus).toBeUndefined();
  });

  it("keeps the subject and the task when a follow-up only changes the time", () => {
    const due = { ...asked, intent: "due_in_period", period: { start: "2024-03-01", end: "2024-03-31" } };
    const turn = planTurn(read("còn tháng 4?"), due);
    expect(turn.intent).toBe("due_in_period");
    expect(turn.period).toEqual({ start: "2024-04-01", end: "2024-04-30" });
    expect(turn.topic).toBe(asked.topic);
  });

  it("lets a message that refers back take the subject and task asked about", () => {
    const turn = planTurn(read("cái đó nộp qua email nào"), asked);
    expect(turn.intent).toBe("where_to_submit");
    expect(turn.topic).toContain("hồ sơ sáng kiến cấp huyện");
    expect(turn.focus).toEqual({ planId: 4, taskId: 17 });
  });

  it("starts afresh on a clear new question", () => {
    const turn = planTurn(read("ai phụ trách thi đua mầm non"), asked);
    expect(turn.intent).toBe("contact");
    expect(turn.topic).not.toContain("sáng kiến");
  });

  it("forgets a context older than fifteen minutes", () => {
    expect(isFresh(asked, new Date("2024-03-13T02:14:00.000Z"))).toBe(true);
    expect(isFresh(asked, new Date("2024-03-13T02:16:00.000Z"))).toBe(false);
    expect(isFresh(null, new Date())).toBe(false);
  });
});
