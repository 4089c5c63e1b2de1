import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { type Assistant, createAssistant, replyToPlainText } from "../../src/bot/index.js";
import {
  type Clock,
  createSchoolCalendar,
  createUnit,
  fixedClock,
  silentLogger,
} from "../../src/core/index.js";
import { testConfig } from "../support/config.js";
import { queryRows, type TestDatabase, useTestDatabase } from "../support/engines.js";
import { seatPerson } from "../support/people.js";
import { seedQuan1 } from "../support/quan1.js";

const calendar = createSchoolCalendar();

describe("status questions answer from the submissions table, as the sender's roles allow", () => {
  const fixture = useTestDatabase("pglite");
  let database: TestDatabase;
  let assistant: Assistant;
  let now = new Date();
  const clock: Clock = { now: () => now };
  const say = async (userId: string, text: string, today = "2023-10-20") => {
    now = fixedClock(today).now();
    const answer = await assistant.understand({
      platform: "telegram",
      userId,
      chatId: userId,
      text,
      receivedAt: now,
    });
    // The chat's context is written after the reply: done before the next test empties the tables.
    await assistant.settled();
    return { ...answer, text: replyToPlainText(answer.reply) };
  };

  // Every test starts from the published 1382 guide, a Phòng with two schools, and nothing submitted.
  beforeEach(async () => {
    database = fixture.database;
    const db = database.db;
    const { phongId, schoolId } = await seedQuan1(db);
    await createUnit(db, { code: "MN-1", name: "Trường Mầm non 1", kind: "mam_non", parentId: phongId });
    const seat = (userId: string, role: "focal" | "officer", unitId: number) =>
      seatPerson(db, { platform: "telegram", externalId: userId }, role, unitId);
    await seat("focal-kd", "focal", schoolId);
    await seat("officer-q1", "officer", phongId);
    assistant = createAssistant({ db, clock, config: testConfig(), log: silentLogger(), calendar });
  });

  /** The focal person of Kết Đoàn reports the October dossier, picking it from the choices. */
  const ketDoanSubmits = async () => {
    const vague = await say("focal-kd", "Trường em đã nộp hồ sơ rồi nhé");
    const choice = vague.reply.choices?.find((c) => c.label.startsWith("Nộp hồ sơ thi đua về Phòng"));
    return { vague, choice, picked: await say("focal-kd", choice?.id ?? "") };
  };

  it("tells a focal person what their unit has not handed in", async () => {
    const answer = await say("focal-kd", "Bên em còn nợ hồ sơ nào nữa không?");
    expect(answer.intent).toBe("my_status");
    expect(answer.text).toContain("Tình hình nộp của Trường Tiểu học Kết Đoàn (tính đến 20/10/2023)");
    expect(answer.text).toContain(
      "Chưa nộp — Nộp hồ sơ thi đua về Phòng Giáo dục và Đào tạo; hạn 27/10/2023",
    );
  });

  it("reads a focal person asking what is missing as asking about their own unit, unless others are named", async () => {
    const answer = await say("focal-kd", "truong tieu hoc Ket Doan con thieu ho so nao chua nop vay");
    expect(answer.intent).toBe("my_status");
    expect(answer.text).toContain("Tình hình nộp của Trường Tiểu học Kết Đoàn");
    // Asking what is missing without naming other units is asking about one's own.
    const own = await say("focal-kd", "truong con chua nop nhung muc nao");
    expect(own.intent).toBe("my_status");
    expect(own.text).toContain("Tình hình nộp của Trường Tiểu học Kết Đoàn");
    // An officer naming a unit asks about it as an officer.
    expect(
      (await say("officer-q1", "truong tieu hoc Ket Doan con thieu ho so nao chua nop vay")).intent,
    ).not.toBe("my_status");
  });

  it("offers choices when a submission does not say which item, and records the one picked", async () => {
    const { vague, choice, picked } = await ketDoanSubmits();
    expect(vague.intent).toBe("mark_submitted");
    expect(choice?.id).toMatch(/^\/danop \d+$/);
    expect(picked.text).toContain('Đã ghi nhận: Trường Tiểu học Kết Đoàn đã nộp "Nộp hồ sơ thi đua về Phòng');
    const rows = await queryRows<{ status: string }>(database, sql`select status from submissions`);
    expect(rows).toEqual([{ status: "da_nop" }]);
    const audit = await queryRows<{ action: string; platform: string }>(
      database,
      sql`select action, platform from audit_log`,
    );
    expect(audit).toEqual([{ action: "submission.da_nop", platform: "telegram" }]);
    const status = await say("focal-kd", "Đơn vị tôi đã nộp hồ sơ thi đua chưa?");
    expect(status.text).toContain("Đã nộp, chờ tiếp nhận — Nộp hồ sơ thi đua về Phòng");
  });

  it("records a named submission at once", async () => {
    const answer = await say("focal-kd", "Khối em đã chuyển bản sơ kết HK1 lên phòng hôm qua", "2024-01-20");
    expect(answer.text).toContain("Báo cáo sơ kết học kỳ 1 hoạt động khối thi đua");
    expect(answer.text).toContain("Hồ sơ chờ cán bộ thi đua tiếp nhận");
  });

  it("lists for an officer the units of their subtree that have not submitted", async () => {
    const answer = await say("officer-q1", "Trường nào chưa nộp hồ sơ khối thi đua?");
    expect(answer.intent).toBe("missing_units");
    expect(answer.text).toContain("Nộp hồ sơ khối thi đua");
    expect(answer.text).toContain("Chưa nộp: 2/2 đơn vị.");
    expect(answer.text).toContain("Trường Mầm non 1");
    // Two items fit "hồ sơ thi đua" alike (October and June): on 20/10 the October one is meant.
    await ketDoanSubmits();
    const question = "Trường nào chưa nộp hồ sơ thi đua về Phòng?";
    const registered = await say("officer-q1", question);
    expect(registered.text).toContain("hạn 27/10/2023");
    expect(registered.text).toContain("Chưa nộp: 1/2 đơn vị.");
    expect(registered.text).not.toContain("Kết Đoàn");
    // A unit added by this process is counted at once, though the assistant keeps the tree between questions.
    const phong = await database.db.query.units.findFirst({ where: (u, { eq }) => eq(u.code, "PGD-Q1") });
    await createUnit(database.db, {
      code: "THCS-1",
      name: "Trường THCS Văn Lang",
      kind: "thcs",
      parentId: phong?.id,
    });
    const grown = await say("officer-q1", question);
    expect(grown.text).toContain("Chưa nộp: 2/3 đơn vị.");
    expect(grown.text).toContain("Trường THCS Văn Lang");
  });

  it("tells the focal person, on their next message, what the officer returned for completion", async () => {
    await ketDoanSubmits();
    const returned = await say("officer-q1", "Trả hồ sơ thi đua trường Kết Đoàn: thiếu tờ trình đăng ký");
    expect(returned.text).toContain("để Trường Tiểu học Kết Đoàn bổ sung: thiếu tờ trình đăng ký");
    const next = await say("focal-kd", "xin chào");
    expect(next.text).toContain("Thông báo từ cán bộ thi đua:");
    expect(next.text).toContain(
      'Hồ sơ "Nộp hồ sơ thi đua về Phòng Giáo dục và Đào tạo" cần bổ sung: thiếu tờ trình đăng ký',
    );
    expect((await say("focal-kd", "xin chào")).text).not.toContain("Thông báo");
    const status = await say("focal-kd", "Đơn vị tôi đã nộp hồ sơ thi đua chưa?");
    expect(status.text).toContain(
      "Cần bổ sung — Nộp hồ sơ thi đua về Phòng Giáo dục và Đào tạo; hạn 27/10/2023; ghi chú của cán bộ: thiếu tờ trình đăng ký",
    );
  });

  it("never shows a unit's status to someone not linked, nor other units' to a focal person", async () => {
    const stranger = await say("stranger", "Đơn vị tôi đã nộp hồ sơ thi đua chưa?");
    expect(stranger.text).toContain("chưa gắn với đơn vị nào");
    const missing = await say("stranger", "Những trường nào chưa nộp hồ sơ thi đua?");
    expect(missing.text).toContain("Chỉ cán bộ thi đua");
    const focal = await say("focal-kd", "Những trường nào chưa nộp hồ sơ thi đua?");
    expect(focal.text).not.toContain("Mầm non 1");
  });

  it("walks a focal person through registration with deadline, dossier and channel", async () => {
    await ketDoanSubmits();
    await say("officer-q1", "Trả hồ sơ thi đua trường Kết Đoàn: thiếu tờ trình đăng ký");
    const answer = await say("focal-kd", "Em muốn làm bản đăng ký danh hiệu cho trường");
    expect(answer.intent).toBe("register");
    expect(answer.text).toContain("27/10/2023: Nộp hồ sơ thi đua");
    expect(answer.text).toContain("Tờ trình đăng ký danh hiệu thi đua");
    expect(answer.text).toContain("tqcuong.q1@tphcm.gov.vn");
    expect(answer.text).toContain("Tình trạng của Trường Tiểu học Kết Đoàn: Cần bổ sung.");
    // Then the guided registration begins.
    expect(answer.text).toContain("Đăng ký cho Trường Tiểu học Kết Đoàn, năm học 2023-2024?");
  });
});

