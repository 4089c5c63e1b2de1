import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  addDays,
  createSubmission,
  type OutgoingReminder,
  type ReminderPayload,
  runReminderTick,
} from "../../../src/core/index.js";
import { engines, queryRows, useTestDatabase } from "../../support/engines.js";
import { defaultPolicy, seedHanoi } from "../../support/reminder-world.js";

// Rest days of 2023 written out by hand (not computed): Tết Quý Mão 21–25/01, Giỗ Tổ 29/04 (10/3
// lunar), 30/04, 01/05, Quốc khánh 02/09 and the day after, New Year's Day.
const holidays2023 = new Set([
  "2023-01-01",
  "2023-01-21",
  "2023-01-22",
  "2023-01-23",
  "2023-01-24",
  "2023-01-25",
  "2023-04-29",
  "2023-04-30",
  "2023-05-01",
  "2023-09-02",
  "2023-09-03",
]);
const isSunday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay() === 0;
const isRest = (day: string) => isSunday(day) || holidays2023.has(day);
const nextWorking = (day: string) => {
  let d = day;
  while (isRest(d)) d = addDays(d, 1);
  return d;
};
const localDay = (at: Date) => new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
const localMinutes = (at: Date) => {
  const t = new Date(at.getTime() + 7 * 3600_000);
  return t.getUTCHours() * 60 + t.getUTCMinutes();
};

/** The days a unit's focal person should be reminded of a task: 7, 3, 1 and 0 days before, then 1 after. */
function expectedDays(due: string): { kind: "reminder" | "overdue"; day: string }[] {
  const taken = new Set<string>();
  const out: { kind: "reminder" | "overdue"; day: string }[] = [];
  for (const n of [0, 1, 3, 7]) {
    const day = nextWorking(addDays(due, -n));
    if (day > due || taken.has(day)) continue;
    taken.add(day);
    out.push({ kind: "reminder", day });
  }
  const late = nextWorking(addDays(due, 1));
  if (!taken.has(late)) out.push({ kind: "overdue", day: late });
  return out;
}

interface Sent {
  at: Date;
  platform: string;
  chatId: string;
  payload: ReminderPayload;
}

