import { createAssistant, replyToPlainText } from "../../src/bot/index.js";
import {
  createSchoolCalendar,
  createUnit,
  fixedClock,
  importPlan,
  silentLogger,
  type UnitKind,
} from "../../src/core/index.js";
import { testConfig } from "./config.js";
import type { TestDatabase } from "./engines.js";
import { seatPerson } from "./people.js";

/**
 * Publishes a plan written in a test (our own text), seats a focal person (or the officer the unit
 * says) at each unit given, under the unit named as its parent, and returns how to ask on `today` as
 * the person of a unit, named by its code: the reply as plain text.
 */
export async function askAsSeated(
  database: TestDatabase,
  plan: string,
  options: {
    today: string;
    units: readonly { code: string; name: string; kind: UnitKind; parent?: string; role?: "officer" }[];
  },
) {
  const calendar = createSchoolCalendar();
  const clock = fixedClock(options.today);
  const db = database.db;
  await importPlan(
    db,
    { name: "kh.txt", bytes: new TextEncoder().encode(plan) },
    { calendar, clock, publish: true },
  );
  const ids = new Map<string, number>();
  for (const { parent, role, ...unit } of options.units) {
    const created = await createUnit(db, { ...unit, parentId: parent ? ids.get(parent) : undefined });
    ids.set(unit.code, created.id);
    await seatPerson(db, { platform: "test", externalId: unit.code }, role ?? "focal", created.id);
  }
  const assistant = createAssistant({ db, clock, config: testConfig(), log: silentLogger(), calendar });
  const understood = async (code: string, text: string) => {
    const answer = await assistant.understand({
      platform: "test",
      userId: code,
      chatId: code,
      text,
      receivedAt: clock.now(),
    });
    // The chat's context is written after the reply: done before the next test empties the tables.
    await assistant.settled();
    return { intent: answer.intent, text: replyToPlainText(answer.reply) };
  };
  const ask = async (code: string, text: string) => (await understood(code, text)).text;
  /** The reply with the intent it was answered as. */
  ask.understood = understood;
  return ask;
}