describe("the language a person chooses is stored with their chat identity", () => {
  const fixture = useTestDatabase("pglite");
  let database: TestDatabase;
  let assistant: Assistant;
  const now = fixedClock("2023-10-20").now();
  const say = async (userId: string, text: string, locale?: "vi" | "en") => {
    const reply = await assistant.handle({
      platform: "slack",
      userId,
      chatId: userId,
      text,
      locale,
      receivedAt: now,
    });
    await assistant.settled();
    return reply;
  };

  beforeEach(() => {
    database = fixture.database;
    assistant = createAssistant({
      db: database.db,
      clock: { now: () => now },
      config: testConfig(),
      log: silentLogger(),
      calendar,
    });
  });

  it.each([["English please"], ["/lang en"], ["in English"]])("switches to English on %j", async (text) => {
    const user = `u-${text}`;
    expect((await say(user, "help")).locale).toBe("vi");
    const switched = await say(user, text);
    expect(switched.locale).toBe("en");
    expect(replyToPlainText(switched)).toContain("I will answer in English");
    const next = await say(user, "what can you do");
    expect(next.locale).toBe("en");
    expect(replyToPlainText(next)).toContain("I can help");
  });

  it("switches back on tiếng Việt and keeps the choice over what the platform reports", async () => {
    await say("back", "/lang en");
    const back = await say("back", "tiếng Việt", "en");
    expect(back.locale).toBe("vi");
    expect((await say("back", "help", "en")).locale).toBe("vi");
    const rows = await queryRows<{ locale: string }>(
      database,
      sql`select locale from chat_identities where external_id = 'back'`,
    );
    expect(rows).toEqual([{ locale: "vi" }]);
  });

  it("starts from the platform's language on first contact", async () => {
    expect((await say("new-en", "hello", "en")).locale).toBe("en");
  });

  it("does not take a question about English for a switch", async () => {
    expect((await say("q", "Có bản tiếng Anh của kế hoạch không?")).locale).toBe("vi");
  });
});
