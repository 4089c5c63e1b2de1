import { afterEach, describe, expect, it, vi } from "vitest";
import { callbackDataFor, choiceIdOf } from "../../../src/adapters/telegram/choice-data.js";
import { withTyping } from "../../../src/adapters/typing.js";
import { memoryPlatformState } from "../../../src/core/index.js";

describe("withTyping", () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  const options = { after: 1000, every: 4500, onError: () => {} };

  it("sends no typing action for a quick answer", async () => {
    vi.useFakeTimers();
    const typing = vi.fn(async () => true);
    const answer = new Promise<string>((resolve) => setTimeout(() => resolve("xong"), 900));
    const done = withTyping(answer, typing, options);
    await vi.advanceTimersByTimeAsync(5000);
    expect(await done).toBe("xong");
    expect(typing).not.toHaveBeenCalled();
  });

  it("shows typing after a second, again every 4.5 s, and stops with the answer", async () => {
    vi.useFakeTimers();
    const typing = vi.fn(async () => true);
    const answer = new Promise<string>((resolve) => setTimeout(() => resolve("xong"), 7000));
    const done = withTyping(answer, typing, options);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(await done).toBe("xong");
    expect(typing).toHaveBeenCalledTimes(2); // at 1 s and 5.5 s
  });

  it("answers even when the typing action fails", async () => {
    vi.useFakeTimers();
    const errors: unknown[] = [];
    const answer = new Promise<string>((resolve) => setTimeout(() => resolve("xong"), 1500));
    const done = withTyping(answer, () => Promise.reject(new Error("429")), {
      ...options,
      onError: (e) => errors.push(e),
    });
    await vi.advanceTimersByTimeAsync(2000);
    expect(await done).toBe("xong");
    expect(errors).toHaveLength(1);
  });
});

describe("button callback data", () => {
  const state = memoryPlatformState({ now: () => new Date("2023-05-10T05:00:00Z") });

  it("carries a short choice id in the button and keeps a long one server-side", async () => {
    expect(await callbackDataFor(state, { id: "/han 12", label: "…" })).toBe("c:/han 12");
    const longId = "Hồ sơ đề nghị khen thưởng cuối năm học gồm những giấy tờ gì ạ?";
    const data = await callbackDataFor(state, { id: longId, label: "…" });
    expect(data).toMatch(/^k:[\w-]+$/);
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(await choiceIdOf(state, data)).toBe(longId);
    expect(await choiceIdOf(state, "c:/han 12")).toBe("/han 12");
    expect(await choiceIdOf(state, "k:unknown")).toBeUndefined();
    expect(await choiceIdOf(state, "something else")).toBeUndefined();
  });
});
