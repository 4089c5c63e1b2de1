import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { type ChatMemory, databaseChatMemory, memoryChatMemory } from "../../src/bot/chat-memory.js";
import { type Assistant, createAssistant, replyToPlainText } from "../../src/bot/index.js";
import { createMessageReader, type MessageReader } from "../../src/bot/understanding/read-message.js";
import { type Clock, createSchoolCalendar, type Db, silentLogger } from "../../src/core/index.js";
import { testConfig } from "../support/config.js";
import { engines, queryRows, type TestDatabase, useTestDatabase } from "../support/engines.js";
import { seatPerson } from "../support/people.js";
import { seedQuan1 } from "../support/quan1.js";

const calendar = createSchoolCalendar();
const realReader = createMessageReader({ calendar, cacheDir: inject("modelCacheDir") });

// Readings the model might give a message, fixed for the test: the dialogue is what is tested.
function readerWith(
  overrides: Record<string, { intent: string; ranked: [string, number][] }>,
): MessageReader {
  return {
    read(text, today) {
      const reading = realReader.read(text, today);
      const fixed = overrides[text];
      if (!fixed) return reading;
      return {
        ...reading,
        intent: fixed.intent as never,
        ranked: fixed.ranked.map(([intent, score]) => ({ intent: intent as never, score })),
        confident: false,
      };
    },
  };
}

const memories: [string, (db: Db) => ChatMemory][] = [
  [
    "the database",
    (db) =>
      databaseChatMemory(db, (error) => {
        throw error;
      }),
  ],
  ["memory", () => memoryChatMemory()],
];

// The context kept in the database runs on every engine; its in-memory twin holds nothing an engine
// could change, so once is enough.
const setups = engines.flatMap((engine) =>
  memories
    .filter(([name]) => engine === "pglite" || name === "the database")
    .map(([name, make]) => [engine, name, make] as const),
);

