import { describe, expect, it } from "vitest";
import { nextLunarNewYear } from "../../../src/core/index.js";

describe("nextLunarNewYear", () => {
  it("is this year's Tết until its first day, then next year's", () => {
    expect(nextLunarNewYear("2023-01-05")).toBe("2023-01-22");
    expect(nextLunarNewYear("2023-01-22")).toBe("2023-01-22");
    expect(nextLunarNewYear("2023-01-23")).toBe("2024-02-10");
    expect(nextLunarNewYear("2025-12-31")).toBe("2026-02-17");
  });

  it("knows no Tết beyond its table", () => {
    expect(nextLunarNewYear("2030-06-01")).toBeUndefined();
  });
});
