import { createAssistant, type LocalSession, replyToPlainText } from "../../src/bot/index.js";
import { createSchoolCalendar, fixedClock, importPlan, silentLogger } from "../../src/core/index.js";
import { testConfig } from "./config.js";
import type { TestDatabase } from "./engines.js";

/**
 * Publishes a plan written in a test (our own text) and returns how to ask about it on `today`, as the
 * session's viewer: each question gets the intent read and the reply as plain text.
 */
export async function askOwnPlan(
  database: TestDatabase,
  plan: string,
  options: { today: string; viewer: LocalSession["viewer"] },
) {
  const calendar = createSchoolCalendar();
  const clock = fixedClock(options.today);
  await importPlan(
    database.db,
    { name: "kh.txt", bytes: new TextEncoder().encode(plan) },
    { calendar, clock, publish: true },
  );
  const assistant = createAssistant({
    db: database.db,
    clock,
    config: testConfig(),
    log: silentLogger(),
    calendar,
    session: { viewer: options.viewer },
  });
  return async (text: string) => {
    const answer = await assistant.understand({
      platform: "test",
      userId: "t",
      chatId: "t",
      text,
      receivedAt: clock.now(),
    });
    // The chat's context is written after the reply: done before the next test empties the tables.
    await assistant.settled();
    return { intent: answer.intent, text: replyToPlainText(answer.reply) };
  };
}