describe.each(setups)("a conversation (%s, context kept in %s)", (engine, _name, makeMemory) => {
  const fixture = useTestDatabase(engine);
  let database: TestDatabase;
  let now = new Date();
  const clock: Clock = { now: () => now };
  let assistant: Assistant;

  async function start(reader: MessageReader = realReader) {
    assistant = createAssistant({
      db: database.db,
      clock,
      config: testConfig(),
      log: silentLogger(),
      calendar,
      memory: makeMemory(database.db),
      reader,
    });
  }
  const say = async (userId: string, text: string, at = "2023-10-20T08:00:00+07:00") => {
    now = new Date(at);
    const answer = await assistant.understand({
      platform: "zalo",
      userId,
      chatId: userId,
      text,
      receivedAt: now,
    });
    return { ...answer, text: replyToPlainText(answer.reply) };
  };
  const statuses = () => queryRows<{ status: string }>(database, sql`select status from submissions`);

  beforeEach(async () => {
    database = fixture.database;
    const db = database.db;
    const { phongId, schoolId } = await seedQuan1(db);
    await seatPerson(db, { platform: "zalo", externalId: "focal" }, "focal", schoolId);
    await seatPerson(db, { platform: "zalo", externalId: "officer" }, "officer", phongId);
    await start();
  });
  afterEach(() => assistant.settled());

  it("records a confident report at once, and its author takes it back with 'hủy'", async () => {
    const told = await say(
      "focal",
      "Bên mình vừa gửi xong tờ trình đăng ký danh hiệu với bảng tổng hợp lên phòng",
    );
    expect(told.intent).toBe("mark_submitted");
    expect(told.text).toContain("Đã ghi nhận");
    expect(told.text).toContain('gõ "hủy"');
    expect(await statuses()).toEqual([{ status: "da_nop" }]);
    const undone = await say("focal", "nhầm rồi, hủy giúp em", "2023-10-20T08:05:00+07:00");
    expect(undone.intent).toBe("undo");
    expect(undone.text).toContain("Đã hủy ghi nhận vừa rồi");
    expect(await statuses()).toEqual([]);
  });

  it("reads a focal person's report the model takes for an officer's receipt as their own report, asked before it is written", async () => {
    const report = "dạ bên em đẩy tờ trình lên hộp thư của phòng rồi nha";
    await start(
      readerWith({
        [report]: {
          intent: "receive",
          ranked: [
            ["receive", 0.6],
            ["mark_submitted", 0.5],
          ],
        },
      }),
    );
    const told = await say("focal", report);
    expect(told.intent).toBe("mark_submitted");
    expect(told.text).toContain("Bạn xác nhận");
    expect(await statuses()).toEqual([]);
    // An officer's own reading stands.
    expect((await say("officer", report)).intent).toBe("receive");
  });

  it("writes nothing for a question about one's own submission", async () => {
    const asked = await say("focal", "bên mình gửi hồ sơ thi đua lên phòng chưa nhỉ");
    expect(asked.intent).toBe("my_status");
    expect(await statuses()).toEqual([]);
  });

  it("asks before writing what it is not sure of: 'có' records it, 'không' drops it", async () => {
    const unsure = "hình như hồ sơ thi đua bên em xong rồi";
    await start(readerWith({ [unsure]: { intent: "mark_submitted", ranked: [["mark_submitted", 0.3]] } }));
    const asked = await say("focal", unsure);
    expect(asked.text).toContain("Bạn xác nhận Trường Tiểu học Kết Đoàn đã nộp");
    expect(asked.reply.choices?.map((c) => c.label)).toEqual(["Có", "Không"]);
    expect(await statuses()).toEqual([]);
    expect((await say("focal", "không")).text).toContain("không ghi nhận gì");
    expect(await statuses()).toEqual([]);
    await say("focal", unsure);
    const confirmed = await say("focal", "đúng rồi");
    expect(confirmed.text).toContain("Đã ghi nhận");
    expect(await statuses()).toEqual([{ status: "da_nop" }]);
  });

  it("asks before taking back a record when the message may not mean it", async () => {
    await say("focal", "Bên mình vừa gửi xong tờ trình đăng ký danh hiệu với bảng tổng hợp lên phòng");
    const unsure = "thôi bỏ đi";
    await start(readerWith({ [unsure]: { intent: "undo", ranked: [["undo", 0.3]] } }));
    const asked = await say("focal", unsure, "2023-10-20T08:03:00+07:00");
    expect(asked.text).toContain("Bạn muốn hủy ghi nhận vừa rồi");
    expect(asked.reply.choices?.[0]?.id).toBe("/huy");
    expect(await statuses()).toEqual([{ status: "da_nop" }]);
    const confirmed = await say("focal", "có", "2023-10-20T08:04:00+07:00");
    expect(confirmed.text).toContain("Đã hủy ghi nhận vừa rồi");
    expect(await statuses()).toEqual([]);
  });

  it("does not read a message of pages", async () => {
    const long = await say("focal", "hạn nộp hồ sơ ".repeat(400));
    expect(long.intent).toBe("unknown");
    expect(long.text).toContain("Tin nhắn dài quá");
  });

  it("answers follow-ups in the context of the last question", async () => {
    const first = await say("officer", "tháng 10 năm 2023 có những việc gì phải xong");
    expect(first.period).toEqual({ start: "2023-10-01", end: "2023-10-31" });
    const next = await say("officer", "còn tháng sau?");
    expect(next.intent).toBe("due_in_period");
    expect(next.period).toEqual({ start: "2023-11-01", end: "2023-11-30" });
    expect(next.text).toContain("10/11/2023");
    const english = await say("officer", "what about next week?");
    expect(english.intent).toBe("due_in_period");
    expect(english.period).toEqual({ start: "2023-10-23", end: "2023-10-29" });
    const dossier = await say(
      "officer",
      "Chào bạn, cho mình xin danh mục giấy tờ trong hồ sơ của khối thi đua",
    );
    expect(dossier.intent).toBe("requirements_of");
    expect(dossier.text).toContain("Bảng ký kết giao ước thi đua");
    const where = await say("officer", "bộ đó thì nộp qua kênh nào");
    expect(where.intent).toBe("where_to_submit");
    expect(where.text).toContain("tqcuong.q1@tphcm.gov.vn");
    expect(where.text).toContain("Nộp hồ sơ khối thi đua");
    const other = await say("officer", "thế còn hồ sơ cuối năm?");
    expect(other.intent).toBe("requirements_of");
    expect(other.text).toContain("Bảng điểm tự đánh giá thi đua của đơn vị");
  });

  it("answers an unsure reading and offers the other likely one, which answers the same question", async () => {
    const vague = "hồ sơ khối thi đua tháng 11";
    await start(
      readerWith({
        [vague]: {
          intent: "requirements_of",
          ranked: [
            ["requirements_of", 0.35],
            ["due_in_period", 0.3],
          ],
        },
      }),
    );
    const first = await say("officer", vague);
    expect(first.intent).toBe("requirements_of");
    expect(first.text).toContain("Bảng ký kết giao ước thi đua");
    expect(first.reply.choices).toEqual([
      { id: "/y due_in_period", label: "Việc đến hạn trong khoảng thời gian đó" },
    ]);
    const picked = await say("officer", "/y due_in_period");
    expect(picked.intent).toBe("due_in_period");
    expect(picked.text).toContain("Việc đến hạn từ 01/11/2023 đến 30/11/2023");
  });

  it("answers an unsure reading that finds nothing with the next likely one that does", async () => {
    const unsure = "môn âm nhạc mỹ thuật có phải bố trí đủ giáo viên không";
    await start(
      readerWith({
        [unsure]: {
          intent: "requirements_of",
          ranked: [
            ["requirements_of", 0.3],
            ["search", 0.26],
          ],
        },
      }),
    );
    const answer = await say("officer", unsure);
    expect(answer.intent).toBe("search");
    expect(answer.text).toContain("môn Tin học, Âm nhạc và Mỹ thuật");
    // The first reading is still offered, for whoever meant it.
    expect(answer.reply.choices?.map((c) => c.id)).toEqual(["/y requirements_of"]);
  });

  it("reads a long question taken faintly for a greeting as the next likely intent", async () => {
    const long = "chào anh, ai phụ trách thi đua bậc mầm non vậy ạ, em mới về nên chưa biết";
    const short = "chào anh, chúc anh một ngày vui vẻ nha";
    await start(
      readerWith({
        [long]: {
          intent: "greeting",
          ranked: [
            ["greeting", 0.22],
            ["contact", 0.21],
          ],
        },
        [short]: { intent: "greeting", ranked: [["greeting", 0.22]] },
      }),
    );
    const question = await say("officer", long);
    expect(question.intent).toBe("contact");
    expect(question.text).toContain("Trương Thị Thanh Trang");
    // A greeting that asks nothing stays a greeting.
    expect((await say("officer", short)).intent).toBe("greeting");
  });

  it("answers a faint reading of a dossier question when the plan has that dossier, and nothing else", async () => {
    const faint = "khối làm hồ sơ xin cờ thì cần chuẩn bị giấy tờ gì";
    const elsewhere = "cuối tuần này đi đâu chơi cho vui";
    await start(
      readerWith({
        [faint]: { intent: "requirements_of", ranked: [["requirements_of", 0.12]] },
        [elsewhere]: { intent: "requirements_of", ranked: [["requirements_of", 0.12]] },
      }),
    );
    const dossier = await say("officer", faint);
    expect(dossier.intent).toBe("requirements_of");
    expect(dossier.text).toContain("Biên bản họp khối thi đua");
    expect((await say("officer", elsewhere)).intent).toBe("unknown");
    // A long message spreads the score thin: the second reading is tried too.
    const long =
      "cho mình hỏi với, cái tờ trình đăng ký danh hiệu với bảng tổng hợp gửi lên phòng là hạn hôm nào thế";
    await start(
      readerWith({
        [long]: {
          intent: "search",
          ranked: [
            ["search", 0.15],
            ["deadline_of", 0.14],
          ],
        },
      }),
    );
    const due = await say("officer", long);
    expect(due.intent).toBe("deadline_of");
    expect(due.text).toContain("27/10/2023");
  });

  it("says what it does when asked something off its subject, and admits what it cannot read", async () => {
    const offTopic = await say("focal", "tối nay đội tuyển đá mấy giờ");
    expect(offTopic.intent).toBe("unknown");
    expect(offTopic.text).toContain("Tôi là trợ lý thi đua – khen thưởng");
    expect((await say("focal", "zxqv wprt")).text).toContain("Xin lỗi, tôi chưa hiểu câu hỏi");
  });
});
