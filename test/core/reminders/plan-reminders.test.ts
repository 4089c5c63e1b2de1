import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import {
  overrideReminderPolicy,
  type PlannedMessage,
  planReminders,
  previewReminders,
  ThiduaError,
} from "../../../src/core/index.js";
import { engines, queryRows, type TestDatabase, useTestDatabase } from "../../support/engines.js";
import { defaultPolicy, seedHanoi, taskStarting } from "../../support/reminder-world.js";

const hanoi = (local: string) => new Date(`${local}+07:00`);
/** "dd/mm hh:mm" of a message's moment in Hà Nội, with its kind and chat account. */
const shown = (m: PlannedMessage) => {
  const t = new Date(m.moment.getTime() + 7 * 3600_000).toISOString();
  return `${t.slice(8, 10)}/${t.slice(5, 7)} ${t.slice(11, 16)} ${m.kind}`;
};

describe.each(engines)("the planner (%s)", (engine) => {
  const fixture = useTestDatabase(engine);
  let database: TestDatabase;
  let dossier: number;
  let selfAssessment: number;
  const policy = defaultPolicy();
  const forTask = (messages: PlannedMessage[], taskId: number, chat = "Phòng GDĐT quận Ba Đình") =>
    messages.filter((m) => m.taskId === taskId && "unit" in m.payload && m.payload.unit === chat).map(shown);

  beforeEach(async () => {
    database = fixture.database;
    await seedHanoi(database.db);
    dossier = await taskStarting(database, "Gửi hồ sơ thi đua, báo cáo thành tích");
    selfAssessment = await taskStarting(database, "Gửi báo cáo tự đánh giá");
  });

  it("plans after downtime what is still within the window, and records the rest as skipped, never sent", async () => {
    // The service was down on Monday morning; it comes back at 18:00 (10 hours after 08:00).
    const back = await planReminders(database.db, policy, hanoi("2023-05-22T18:00:00"));
    expect(back.planned).toBeGreaterThan(0);
    expect(back.skipped).toBe(0);
    // Down again from Thursday evening to Saturday noon: Friday's 08:00 reminders are 28 hours old.
    const late = await planReminders(database.db, policy, hanoi("2023-05-27T12:00:00"));
    expect(late.skipped).toBeGreaterThan(0);
    const states = await queryRows<{ state: string; n: number }>(
      database,
      sql`select state, count(*)::int as n from reminder_outbox where due_at = ${hanoi("2023-05-26T08:00:00").toISOString()} group by state`,
    );
    expect(states).toEqual([{ state: "skipped", n: expect.any(Number) }]);
    expect(late.skipped).toBeGreaterThanOrEqual(states[0]?.n ?? Number.POSITIVE_INFINITY);
    // Counted once: a later pass records nothing more.
    expect((await planReminders(database.db, policy, hanoi("2023-05-27T12:05:00"))).skipped).toBe(0);
  });

  it("follows a plan's own days and a task's own time, as an officer set them", async () => {
    const [plan] = await queryRows<{ id: number }>(database, sql`select id from plans`);
    await overrideReminderPolicy(database.db, { planId: plan?.id ?? 0 }, { daysBefore: [2] });
    await overrideReminderPolicy(
      database.db,
      { taskId: selfAssessment },
      { daysBefore: [10, 2], at: "09:30" },
    );
    const coming = await previewReminders(database.db, policy, hanoi("2023-05-15T00:00:00"), 20);
    // 27/05 is a Saturday (a working day for reminders); the overdue notice keeps the office's time.
    expect(forTask(coming, dossier)).toEqual(["27/05 08:00 reminder", "30/05 08:00 overdue"]);
    expect(forTask(coming, selfAssessment)).toEqual([
      "19/05 09:30 reminder",
      "27/05 09:30 reminder",
      "30/05 09:30 overdue",
    ]);
    await expect(overrideReminderPolicy(database.db, { taskId: dossier }, { at: "25:00" })).rejects.toThrow(
      ThiduaError,
    );
    await expect(
      overrideReminderPolicy(database.db, { taskId: 999_999 }, { daysBefore: [1] }),
    ).rejects.toThrow(/no task/);
  });

  it("moves what falls on a Sunday, a holiday or at night to the next working morning, never past the due date", async () => {
    // Due on Sunday 04/06/2023: the day's own reminder would come after it, so the overdue notice goes.
    await database.db.execute(sql`update tasks set due_on = '2023-06-04' where id = ${dossier}`);
    // Due on Tuesday 02/05/2023, after 29/04–01/05 (Giỗ Tổ, 30/4, 1/5) and Sunday 30/04.
    await database.db.execute(sql`update tasks set due_on = '2023-05-02' where id = ${selfAssessment}`);
    // Set for 06:00, inside the quiet hours: each goes at 07:00 instead.
    await overrideReminderPolicy(
      database.db,
      { taskId: selfAssessment },
      { daysBefore: [7, 3, 1, 0], at: "06:00" },
    );
    const coming = await previewReminders(database.db, policy, hanoi("2023-04-20T00:00:00"), 50);
    expect(forTask(coming, dossier)).toEqual([
      "29/05 07:00 reminder", // 7 days before is Sunday 28/05
      "01/06 08:00 reminder",
      "03/06 08:00 reminder",
      "05/06 08:00 overdue",
    ]);
    // 3 and 1 days before fall on 29/04 and 01/05, both moved to 02/05, where the day's own reminder is kept.
    expect(forTask(coming, selfAssessment)).toEqual([
      "25/04 07:00 reminder",
      "02/05 07:00 reminder",
      "03/05 07:00 overdue",
    ]);
  });

  it("deletes what was sent or skipped two months ago, and keeps the dead letters", async () => {
    await planReminders(database.db, policy, hanoi("2023-05-22T08:05:00"));
    await database.db.execute(sql`update reminder_outbox set state = 'sent'`);
    await database.db.execute(
      sql`update reminder_outbox set state = 'dead' where id = (select min(id) from reminder_outbox)`,
    );
    await planReminders(database.db, policy, hanoi("2023-07-25T08:05:00"));
    const may = await queryRows<{ state: string }>(
      database,
      sql`select state from reminder_outbox where due_at < ${hanoi("2023-06-01T00:00:00").toISOString()}`,
    );
    expect(may).toEqual([{ state: "dead" }]);
  });
});
