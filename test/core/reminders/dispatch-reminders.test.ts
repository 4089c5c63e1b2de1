import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import {
  backoffMs,
  createSubmission,
  type DeliveryOutcome,
  type DispatchOptions,
  dispatchReminders,
  type OutgoingReminder,
  pausePlanReminders,
  planReminders,
  retryDeadReminders,
} from "../../../src/core/index.js";
import { insertOutboxRows, reservePacingSlot } from "../../../src/core/storage/repositories/reminders.js";
import { engines, queryRows, type TestDatabase, useTestDatabase } from "../../support/engines.js";
import { defaultPolicy, seedHanoi, taskStarting } from "../../support/reminder-world.js";

interface Row {
  id: number;
  state: string;
  attempts: number;
  platform: string;
  lastError: string | null;
  nextAttemptAt: string | null;
}
const rows = (database: TestDatabase) =>
  queryRows<Row>(
    database,
    sql`select id, state, attempts, platform, last_error as "lastError", next_attempt_at as "nextAttemptAt"
        from reminder_outbox where kind <> 'notice' order by id`,
  );

/** A clock the test moves, and a sleep that moves it. */
function testClock(start: string) {
  let now = new Date(start);
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
  };
}

/** `count` digests (no task to check) queued now for the focal person on this chat account. */
async function queueDigests(database: TestDatabase, externalId: string, count: number, at: Date) {
  const [who] = await queryRows<{ id: number; personId: number; platform: string }>(
    database,
    sql`select id, person_id as "personId", platform from chat_identities where external_id = ${externalId}`,
  );
  if (!who) throw new Error(`no identity ${externalId}`);
  await insertOutboxRows(
    database.db,
    Array.from({ length: count }, (_, i) => ({
      idempotencyKey: `test:${externalId}:${i}`,
      kind: "digest" as const,
      personId: who.personId,
      identityId: who.id,
      platform: who.platform,
      payload: { kind: "digest", weekStart: "2023-05-22", tasks: [], unit: "" },
      dueAt: at,
    })),
  );
}

