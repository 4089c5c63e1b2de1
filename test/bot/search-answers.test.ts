import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Assistant, createAssistant, replyToPlainText } from "../../src/bot/index.js";
import { createSchoolCalendar, fixedClock, importPlan, silentLogger } from "../../src/core/index.js";
import { testConfig } from "../support/config.js";
import { openTestDatabase, type TestDatabase } from "../support/engines.js";

const plansDir = new URL("../../../shared/plans/", import.meta.url);
const calendar = createSchoolCalendar();

describe("general questions quote the best passage of the plan they are about", () => {
  let database: TestDatabase;
  let assistant: Assistant;
  const now = fixedClock("2021-10-20").now();
  const ask = async (text: string) =>
    replyToPlainText(
      await assistant.handle(
        { platform: "test", userId: "u", chatId: "u", text, receivedAt: now },
        { viewer: { role: "officer" }, locale: "vi" },
      ),
    );

  beforeAll(async () => {
    database = await openTestDatabase("pglite");
    for (const file of ["003_dc7a978b8978f047.txt", "004_16f22e57a68bc53a.txt"]) {
      const bytes = new Uint8Array(readFileSync(new URL(file, plansDir)));
      await importPlan(
        database.db,
        { name: file, bytes },
        { calendar, clock: fixedClock("2021-01-01"), publish: true },
      );
    }
    assistant = createAssistant({
      db: database.db,
      clock: { now: () => now },
      config: testConfig(),
      log: silentLogger(),
      calendar,
    });
  });
  afterAll(() => database.drop());

  it("sets aside the words of the plan's title when the question names the plan", async () => {
    // Every section of the anti-epidemic plan speaks of "phong trào thi đua … chống dịch".
    const text = await ask("Hình thức khen thưởng của phong trào chống dịch là gì?");
    expect(text).toContain("Hình thức khen thưởng");
    expect(text).toContain("Huân chương Lao động");
    expect(text).toContain("Giấy khen của Sở Giáo dục và Đào tạo Hà Nội");
  });
});
