import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { type Assistant, createAssistant, replyToPlainText } from "../../src/bot/index.js";
import {
  dispatchReminders,
  type OutgoingReminder,
  planReminders,
  type ReminderPayload,
  silentLogger,
} from "../../src/core/index.js";
import { testConfig } from "../support/config.js";
import { engines, queryRows, type TestDatabase, useTestDatabase } from "../support/engines.js";
import { calendar } from "../support/plans-fixture.js";
import { defaultPolicy, seedHanoi, taskStarting } from "../support/reminder-world.js";

interface OutboxLine {
  id: number;
  kind: string;
  state: string;
  platform: string;
  dueAt: string;
  payload: ReminderPayload;
  chatId: string;
}
const outbox = (database: TestDatabase) =>
  queryRows<OutboxLine>(
    database,
    sql`select o.id, o.kind, o.state, o.platform, o.due_at as "dueAt", o.payload, i.external_id as "chatId"
        from reminder_outbox o join chat_identities i on i.id = o.identity_id order by o.id`,
  );

describe.each(engines)("reminders in chat: buttons and commands (%s)", (engine) => {
  const fixture = useTestDatabase(engine);
  let database: TestDatabase;
  let assistant: Assistant;
  let now: Date;
  let dossierTask: number;
  const say = async (userId: string, text: string, platform = "telegram") => {
    const answer = await assistant.understand({ platform, userId, chatId: userId, text, receivedAt: now });
    // The chat's context is written after the reply: done before the next test empties the tables.
    await assistant.settled();
    return { ...answer, text: replyToPlainText(answer.reply) };
  };
  const outgoing = (row: OutboxLine, locale = "vi"): OutgoingReminder => ({
    id: row.id,
    platform: row.platform,
    chatId: row.chatId,
    locale,
    payload: row.payload,
  });

  beforeEach(async () => {
    database = fixture.database;
    await seedHanoi(database.db);
    dossierTask = await taskStarting(database, "Gửi hồ sơ thi đua, báo cáo thành tích");
    now = new Date("2023-05-22T08:05:00+07:00"); // a week before the year-end dossiers are due
    assistant = createAssistant({
      db: database.db,
      clock: { now: () => now },
      config: testConfig(),
      log: silentLogger(),
      calendar,
    });
    await planReminders(database.db, defaultPolicy(), now);
  });

  const dossierReminderOf = async (chatId: string) => {
    const row = (await outbox(database)).find(
      (r) =>
        r.chatId === chatId &&
        r.kind === "reminder" &&
        "task" in r.payload &&
        r.payload.task.id === dossierTask,
    );
    if (!row) throw new Error(`no reminder for ${chatId}`);
    return row;
  };

  it("words a reminder in the person's language, with the plan's words and three buttons", async () => {
    const row = await dossierReminderOf("focal-bd");
    const vi = assistant.reminderReply(outgoing(row));
    const text = replyToPlainText(vi);
    expect(text).toContain("Gửi hồ sơ thi đua, báo cáo thành tích");
    expect(text).toContain("hạn 29/05/2023, còn 7 ngày");
    expect(text).toContain("Phòng GDĐT quận Ba Đình");
    expect(text).toContain("Trước ngày 30/5/2023");
    expect(vi.choices?.map((c) => c.id)).toEqual([
      `/danop ${dossierTask}`,
      `/nhaclai ${row.id}`,
      `/hoso ${dossierTask}`,
    ]);
    const en = replyToPlainText(assistant.reminderReply(outgoing(row, "en")));
    expect(en).toContain("due 29/05/2023, in 7 days");
    expect(en).toContain("Remind me later");
  });

  it("puts a 'Đăng ký ngay' button on the reminder of a registration task", () => {
    const task = {
      id: 26,
      text: "Gửi bản đăng ký thi đua năm học 2023 - 2024 (theo mẫu)",
      dueOn: "2023-10-27",
      deadlineRaw: null,
      plan: null,
    };
    const reply = assistant.reminderReply({
      id: 5,
      platform: "telegram",
      chatId: "focal-bd",
      locale: "vi",
      payload: { kind: "reminder", daysBefore: 3, task, unit: "Phòng GDĐT quận Ba Đình" },
    });
    expect(reply.choices?.map((c) => `${c.id} ${c.label}`)).toEqual([
      "/dangky Đăng ký ngay",
      "/danop 26 Đã nộp",
      "/nhaclai 5 Nhắc lại sau",
      "/hoso 26 Xem hồ sơ cần nộp",
    ]);
  });

  it("words the officers' summary: units missing per task, and units no reminder reached", () => {
    const task = { id: 1, text: "Nộp báo cáo sơ kết", dueOn: "2023-05-29", deadlineRaw: null, plan: null };
    const reply = assistant.reminderReply({
      id: 9,
      platform: "telegram",
      chatId: "officer-so",
      locale: "vi",
      payload: {
        kind: "officer_summary",
        day: "2023-05-22",
        tasks: [{ task, missing: ["Phòng GDĐT huyện Đông Anh", "Trường THPT Chu Văn An"] }],
        undelivered: ["Phòng GDĐT quận Ba Đình"],
      },
    });
    const text = replyToPlainText(reply);
    expect(text).toContain("Đơn vị chưa nộp, cập nhật ngày 22/05/2023:");
    expect(text).toContain(
      "Nộp báo cáo sơ kết (hạn 29/05/2023): 2 đơn vị chưa nộp: Phòng GDĐT huyện Đông Anh, Trường THPT Chu Văn An",
    );
    expect(text).toContain(
      "Chưa gửi được nhắc việc tới 1 đơn vị: Phòng GDĐT quận Ba Đình. Xem và gửi lại: /nhac loi",
    );
    expect(reply.choices).toBeUndefined();
  });

  it("'Đã nộp' marks the unit's dossier handed in, and its reminders stop", async () => {
    const answer = await say("focal-bd", `/danop ${dossierTask}`);
    expect(answer.intent).toBe("mark_submitted");
    const [record] = await queryRows<{ status: string }>(
      database,
      sql`select s.status from submissions s join units u on u.id = s.unit_id where u.code = 'BD' and s.task_id = ${dossierTask}`,
    );
    expect(record?.status).toBe("da_nop");
    now = new Date("2023-05-26T08:05:00+07:00");
    await planReminders(database.db, defaultPolicy(), now);
    const later = (await outbox(database)).filter(
      (r) => r.chatId === "focal-bd" && "task" in r.payload && r.payload.task.id === dossierTask,
    );
    expect(later).toHaveLength(1); // only the one sent before
  });

  it("'Nhắc lại sau' brings the reminder back the next day, only for its own recipient", async () => {
    const row = await dossierReminderOf("focal-bd");
    now = new Date("2023-05-22T09:30:00+07:00");
    const answer = await say("focal-bd", `/nhaclai ${row.id}`);
    expect(answer.text).toBe("Được, mình sẽ nhắc lại lúc 09:30 ngày 23/05/2023.");
    const refused = await say("focal-cva", `/nhaclai ${row.id}`);
    expect(refused.text).toMatch(/không còn hoặc không phải của bạn/);
    const sent: OutgoingReminder[] = [];
    const dispatch = () =>
      dispatchReminders(database.db, {
        now: () => now,
        sleep: async () => {},
        pacing: () => [],
        deliver: async (m) => {
          sent.push(m);
          return { status: "sent" };
        },
      });
    await dispatch();
    sent.length = 0;
    now = new Date("2023-05-23T09:31:00+07:00");
    await dispatch();
    expect(sent.map((m) => `${m.chatId} ${m.payload.kind}`)).toEqual(["focal-bd snoozed"]);
  });

  it("'Xem hồ sơ cần nộp' answers for that task, even when its plan lists no dossier", async () => {
    const answer = await say("focal-bd", `/hoso ${dossierTask}`);
    expect(answer.intent).toBe("requirements_of");
    expect(answer.text).toContain("không liệt kê thành phần hồ sơ cho việc này");
    expect(answer.text).toContain("29/05/2023");
  });

  it("lets a focal person choose the platform reminders come on and mute the weekly digest", async () => {
    expect((await say("focal-da", "/nhacday")).text).toContain("telegram");
    expect((await say("focal-da", "/bantin tat")).text).toMatch(/tắt bản tin/);
    expect((await say("stranger", "/nhacday")).text).toMatch(/chưa liên kết/);
    now = new Date("2023-05-29T08:05:00+07:00"); // Monday: the digest's morning, and the due day
    await planReminders(database.db, defaultPolicy(), now);
    const toDongAnh = (await outbox(database)).filter(
      (r) => r.chatId === "focal-da" || r.chatId === "zalo-da",
    );
    expect(toDongAnh.some((r) => r.kind === "digest")).toBe(false);
    const planned = toDongAnh.filter(
      (r) => r.kind === "reminder" && new Date(r.dueAt) > new Date("2023-05-28"),
    );
    expect(planned.length).toBeGreaterThan(0);
    expect(planned.every((r) => r.chatId === "focal-da")).toBe(true);
    const others = (await outbox(database)).filter((r) => r.kind === "digest").map((r) => r.chatId);
    expect(others).toContain("focal-bd");
  });

  it("gives officers previews, one-off reminders, dead letters and pauses; focal persons are refused", async () => {
    expect((await say("focal-bd", "/nhac xem 7")).text).toBe("Lệnh này dành cho cán bộ thi đua.");
    const preview = await say("officer-so", "/nhac xem 7");
    expect(preview.text).toMatch(/Nhắc việc trong 7 ngày tới: \d+ tin/);
    expect(preview.text).toContain("tổng hợp cho cán bộ");
    expect(preview.text).toContain("nhắc hạn");
    const sentNow = await say("officer-so", `/nhac gui ${dossierTask}`);
    expect(sentNow.text).toContain("Đã xếp 4 tin nhắc");
    expect((await say("officer-so", "/nhac loi")).text).toBe("Không có tin nhắc nào bị lỗi.");
    await database.db.execute(
      sql`update reminder_outbox set state = 'dead', last_error = 'blocked' where id = (select min(id) from reminder_outbox)`,
    );
    expect((await say("officer-so", "/nhac loi")).text).toMatch(/1 tin nhắc không gửi được/);
    expect((await say("officer-so", "/nhac guilai")).text).toBe("Đã đưa 1 tin nhắc vào hàng gửi lại.");
    const [plan] = await queryRows<{ id: number }>(database, sql`select id from plans`);
    expect((await say("officer-so", `/nhac dung ${plan?.id}`)).text).toContain(
      "Đã tạm dừng nhắc việc của kế hoạch 4582/KH-SGDĐT",
    );
    now = new Date("2023-05-26T08:05:00+07:00");
    expect((await planReminders(database.db, defaultPolicy(), now)).planned).toBe(0);
    expect((await say("officer-so", `/nhac tiep ${plan?.id}`)).text).toContain("Đã bật lại");
    expect((await planReminders(database.db, defaultPolicy(), now)).planned).toBeGreaterThan(0);
    expect((await say("officer-so", "/nhac")).text).toMatch(/^Lệnh nhắc việc/);
  });
});
