import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import JSZip from "jszip";
import { beforeEach, describe, expect, it } from "vitest";
import { type Assistant, createAssistant, replyToPlainText } from "../../src/bot/index.js";
import { loadRegistrationRules, planReminders, silentLogger } from "../../src/core/index.js";
import { testConfig } from "../support/config.js";
import { engines, queryRows, type TestDatabase, useTestDatabase } from "../support/engines.js";
import { seatPerson } from "../support/people.js";
import { calendar } from "../support/plans-fixture.js";
import { defaultPolicy, seedHanoi, taskStarting } from "../support/reminder-world.js";

// Ba Đình registers for 2023-2024 a fortnight before the plan's deadline (27/10/2023).
const answersToSummary = [
  "có",
  "45",
  "2",
  "LĐTT 30, CSTĐ cơ sở 2",
  "Lê Văn Tám, Trần Thị Lan",
  "Tỷ lệ trường đạt chuẩn quốc gia tăng 5%",
  "Sáng kiến: Quản lý hồ sơ thi đua trực tuyến - Lê Văn Tám\nĐề tài: Bồi dưỡng giáo viên cốt cán - Trần Thị Lan",
];

describe.each(engines)("registering in chat (%s)", (engine) => {
  const fixture = useTestDatabase(engine);
  let database: TestDatabase;
  let now: Date;
  const build = (extra: Partial<Parameters<typeof createAssistant>[0]> = {}) =>
    createAssistant({
      db: database.db,
      clock: { now: () => now },
      config: testConfig(),
      log: silentLogger(),
      calendar,
      ...extra,
    });
  let assistant: Assistant;
  const say = async (userId: string, text: string, platform = "telegram", who = assistant) => {
    const answer = await who.understand({ platform, userId, chatId: userId, text, receivedAt: now });
    // The chat's context is written after the reply: done before the next test empties the tables.
    await who.settled();
    return { ...answer, text: replyToPlainText(answer.reply) };
  };

  beforeEach(async () => {
    database = fixture.database;
    await seedHanoi(database.db);
    now = new Date("2023-10-12T09:00:00+07:00");
    assistant = build();
  });

  it("takes a registration from /dangky to the filled forms, marks the plan's task and tells the officer", async () => {
    const first = await say("focal-bd", "/dangky");
    expect(first.text).toContain("Phòng GDĐT quận Ba Đình, năm học 2023-2024");
    expect(first.reply.choices?.map((c) => c.id)).toEqual(["/co"]);
    let last = first;
    for (const answer of answersToSummary) last = await say("focal-bd", answer);
    expect(last.text).toContain("Bản đăng ký của bạn:");
    expect(last.text).toContain("Chiến sĩ thi đua cơ sở: 2 người (Lê Văn Tám, Trần Thị Lan)");
    const done = await say("focal-bd", "xác nhận");
    expect(done.text).toContain("Đã gửi bản đăng ký");
    const files = done.reply.files ?? [];
    expect(files.map((f) => f.name.split(".").pop())).toEqual(["docx", "xlsx"]);
    const xml = await (await JSZip.loadAsync(files[0]?.data ?? new Uint8Array()))
      .file("word/document.xml")
      ?.async("string");
    expect(xml).toContain("Phòng GDĐT quận Ba Đình");
    expect(xml).toContain("Trần Thị Lan");
    const task = await taskStarting(database, "Gửi bản đăng ký thi đua năm học 2023 - 2024");
    const [submission] = await queryRows<{ status: string }>(
      database,
      sql`select s.status from submissions s join units u on u.id = s.unit_id where u.code = 'BD' and s.task_id = ${task}`,
    );
    expect(submission?.status).toBe("da_nop");
    const [told] = await queryRows<{ chat: string; payload: { unit: string } }>(
      database,
      sql`select i.external_id as chat, o.payload from reminder_outbox o join chat_identities i on i.id = o.identity_id where o.kind = 'registration'`,
    );
    expect(told).toMatchObject({ chat: "officer-so", payload: { unit: "Phòng GDĐT quận Ba Đình" } });
  });

  it("explains a broken rule with its source and keeps nothing of the answer", async () => {
    await say("focal-bd", "/dangky");
    for (const answer of answersToSummary.slice(0, 3)) await say("focal-bd", answer);
    const refused = await say("focal-bd", "lđtt 30, cstđ cơ sở 9");
    expect(refused.text).toContain(
      "Chiến sĩ thi đua cơ sở tối đa 15% số Lao động tiên tiến: với 30 Lao động tiên tiến, đăng ký được 4, không phải 9.",
    );
    expect(refused.text).toContain("Căn cứ: Nghị định 98/2023/NĐ-CP");
    expect(refused.text).toContain("Câu trả lời này chưa được lưu");
    const [draft] = await queryRows<{ step: string }>(
      database,
      sql`select state->>'step' as step from registration_drafts`,
    );
    expect(draft?.step).toBe("individual");
  });

  it("holds a collective title to the office's share of the units under the same parent", async () => {
    // The office's own quota (a figure of ours): a quarter of the Sở's four units may aim for TTLĐXS.
    const dir = mkdtempSync(join(tmpdir(), "thidua-rules-"));
    const file = join(dir, "rules.json");
    writeFileSync(
      file,
      JSON.stringify([
        {
          id: "ttldxs_quota",
          check: { kind: "collective_share", title: "tap_the_lao_dong_xuat_sac", max: 0.25 },
          source: "Công văn giao chỉ tiêu thi đua của Sở (ví dụ)",
        },
      ]),
    );
    assistant = build({ registrationRules: loadRegistrationRules(file) });
    rmSync(dir, { recursive: true });
    await say("focal-bd", "/dangky");
    for (const answer of answersToSummary) await say("focal-bd", answer);
    expect((await say("focal-bd", "xác nhận")).text).toContain("Đã gửi bản đăng ký");
    // Đông Anh, under the same Sở, would be the second of four: over the quarter.
    await say("focal-da", "/dangky");
    for (const answer of answersToSummary.slice(0, 2)) await say("focal-da", answer);
    const refused = await say("focal-da", "2");
    expect(refused.text).toContain(
      "Tập thể lao động xuất sắc tối đa 25% số đơn vị cùng cấp (4 đơn vị, tức 1)",
    );
    expect(refused.text).toContain("Công văn giao chỉ tiêu thi đua của Sở (ví dụ)");
    expect((await say("focal-da", "1")).text).not.toContain("tối đa 25%");
    // Without the office's rule nothing limits it.
    const plain = build();
    await say("focal-cva", "/dangky", "telegram", plain);
    for (const answer of answersToSummary.slice(0, 2)) await say("focal-cva", answer, "telegram", plain);
    expect((await say("focal-cva", "2", "telegram", plain)).text).not.toContain("tối đa");
  });

  it("answers a question about something else mid-way, and the registration waits at its step", async () => {
    await say("focal-bd", "/dangky");
    await say("focal-bd", "có");
    const aside = await say("focal-bd", "Cho mình hỏi bản đăng ký thi đua phải gửi trước ngày nào?");
    expect(aside.text).toContain("27/10/2023");
    expect(aside.text).toContain("Bạn đang đăng ký thi đua dở dang");
    const next = await say("focal-bd", "45");
    expect(next.text).toContain("Đơn vị đăng ký danh hiệu tập thể nào?");
  });

  it("resumes after a restart and on another platform, where the person left", async () => {
    await say("focal-da", "/dangky");
    await say("focal-da", "có");
    await say("focal-da", "52");
    // The process restarts: a new assistant over the same database; the person writes from Zalo.
    const restarted = build();
    const resumed = await say("zalo-da", "/dangky", "zalo-bot", restarted);
    expect(resumed.text).toContain("Tiếp tục bản đăng ký đang làm dở.");
    expect(resumed.text).toContain("Đơn vị đăng ký danh hiệu tập thể nào?");
    const next = await say("zalo-da", "1", "zalo-bot", restarted);
    expect(next.text).toContain("Danh hiệu cá nhân và số lượng?");
  });

  it("lets one of two people of a unit register; the other is told and may amend it", async () => {
    const [unit] = await queryRows<{ id: number }>(database, sql`select id from units where code = 'BD'`);
    await seatPerson(database.db, { platform: "telegram", externalId: "focal-bd2" }, "focal", unit?.id ?? 0);
    for (const who of ["focal-bd", "focal-bd2"]) {
      await say(who, "/dangky");
      for (const answer of answersToSummary) await say(who, answer);
    }
    expect((await say("focal-bd", "xác nhận")).text).toContain("Đã gửi bản đăng ký");
    const second = await say("focal-bd2", "xác nhận");
    expect(second.text).toContain("đơn vị đã có người gửi bản đăng ký năm học 2023-2024");
    expect(second.reply.files).toBeUndefined();
    await say("focal-bd2", "có");
    await say("focal-bd2", "sửa biên chế thành 46");
    const amended = await say("focal-bd2", "xác nhận");
    expect(amended.text).toContain("Đã cập nhật bản đăng ký");
    const rows = await queryRows<{ version: number; staff: string }>(
      database,
      sql`select version, payload->>'staff' as staff from registrations`,
    );
    expect(rows).toEqual([{ version: 2, staff: "46" }]);
  });

  it("does not start after the plan's registration deadline", async () => {
    now = new Date("2023-10-30T09:00:00+07:00");
    const late = await say("focal-bd", "/dangky");
    expect(late.text).toContain("Đã quá hạn đăng ký thi đua (27/10/2023, theo kế hoạch 4582/KH-SGDĐT)");
  });

  it("lets the officer list, approve and return registrations; the unit is told of a return", async () => {
    await say("focal-bd", "/dangky");
    for (const answer of answersToSummary) await say("focal-bd", answer);
    await say("focal-bd", "xác nhận");
    expect((await say("focal-bd", "/dangky ds")).text).toBe("Lệnh này dành cho cán bộ thi đua.");
    const list = await say("officer-so", "/dangky ds 2023-2024");
    expect(list.text).toMatch(/#1 Phòng GDĐT quận Ba Đình: đã gửi, chờ duyệt \(12\/10\/2023\)/);
    const shown = await say("officer-so", "/dangky xem 1");
    expect(shown.text).toContain("Bản đăng ký #1 (đã gửi, chờ duyệt):");
    expect(shown.text).toContain("Chiến sĩ thi đua cơ sở: 2 người (Lê Văn Tám, Trần Thị Lan)");
    expect((await say("officer-so", "/dangky xem 99")).text).toContain("Không có bản đăng ký #99");
    const returned = await say("officer-so", "/dangky tra 1 Thiếu chỉ tiêu về chuyển đổi số");
    expect(returned.text).toBe(
      "Đã trả bản đăng ký #1 của Phòng GDĐT quận Ba Đình để sửa: Thiếu chỉ tiêu về chuyển đổi số",
    );
    const [told] = await queryRows<{ chat: string; payload: { review: { status: string; note: string } } }>(
      database,
      sql`select i.external_id as chat, o.payload from reminder_outbox o join chat_identities i on i.id = o.identity_id where o.idempotency_key like 'v:%'`,
    );
    expect(told).toMatchObject({ chat: "focal-bd", payload: { review: { status: "returned" } } });
    expect((await say("officer-so", "/dangky duyet 1")).text).toContain("Đã duyệt bản đăng ký #1");
  });

  it("reminds once of a registration left half-way, then drops it after the configured days", async () => {
    await say("focal-bd", "/dangky");
    await say("focal-bd", "có");
    const policy = defaultPolicy();
    await planReminders(database.db, policy, new Date(now.getTime() + 26 * 3600_000));
    await planReminders(database.db, policy, new Date(now.getTime() + 30 * 3600_000));
    const drafts = await queryRows<{ n: number }>(
      database,
      sql`select count(*)::int as n from reminder_outbox where kind = 'draft'`,
    );
    expect(drafts).toEqual([{ n: 1 }]);
    await planReminders(database.db, policy, new Date(now.getTime() + 8 * 86_400_000));
    expect(await queryRows(database, sql`select 1 from registration_drafts`)).toEqual([]);
  });
});
