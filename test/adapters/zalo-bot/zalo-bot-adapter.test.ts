import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createZaloBotAdapter } from "../../../src/adapters/zalo-bot/zalo-bot-adapter.js";
import {
  type Assistant,
  createTranslator,
  type IncomingMessage,
  type Reply,
} from "../../../src/bot/index.js";
import { fixedClock, memoryPlatformState, silentLogger } from "../../../src/core/index.js";
import { startZaloBotFake, type ZaloBotFake, zaloEvent } from "../../support/fakes/zalo-bot-fake.js";

const token = "42:adapterUnitToken";
const clock = fixedClock("2023-05-10");

describe("Zalo Bot adapter in polling mode, over the in-memory platform state", () => {
  let fake: ZaloBotFake;
  const stops: (() => Promise<void>)[] = [];

  beforeEach(async () => {
    fake = await startZaloBotFake(token);
  });
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
    await fake.close();
  });

  /** The adapter over an assistant whose canned answers take `delayMs`: only the adapter's timing is measured. */
  async function startAdapter(delayMs: number, state = memoryPlatformState({ now: () => clock.now() })) {
    const translator = createTranslator();
    const handle = async (message: IncomingMessage): Promise<Reply> => {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return { locale: "vi", blocks: [{ kind: "paragraph", text: `Đã nhận: ${message.text}` }] };
    };
    const assistant: Assistant = {
      handle,
      understand: async (message) => ({ intent: "unknown", period: null, reply: await handle(message) }),
      warmUp: async () => {},
      greeting: (locale = "vi") => ({ locale, blocks: [{ kind: "paragraph", text: "Xin chào" }] }),
      translate: (locale = "vi") => translator(locale),
      settled: async () => {},
      reminderReply: () => ({ locale: "vi", blocks: [] }),
    };
    const tracked: Promise<unknown>[] = [];
    const adapter = createZaloBotAdapter(
      {
        assistant,
        state,
        now: () => clock.now(),
        log: silentLogger(),
        track: (work) => tracked.push(work),
        publicUrl: undefined,
      },
      { token, mode: "polling", webhookSecret: undefined, apiRoot: fake.url },
    );
    expect(adapter.routes).toEqual([]);
    await adapter.start();
    stops.push(async () => {
      await adapter.stop();
      await Promise.all(tracked);
    });
  }

  const methods = () => fake.calls.map((c) => c.method).filter((m) => m !== "getUpdates");

  it("shows typing before a slow answer, then the answer", async () => {
    await startAdapter(600);
    fake.queueUpdate(zaloEvent("zl-slow", "hạn nộp hồ sơ cuối năm"));
    await vi.waitFor(() => expect(fake.textsTo("zl-slow")).toHaveLength(1), { timeout: 3000 });
    expect(methods()).toEqual(["getMe", "deleteWebhook", "sendChatAction", "sendMessage"]);
    expect(fake.callsOf("sendChatAction")[0]?.params).toEqual({ chat_id: "zl-slow", action: "typing" });
  });

  it("answers a quick question without a typing action", async () => {
    await startAdapter(0);
    fake.queueUpdate(zaloEvent("zl-quick", "chào bạn"));
    await vi.waitFor(() => expect(fake.textsTo("zl-quick")).toHaveLength(1), { timeout: 3000 });
    expect(methods()).toEqual(["getMe", "deleteWebhook", "sendMessage"]);
    expect(fake.textsTo("zl-quick")).toEqual(["Đã nhận: chào bạn"]);
  });

  it("answers at start an update a stopped process had acknowledged but not answered", async () => {
    // Claimed yesterday by the process that stopped.
    const state = memoryPlatformState({ now: () => new Date("2023-05-09T16:00:00+07:00") });
    const left = zaloEvent("zl-left", "còn câu hỏi hôm qua");
    await state.claimUpdate("zalo-bot", left.message?.message_id ?? "", left);
    await startAdapter(0, state);
    expect(fake.textsTo("zl-left")).toEqual(["Đã nhận: còn câu hỏi hôm qua"]);
    expect(await state.unfinishedUpdates("zalo-bot", new Date("2100-01-01"))).toEqual([]);
  });
});
