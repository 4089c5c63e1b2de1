// npm run fuzz [-- --messages N --unit-files N --plans N --seconds S --seed N] — throws generated
// input at the assistant and the importers and prints what broke: chat messages (any Unicode, very
// long, emoji, control characters, SQL, markup, decomposed text, mixed languages) as an officer, a
// focal person and a stranger; unit files; plan texts. A failure is an exception that is not a
// ThiduaError, a stack trace in a reply, or a record written for a message that is not a confident
// statement. Bounded in count and in time; prints the counts and exits non-zero on a failure.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { memoryChatMemory } from "../src/bot/chat-memory.js";
import { createAssistant, replyToPlainText } from "../src/bot/index.js";
import { createMessageReader } from "../src/bot/understanding/read-message.js";
import {
  createIdentity,
  createPerson,
  createSchoolCalendar,
  createUnit,
  fixedClock,
  grantRole,
  importPlan,
  importUnits,
  linkIdentity,
  loadConfig,
  openDatabase,
  readUnitFile,
  silentLogger,
  ThiduaError,
  terminalAdministrator,
  unitKinds,
} from "../src/core/index.js";

const { values } = parseArgs({
  options: {
    messages: { type: "string", default: "100000" },
    "unit-files": { type: "string", default: "2000" },
    plans: { type: "string", default: "1000" },
    seconds: { type: "string", default: "1200" },
    seed: { type: "string", default: "20261127" },
  },
});
const deadline = performance.now() + Number(values.seconds) * 1000;
const seed = Number(values.seed);
const failures: string[] = [];
const fail = (what: string, input: unknown, detail: unknown) => {
  if (failures.length < 20)
    failures.push(`${what}: ${JSON.stringify(input).slice(0, 200)} → ${String(detail).slice(0, 300)}`);
  else failures.push(what);
};
const stackTrace = /\bat [^\n]+:\d+:\d+|\bError:|TypeError|undefined is not|\[object Object\]/;

// Messages: the field's words mixed with anything a person or a tool may send.
const fieldWords = fc.constantFrom(
  "hạn nộp",
  "hồ sơ",
  "đã nộp",
  "rồi nhé",
  "chưa",
  "khen thưởng",
  "thi đua",
  "tháng này",
  "tuần sau",
  "trường em",
  "bên mình",
  "hủy",
  "có",
  "không",
  "/danop 1",
  "/han 99999999999",
  "/start ABCD-EFGH",
  "/y deadline_of",
  "/nhan 1 X",
  "/bosung 1 X thiếu",
  "'; drop table submissions; --",
  "<script>alert(1)</script>",
  "Robert'); DELETE FROM units;--",
  "\u0000",
  "\u202e",
  "ng\u0300y",
  "\ud83d\ude00",
  "English please",
  "quý 13",
  "tháng 0",
  "ngày 31/02/2023",
  "99999999999999999999",
  "%s%s%n",
  "$" + "{process.exit()}",
  "\\",
  "\r\n",
);
const message = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 80 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.array(fieldWords, { minLength: 1, maxLength: 8 }).map((w) => w.join(" ")),
  fc.tuple(fieldWords, fc.string({ unit: "grapheme-ascii", maxLength: 30 })).map(([a, b]) => `${a} ${b}`),
  fc.string({ maxLength: 4000 }).map((s) => s.normalize("NFD")),
  fc.constant("a".repeat(20_000)),
);

const calendar = createSchoolCalendar();
const config = loadConfig();

async function fuzzMessages(count: number) {
  const database = await openDatabase({ dataDir: "memory://" });
  const db = database.db;
  const bytes = new Uint8Array(readFileSync("../shared/plans/003_dc7a978b8978f047.txt"));
  await importPlan(
    db,
    { name: "003.txt", bytes },
    { calendar, clock: fixedClock("2023-10-12"), publish: true },
  );
  const phong = await createUnit(db, { code: "P", name: "Phòng GDĐT Quận 1", kind: "phong" });
  const school = await createUnit(db, {
    code: "S",
    name: "Trường Tiểu học Kết Đoàn",
    kind: "tieu_hoc",
    parentId: phong.id,
  });
  for (const [name, role, unitId] of [
    ["focal", "focal", school.id],
    ["officer", "officer", phong.id],
  ] as const) {
    const identity = await createIdentity(db, { platform: "fuzz", externalId: name });
    const person = await createPerson(db, { name });
    await grantRole(db, person.id, role, unitId);
    await linkIdentity(db, identity.id, person.id);
  }
  const now = fixedClock("2023-10-20").now();
  const reader = createMessageReader({ calendar, cacheDir: config.modelCacheDir });
  const assistant = createAssistant({
    db,
    clock: { now: () => now },
    config,
    log: silentLogger(),
    calendar,
    memory: memoryChatMemory(),
    reader,
  });
  const count0 = async () => {
    const result = (await db.execute(sql`select count(*)::int as n from audit_log`)) as unknown as {
      rows: { n: number }[];
    };
    return result.rows[0]?.n ?? 0;
  };
  let sent = 0;
  let writes = 0;
  const roles = ["focal", "officer", "stranger"];
  for (const text of fc.sample(message, { numRuns: count, seed })) {
    if (performance.now() > deadline) break;
    const userId = roles[sent % roles.length] ?? "stranger";
    const before = await count0();
    try {
      const answer = await assistant.understand({
        platform: "fuzz",
        userId,
        chatId: userId,
        text,
        receivedAt: now,
      });
      const shown = replyToPlainText(answer.reply);
      if (stackTrace.test(shown)) fail("stack trace in a reply", text, shown);
      if ((await count0()) !== before) {
        writes++;
        // A write must come from a command or a confident statement; a random message is neither
        // unless the reader says it is.
        const reading = reader.read(text, "2023-10-20");
        if (!reading.byCommand && !(reading.confident && !reading.message.question))
          fail("a record written on a guess", text, answer.intent);
      }
    } catch (error) {
      fail("a message threw", text, error instanceof Error ? error.stack : error);
    }
    sent++;
  }
  await database.close();
  return { sent, writes };
}

