import { readFileSync } from "node:fs";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import {
  type Answer,
  type Assistant,
  createAssistant,
  type Locale,
  replyToPlainText,
  type Viewer,
} from "../../src/bot/index.js";
import { createSchoolCalendar, type Db, fixedClock, importPlan, silentLogger } from "../../src/core/index.js";
import { testConfig } from "./config.js";
import { type Engine, openTestDatabase, type TestDatabase, useTestDatabase } from "./engines.js";

const plansDir = new URL("../../../shared/plans/", import.meta.url);
export const calendar = createSchoolCalendar();

/** Imports and publishes sample plans from ../shared/plans. */
export async function publishPlans(db: Db, files: string[]): Promise<void> {
  for (const file of files) {
    const bytes = new Uint8Array(readFileSync(new URL(file, plansDir)));
    await importPlan(db, { name: file, bytes }, { calendar, clock: fixedClock("2000-01-01"), publish: true });
  }
}

export interface AskOptions {
  /** Answer as the person at a terminal seen as this viewer (the console, `thidua ask`). */
  viewer?: Viewer;
  /** Answer as this chat account instead, with whatever roles it is linked to. */
  userId?: string;
  locale?: Locale;
  /** The moment of the message (ISO); by default noon of `today`. */
  at?: string;
}

export interface PlansFixture {
  database: TestDatabase;
  /** Asks one question on a day and returns the reading with the reply as text. */
  ask(text: string, today: string, options?: AskOptions): Promise<Answer & { text: string }>;
}

/**
 * A database with sample plans published (and whatever `seed` adds), and assistants over it. With
 * `each`, every test gets its own; otherwise the tests of the describe block share one they must not
 * change.
 */
export function usePlansFixture(options: {
  plans: string[];
  engine?: Engine;
  seed?: (db: Db) => Promise<void>;
  each?: boolean;
}): PlansFixture {
  let now = new Date();
  const assistants = new Map<string, Assistant>();
  const fixture: PlansFixture = {
    database: undefined as unknown as TestDatabase, // set before any test runs
    async ask(text, today, { viewer, userId, locale = "vi", at } = {}) {
      now = at ? new Date(at) : fixedClock(today).now();
      const key = userId ? "chat" : JSON.stringify(viewer ?? { role: "officer" });
      let assistant = assistants.get(key);
      if (!assistant) {
        assistant = createAssistant({
          db: fixture.database.db,
          clock: { now: () => now },
          config: testConfig(),
          log: silentLogger(),
          calendar,
          ...(userId ? {} : { session: { viewer: viewer ?? { role: "officer" } } }),
        });
        assistants.set(key, assistant);
      }
      const answer = await assistant.understand({
        platform: "test",
        userId: userId ?? "terminal",
        chatId: userId ?? "terminal",
        text,
        locale,
        receivedAt: now,
      });
      return { ...answer, text: replyToPlainText(answer.reply) };
    },
  };
  const seed = async () => {
    await publishPlans(fixture.database.db, options.plans);
    await options.seed?.(fixture.database.db);
  };
  const open = async () => {
    fixture.database = await openTestDatabase(options.engine ?? "pglite");
    await seed();
  };
  const settle = async () => {
    for (const assistant of assistants.values()) await assistant.settled();
    assistants.clear();
  };
  const close = async () => {
    await settle();
    await fixture.database.drop();
  };
  if (options.each) {
    // One engine for the block, emptied and seeded again before each test.
    const emptied = useTestDatabase(options.engine ?? "pglite");
    beforeEach(async () => {
      fixture.database = emptied.database;
      await seed();
    });
    afterEach(settle);
  } else {
    beforeAll(open);
    afterAll(close);
  }
  return fixture;
}