describe.each(engines)("the dispatcher (%s)", (engine) => {
  const fixture = useTestDatabase(engine);
  let database: TestDatabase;
  let clock: ReturnType<typeof testClock>;
  let delivered: OutgoingReminder[];
  const options = (
    deliver: DispatchOptions["deliver"],
    extra: Partial<DispatchOptions> = {},
  ): DispatchOptions => ({
    now: clock.now,
    sleep: clock.sleep,
    deliver,
    random: () => 0.5,
    ...extra,
  });
  const record = async (m: OutgoingReminder): Promise<DeliveryOutcome> => {
    delivered.push(m);
    return { status: "sent" };
  };

  beforeEach(async () => {
    database = fixture.database;
    await seedHanoi(database.db);
    clock = testClock("2023-05-22T01:05:00Z"); // 08:05 in Hà Nội, a Monday
    delivered = [];
  });

  it("plans each reminder once when two planners run at once, and nothing on a second pass", async () => {
    const policy = defaultPolicy();
    const [a, b] = await Promise.all([
      planReminders(database.db, policy, clock.now()),
      planReminders(database.db, policy, clock.now()),
    ]);
    const planned = await rows(database);
    expect(planned.length).toBeGreaterThan(4);
    expect(a.planned + b.planned).toBe(planned.length);
    expect((await planReminders(database.db, policy, clock.now())).planned).toBe(0);
  });

  it("sends each message once when two dispatchers claim at once", async () => {
    for (const chat of ["focal-bd", "focal-cva", "focal-kthn", "officer-so"])
      await queueDigests(database, chat, 10, clock.now());
    // Each delivery yields, so the two dispatchers' claims and sends interleave.
    const slowRecord = async (m: OutgoingReminder): Promise<DeliveryOutcome> => {
      await new Promise((resolve) => setImmediate(resolve));
      return record(m);
    };
    const noPace = { pacing: () => [] };
    const [first, second] = await Promise.all([
      dispatchReminders(database.db, options(slowRecord, noPace)),
      dispatchReminders(database.db, options(slowRecord, noPace)),
    ]);
    expect(first.sent + second.sent).toBe(40);
    expect(new Set(delivered.map((m) => m.id)).size).toBe(40);
    expect(delivered).toHaveLength(40);
    expect((await rows(database)).every((r) => r.state === "sent")).toBe(true);
  });

  it("keeps one chat to a message a second", async () => {
    await queueDigests(database, "focal-bd", 5, clock.now());
    const sentAt: number[] = [];
    const report = await dispatchReminders(
      database.db,
      options(async (m) => {
        sentAt.push(clock.now().getTime());
        return record(m);
      }),
    );
    expect(report.sent).toBe(5);
    for (let i = 1; i < sentAt.length; i++)
      expect((sentAt[i] ?? 0) - (sentAt[i - 1] ?? 0)).toBeGreaterThanOrEqual(1000);
  });

  it("puts a message off when other dispatchers have spent the chat's budget for longer than it waits", async () => {
    // Four messages reserved by another dispatcher a moment ago: the next slot is 4 s away.
    for (let i = 0; i < 4; i++) await reservePacingSlot(database.db, "telegram:focal-bd", clock.now(), 1000);
    await queueDigests(database, "focal-bd", 1, clock.now());
    const first = await dispatchReminders(database.db, options(record));
    expect(first).toMatchObject({ sent: 0, deferred: 1 });
    const [row] = await rows(database);
    expect(new Date(row?.nextAttemptAt ?? 0).getTime() - clock.now().getTime()).toBe(4000);
    clock.advance(4000);
    expect((await dispatchReminders(database.db, options(record))).sent).toBe(1);
  });

  it("absorbs a storm of 429s without losing or repeating a message", async () => {
    await queueDigests(database, "focal-bd", 3, clock.now());
    await queueDigests(database, "focal-cva", 3, clock.now());
    let refusals = 25;
    const stormy = async (m: OutgoingReminder): Promise<DeliveryOutcome> => {
      if (refusals-- > 0) return { status: "failed", error: "Too Many Requests", retryAfterMs: 3000 };
      return record(m);
    };
    for (let pass = 0; pass < 60 && delivered.length < 6; pass++) {
      await dispatchReminders(database.db, options(stormy));
      clock.advance(3000);
    }
    expect(delivered).toHaveLength(6);
    expect(new Set(delivered.map((m) => m.id)).size).toBe(6);
    const after = await rows(database);
    expect(after.every((r) => r.state === "sent" && r.attempts === 0)).toBe(true);
  });

  it("backs off after failures, gives up into the dead letters, and sends again when an officer asks", async () => {
    await queueDigests(database, "focal-bd", 1, clock.now());
    const waits: number[] = [];
    for (let pass = 0; pass < 5; pass++) {
      await dispatchReminders(
        database.db,
        options(async () => ({ status: "failed", error: "502 Bad Gateway" })),
      );
      const [row] = await rows(database);
      if (row?.nextAttemptAt && row.state === "pending")
        waits.push(new Date(row.nextAttemptAt).getTime() - clock.now().getTime());
      clock.advance(2 * 3600_000);
    }
    expect(waits).toEqual([1, 2, 3, 4].map((n) => backoffMs(n, () => 0.5)));
    expect(waits[3]).toBeGreaterThan(waits[0] ?? 0);
    const [dead] = await rows(database);
    expect(dead).toMatchObject({ state: "dead", attempts: 5, lastError: "502 Bad Gateway" });
    expect(await retryDeadReminders(database.db, clock.now())).toBe(1);
    expect((await dispatchReminders(database.db, options(record))).sent).toBe(1);
  });

  it("moves a message to the person's other account when one cannot be reached, else to the dead letters", async () => {
    await queueDigests(database, "zalo-da", 1, clock.now());
    await queueDigests(database, "focal-bd", 1, clock.now());
    const blocked = async (m: OutgoingReminder): Promise<DeliveryOutcome> =>
      m.platform === "zalo-bot" || m.chatId === "focal-bd"
        ? { status: "unreachable", error: "blocked" }
        : record(m);
    const report = await dispatchReminders(database.db, options(blocked));
    expect(report).toMatchObject({ sent: 1, rerouted: 1, dead: 1 });
    expect(delivered.map((m) => `${m.platform} ${m.chatId}`)).toEqual(["telegram focal-da"]);
    const dead = (await rows(database)).find((r) => r.state === "dead");
    expect(dead?.lastError).toMatch(/unreachable: telegram/);
  });

  it("tells the officers in their daily summary which units no reminder could reach", async () => {
    const policy = defaultPolicy();
    await planReminders(database.db, policy, clock.now());
    const blocked = async (m: OutgoingReminder): Promise<DeliveryOutcome> =>
      m.chatId === "focal-bd" ? { status: "unreachable", error: "blocked" } : record(m);
    await dispatchReminders(database.db, options(blocked));
    clock.advance(8 * 3600_000); // 16:05, after the summary's time
    await planReminders(database.db, policy, clock.now());
    const [summary] = await queryRows<{ payload: { undelivered: string[] } }>(
      database,
      sql`select payload from reminder_outbox where kind = 'officer_summary'`,
    );
    expect(summary?.payload.undelivered).toEqual(["Phòng GDĐT quận Ba Đình"]);
  });

  it("loses nothing when a dispatcher dies mid-send, and repeats at most the one in flight", async () => {
    await queueDigests(database, "focal-bd", 2, clock.now());
    await queueDigests(database, "focal-cva", 2, clock.now());
    // The first dispatcher delivers one message and dies before the platform's answer comes back.
    const dying = async (m: OutgoingReminder): Promise<DeliveryOutcome> => {
      delivered.push(m);
      return new Promise(() => {});
    };
    void dispatchReminders(database.db, options(dying, { pacing: () => [] }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(delivered).toHaveLength(1);
    // Another dispatcher, after the claim went stale.
    clock.advance(6 * 60_000);
    const report = await dispatchReminders(database.db, options(record, { pacing: () => [] }));
    expect(report.sent).toBe(4);
    const times = new Map<number, number>();
    for (const m of delivered) times.set(m.id, (times.get(m.id) ?? 0) + 1);
    expect([...times.values()].sort()).toEqual([1, 1, 1, 2]);
    expect((await rows(database)).every((r) => r.state === "sent")).toBe(true);
  });

  it("drops a reminder once its unit has handed in or its plan's reminders are paused", async () => {
    const policy = defaultPolicy();
    await planReminders(database.db, policy, clock.now());
    const dossier = await taskStarting(database, "Gửi hồ sơ thi đua, báo cáo thành tích");
    const [badinh] = await queryRows<{ id: number }>(database, sql`select id from units where code = 'BD'`);
    await createSubmission(database.db, { taskId: dossier, unitId: badinh?.id ?? 0, status: "da_nop" });
    const first = await dispatchReminders(database.db, options(record));
    expect(first.dropped).toBe(1);
    expect(
      delivered.some((m) => m.chatId === "focal-bd" && "task" in m.payload && m.payload.task.id === dossier),
    ).toBe(false);
    // Paused: a one-off queued later for the same plan is not sent.
    const [plan] = await queryRows<{ id: number }>(
      database,
      sql`select plan_id as id from tasks where id = ${dossier}`,
    );
    await pausePlanReminders(database.db, plan?.id ?? 0, clock.now());
    clock.advance(86_400_000);
    await planReminders(database.db, policy, clock.now());
    const later = await dispatchReminders(database.db, options(record));
    expect(later.sent).toBe(0);
  });
});