// Unit files: rows shaped like a real tree (codes, kinds, parents that exist) with names, groups
// and contacts made of anything, and now and then a row that is garbage.
const kinds = unitKinds;
const anyText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom("=1+1", "+84 912", "-x", "@sum", '"', '""', ";", "Trường Mầm non", "ng\u0300y", ""),
);
const unitRow = (i: number) =>
  fc
    .record({
      name: anyText,
      kind: fc.oneof(
        { arbitrary: fc.constantFrom(...kinds), weight: 30 },
        { arbitrary: fc.constant("bogus"), weight: 1 },
      ),
      parent: fc.nat({ max: Math.max(0, i) }),
      groups: fc.constantFrom("", "Khối 1", "Khối 1;Khối 2", "Cụm ;;"),
      leads: fc.constantFrom("", "", "", ""),
      phone: fc.oneof(
        { arbitrary: fc.constantFrom("", "0912345678", "+84 912 345 678"), weight: 30 },
        { arbitrary: fc.constant("12"), weight: 1 },
      ),
      email: fc.oneof(
        { arbitrary: fc.constantFrom("", "a@b.vn"), weight: 30 },
        { arbitrary: fc.constant("not-an-email"), weight: 1 },
      ),
      // Now and then a line that is no row at all.
      garbage: fc.oneof(
        { arbitrary: fc.constant(null), weight: 40 },
        { arbitrary: fc.string({ maxLength: 30 }), weight: 1 },
      ),
    })
    .map((r) =>
      r.garbage !== null
        ? r.garbage
        : [
            `U${i}`,
            `"${(r.name || "Trường").replace(/"/g, '""')}"`,
            r.kind,
            i === 0 ? "" : `U${r.parent === i ? 0 : r.parent}`,
            r.groups,
            r.leads,
            "",
            r.phone,
            r.email,
          ].join(","),
    );
const unitFile = fc
  .nat({ max: 25 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => unitRow(i))))
  .map((rows) =>
    ["code,name,kind,parent_code,groups,leads,focal_name,focal_phone,focal_email", ...rows].join("\n"),
  );

async function fuzzUnitFiles(count: number) {
  const database = await openDatabase({ dataDir: "memory://" });
  let read = 0;
  let imported = 0;
  for (const text of fc.sample(unitFile, { numRuns: count, seed })) {
    if (performance.now() > deadline) break;
    read++;
    try {
      const rows = await readUnitFile({ name: "units.csv", bytes: new TextEncoder().encode(text) });
      await importUnits(database.db, rows, terminalAdministrator("fuzz"), new Date(0));
      imported++;
    } catch (error) {
      if (!(error instanceof ThiduaError))
        fail("a unit file threw", text, error instanceof Error ? error.stack : error);
    }
  }
  await database.close();
  return { read, imported };
}

// Plan texts: lines of a plan's vocabulary and of anything else.
const planLine = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.constantFrom(
    "KẾ HOẠCH",
    "Số: 12/KH-PGDĐT",
    "I. MỤC ĐÍCH",
    "1. Hồ sơ gồm:",
    "- Tờ trình;",
    "+ Biên bản họp;",
    "Trước ngày 31/02/2023",
    "Từ ngày 15/5/2024 - 01/5/2024",
    "chậm nhất ngày 27 tháng 10 năm 2023",
    "PHỤ LỤC",
    "TT\tNội dung\tĐơn vị thực hiện\tThời gian",
    "1\tNộp hồ sơ\tCác trường\tQuý V",
    "email: a@b",
    "Năm học 2023 – 2024",
    "\t\t\t",
    "",
  ),
);
const planText = fc.array(planLine, { maxLength: 80 }).map((lines) => lines.join("\n"));

async function fuzzPlans(count: number) {
  const database = await openDatabase({ dataDir: "memory://" });
  let read = 0;
  let imported = 0;
  for (const text of fc.sample(planText, { numRuns: count, seed })) {
    if (performance.now() > deadline) break;
    read++;
    try {
      await importPlan(
        database.db,
        { name: "plan.txt", bytes: new TextEncoder().encode(text) },
        { calendar, clock: fixedClock("2024-01-01") },
      );
      imported++;
    } catch (error) {
      if (!(error instanceof ThiduaError))
        fail("a plan text threw", text, error instanceof Error ? error.stack : error);
    }
  }
  await database.close();
  return { read, imported };
}

const started = performance.now();
const messages = await fuzzMessages(Number(values.messages));
const unitFiles = await fuzzUnitFiles(Number(values["unit-files"]));
const plans = await fuzzPlans(Number(values.plans));
console.log(
  `fuzz (seed ${seed}, ${((performance.now() - started) / 1000).toFixed(0)} s): ${messages.sent} messages (${messages.writes} wrote a record), ${unitFiles.read} unit files (${unitFiles.imported} imported), ${plans.read} plan texts (${plans.imported} imported); ${failures.length} failures`,
);
for (const f of failures.slice(0, 20)) console.log(`  ✗ ${f}`);
if (failures.length) process.exitCode = 1;