describe.each(engines)("a school year of reminders from the Hà Nội plan 4582 (%s)", (engine) => {
  const fixture = useTestDatabase(engine);
  const sent: Sent[] = [];
  let world: Awaited<ReturnType<typeof seedHanoi>>;
  let tasks: { id: number; dueOn: string; responsible: string | null; text: string }[];
  let skipped = 0;
  let handedInTask = 0;
  let returnedTask = 0;

  beforeAll(async () => {
    const { db } = fixture.database;
    world = await seedHanoi(db);
    tasks = await queryRows(
      fixture.database,
      sql`select id, due_on as "dueOn", responsible, text from tasks where requires_submission and due_on is not null order by id`,
    );
    handedInTask = tasks.find((t) => t.text.startsWith("Gửi hồ sơ thi đua, báo cáo thành tích"))?.id ?? 0;
    returnedTask = tasks.find((t) => t.text.startsWith("Gửi báo cáo tự đánh giá"))?.id ?? 0;
    const policy = defaultPolicy();
    let now = new Date("2023-01-01T00:00:00Z");
    const deliver = async (m: OutgoingReminder) => {
      sent.push({ at: now, platform: m.platform, chatId: m.chatId, payload: m.payload });
      return { status: "sent" as const };
    };
    // Four ticks a day (the cron job runs every five minutes; these are the ones that matter and one
    // in the quiet hours), from New Year's Day to New Year's Eve.
    for (let day = "2023-01-01"; day <= "2023-12-31"; day = addDays(day, 1)) {
      if (day === "2023-05-20") {
        // Ba Đình hands in its dossier; Chu Văn An's self-assessment is returned for completion.
        await createSubmission(db, { taskId: handedInTask, unitId: world.badinh.id, status: "da_nop" });
        await createSubmission(db, {
          taskId: returnedTask,
          unitId: world.chuvanan.id,
          status: "can_bo_sung",
        });
      }
      for (const time of ["07:05", "08:05", "16:05", "22:30"]) {
        now = new Date(`${day}T${time}:00+07:00`);
        const report = await runReminderTick(db, policy, {
          now: () => now,
          sleep: async (ms) => {
            now = new Date(now.getTime() + ms);
          },
          deliver,
        });
        skipped += report.planner.skipped;
      }
    }
  }, 300_000); // a whole year of ticks: 1 460 planner and dispatcher passes against the database

  it("sends nothing at night, on Sundays or on public holidays, and misses no moment", () => {
    expect(sent.length).toBeGreaterThan(100);
    for (const s of sent) {
      expect(isRest(localDay(s.at)), localDay(s.at)).toBe(false);
      expect(localMinutes(s.at)).toBeGreaterThanOrEqual(7 * 60);
      expect(localMinutes(s.at)).toBeLessThan(21 * 60);
    }
    expect(skipped).toBe(0);
  });

  it("reminds every unit that owes a task on exactly the expected days, and no other", () => {
    const focal = (chatId: string) => ["focal-bd", "zalo-da", "focal-cva", "focal-kthn"].includes(chatId);
    const got = sent
      .filter((s) => focal(s.chatId) && (s.payload.kind === "reminder" || s.payload.kind === "overdue"))
      .map((s) => {
        const p = s.payload as Extract<ReminderPayload, { kind: "reminder" | "overdue" }>;
        return `${p.task.id} ${s.chatId} ${p.kind} ${localDay(s.at)}`;
      })
      .sort();
    // The audience, read from the plan's words as an officer would: Phòng GDĐT, and the units directly
    // under the Sở (THPT and trực thuộc) when "đơn vị trực thuộc" is named.
    const expected: string[] = [];
    for (const task of tasks) {
      const words = (task.responsible ?? "").toLowerCase();
      const chats = [
        ...(words.includes("phòng") ? ["focal-bd", "zalo-da"] : []),
        ...(words.includes("trực thuộc") ? ["focal-cva", "focal-kthn"] : []),
      ];
      for (const chat of chats)
        for (const { kind, day } of expectedDays(task.dueOn)) {
          if (task.id === handedInTask && chat === "focal-bd" && day >= "2023-05-20") continue;
          expected.push(`${task.id} ${chat} ${kind} ${day}`);
        }
    }
    expect(got).toEqual(expected.sort());
  });

  it("sends each message once, through the platform each person chose", () => {
    const keys = sent.map((s) => `${s.chatId} ${JSON.stringify(s.payload)}`);
    expect(new Set(keys).size).toBe(keys.length);
    const donganh = sent.filter((s) => "unit" in s.payload && s.payload.unit === world.donganh.name);
    expect(donganh.length).toBeGreaterThan(10);
    expect(donganh.every((s) => s.platform === "zalo-bot" && s.chatId === "zalo-da")).toBe(true);
  });

  it("tells the officer which units have not handed in, daily and at the deadline", () => {
    const toOfficer = sent.filter((s) => s.chatId === "officer-so");
    const report = toOfficer.find(
      (s) => s.payload.kind === "non_submitters" && s.payload.task.id === handedInTask,
    );
    expect(report && localDay(report.at)).toBe("2023-05-30");
    expect(report?.payload.kind === "non_submitters" && report.payload.missing.sort()).toEqual(
      [world.donganh.name, world.chuvanan.name, world.kthn.name].sort(),
    );
    const summary = toOfficer.find(
      (s) => s.payload.kind === "officer_summary" && localDay(s.at) === "2023-05-22",
    );
    expect(summary && localMinutes(summary.at)).toBe(16 * 60 + 5);
    const entry =
      summary?.payload.kind === "officer_summary"
        ? summary.payload.tasks.find((t) => t.task.id === handedInTask)
        : undefined;
    expect(entry?.missing).toContain(world.donganh.name);
    expect(entry?.missing).not.toContain(world.badinh.name);
    // Only on working days.
    for (const s of toOfficer) expect(isRest(localDay(s.at))).toBe(false);
  });

  it("sends each unit a Monday digest of the week's tasks it still owes", () => {
    const digests = sent.filter((s) => s.payload.kind === "digest" && localDay(s.at) === "2023-05-29");
    const of = (chat: string) => {
      const d = digests.find((s) => s.chatId === chat)?.payload;
      return d?.kind === "digest" ? d.tasks.map((t) => t.id).sort() : [];
    };
    expect(of("zalo-da")).toEqual([handedInTask, returnedTask].sort());
    expect(of("focal-bd")).toEqual([returnedTask]);
    // Planned for 07:30, sent by the first tick after it.
    expect(digests.every((s) => localMinutes(s.at) === 8 * 60 + 5)).toBe(true);
  });
});
