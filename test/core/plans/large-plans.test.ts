import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createSchoolCalendar,
  fixedClock,
  importPlan,
  listPlans,
  planTasks,
  ThiduaError,
} from "../../../src/core/index.js";
import { planSections, tasks } from "../../../src/core/storage/schema.js";
import { engines, openTestDatabase, type TestDatabase } from "../../support/engines.js";

const calendar = createSchoolCalendar();
const clock = fixedClock("2023-01-02");
const asFile = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
const tableHeader =
  "TT\tNội dung nhiệm vụ\tĐơn vị thực hiện\tĐơn vị tham mưu, phối hợp\tThời gian hoàn thành";

/** A plan whose appendix timeline has `rows` rows: row n is due before day n mod 28 + 2 of month n mod 12 + 1. */
function planWithRows(rows: number): string {
  const lines = ["KẾ HOẠCH", "", "Công tác thi đua, khen thưởng năm 2023", "", "PHỤ LỤC", "", tableHeader];
  for (let n = 1; n <= rows; n++) {
    lines.push(
      `${n}.\tGửi báo cáo chuyên đề số ${n}\tCác phòng GDĐT\tVăn phòng Sở\tTrước ngày ${(n % 28) + 2}/${(n % 12) + 1}/2023`,
    );
  }
  return `${lines.join("\n")}\n`;
}

/**
 * A plan of `headings` numbered headings ("n. Mục n"), each with one "a)" under it: twice as many
 * sections. Every thousandth heading's body holds a deadline, so prose tasks find their section.
 */
function planWithSections(headings: number): string {
  const lines = ["KẾ HOẠCH", "", "Công tác thi đua, khen thưởng năm 2023", ""];
  for (let n = 1; n <= headings; n++) {
    lines.push(`${n}. Mục ${n}`, "", `a) Việc của mục ${n}`, "");
    if (n % 1000 === 0) lines.push(`Các đơn vị nộp báo cáo mục ${n} trước ngày 15/3/2023.`, "");
  }
  lines.push(
    "PHỤ LỤC",
    "",
    tableHeader,
    "1.\tGửi báo cáo tổng hợp\tCác phòng GDĐT\tVăn phòng Sở\tTháng 02/2023",
  );
  return `${lines.join("\n")}\n`;
}

// 10 000 rows or sections: ~3 s an import on these two cores alone, up to three times that beside the
// other test workers; the size is what overflowed a statement, so it cannot shrink.
const heavy = { timeout: 30_000 };

describe.each(engines)("plans of extreme size on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(() => database.drop());

  it("stores every task of a timeline of 10 000 rows", heavy, async () => {
    const { plan, created } = await importPlan(database.db, asFile("10000-dong.txt", planWithRows(10_000)), {
      calendar,
      clock,
    });
    expect(created).toBe(true);
    const stored = await planTasks(database.db, plan.id);
    expect(stored).toHaveLength(10_000);
    expect(stored.map((t) => t.row)).toEqual(Array.from({ length: 10_000 }, (_, i) => i + 1));
    expect(stored[0]).toMatchObject({ text: "Gửi báo cáo chuyên đề số 1", dueOn: "2023-02-02" });
    expect(stored[9_999]).toMatchObject({ text: "Gửi báo cáo chuyên đề số 10000", dueOn: "2023-05-05" });
  });

  it("stores every section of a plan of 10 000 sections, each under its heading", heavy, async () => {
    const { plan } = await importPlan(database.db, asFile("10000-muc.txt", planWithSections(5_000)), {
      calendar,
      clock,
    });
    const sections = await database.db
      .select()
      .from(planSections)
      .where(eq(planSections.planId, plan.id))
      .orderBy(planSections.position);
    expect(sections).toHaveLength(10_000);
    const byId = new Map(sections.map((s) => [s.id, s]));
    for (const [i, section] of sections.entries()) {
      // Headings at even positions are top-level; each "a)" stands under the heading just before it.
      expect(section.parentId === null ? null : byId.get(section.parentId)?.position).toBe(
        i % 2 === 0 ? null : i - 1,
      );
    }
    const prose = (await planTasks(database.db, plan.id)).filter((t) => t.source === "text");
    expect(prose).toHaveLength(5);
    for (const task of prose) {
      const n = /mục (\d+)/.exec(task.text)?.[1];
      expect(byId.get(task.sectionId ?? -1)?.heading).toBe(`Việc của mục ${n}`);
    }
  });

  it("refuses a plan over 20 MB with the size message, storing nothing", async () => {
    const plansBefore = (await listPlans(database.db)).length;
    const [tasksBefore] = await database.db.select({ n: count() }).from(tasks);
    // 21 MB exactly: a real header, then lines of ASCII filler (one byte a character).
    const head = "KẾ HOẠCH\n\nCông tác thi đua, khen thưởng năm 2023\n\n";
    const size = 21 * 1024 * 1024;
    const filler = "Noi dung lap lai cho tep that lon.\n";
    const body = filler.repeat(Math.ceil(size / filler.length)).slice(0, size - Buffer.byteLength(head));
    const text = head + body;
    expect(Buffer.byteLength(text)).toBe(size);
    const error = await importPlan(database.db, asFile("qua-lon.txt", text), { calendar, clock }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ThiduaError);
    expect(error).toMatchObject({
      messageKey: "errors.plan_file_too_large",
      params: { name: "qua-lon.txt", size: 21, limit: 20 },
    });
    expect(await listPlans(database.db)).toHaveLength(plansBefore);
    expect(await database.db.select({ n: count() }).from(tasks)).toEqual([tasksBefore]);
  });
});
