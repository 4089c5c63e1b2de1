import { readFileSync } from "node:fs";
import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import {
  createSchoolCalendar,
  ErrorCode,
  findPlan,
  fixedClock,
  importPlan,
  listPlans,
  planRequirements,
  planTasks,
  rollForwardPlan,
  setPlanStatus,
} from "../../../src/core/index.js";
import { channels, contacts, planSections, tasks } from "../../../src/core/storage/schema.js";
import { engines, type TestDatabase, useTestDatabase } from "../../support/engines.js";

const plansDir = new URL("../../../../shared/plans/", import.meta.url);
const sample = (file: string) => ({
  name: file,
  bytes: new Uint8Array(readFileSync(new URL(file, plansDir))),
});
const calendar = createSchoolCalendar();
const clock = fixedClock("2023-01-02");

describe.each(engines)("plan import on %s", (engine) => {
  const fixture = useTestDatabase(engine);
  let database: TestDatabase;
  beforeEach(() => {
    database = fixture.database;
  });

  it("stores a draft with its tasks, sections, dossier lists, channels and contacts", async () => {
    const { plan, created } = await importPlan(database.db, sample("003_dc7a978b8978f047.txt"), {
      calendar,
      clock,
    });
    expect(created).toBe(true);
    expect(plan.status).toBe("draft");
    expect(plan.number).toBe("1382/HD-GDĐT");
    const stored = await planTasks(database.db, plan.id);
    expect(stored.map((t) => t.dueOn)).toContain("2023-10-27");
    expect(stored.find((t) => t.dueOn === "2024-05-28")?.startOn).toBe("2024-05-15");
    const lists = await planRequirements(database.db, plan.id);
    expect(lists.find((l) => l.items.some((i) => i.text === "Biên bản Hội nghị"))?.items).toHaveLength(6);
    const [channelCount] = await database.db
      .select({ n: count() })
      .from(channels)
      .where(eq(channels.planId, plan.id));
    expect(channelCount?.n).toBe(1);
    const [contactCount] = await database.db
      .select({ n: count() })
      .from(contacts)
      .where(eq(contacts.planId, plan.id));
    expect(contactCount?.n).toBe(4);
    const sections = await database.db.select().from(planSections).where(eq(planSections.planId, plan.id));
    const sub = sections.find((s) => s.numbering === "1.2");
    expect(sub?.heading).toBe("Cấp ngành");
    expect(sections.find((s) => s.id === sub?.parentId)?.numbering).toBe("1");
  });

  it("changes nothing when the same file is imported again", async () => {
    await importPlan(database.db, sample("003_dc7a978b8978f047.txt"), { calendar, clock });
    const before = await database.db.select({ n: count() }).from(tasks);
    const again = await importPlan(database.db, sample("003_dc7a978b8978f047.txt"), { calendar, clock });
    expect(again.created).toBe(false);
    expect(await database.db.select({ n: count() }).from(tasks)).toEqual(before);
    expect((await listPlans(database.db)).filter((p) => p.number === "1382/HD-GDĐT")).toHaveLength(1);
  });

  it("publishes on import when asked, and finds a plan by its number", async () => {
    const { plan } = await importPlan(database.db, sample("000_31ba9c53447dfa3c.txt"), {
      calendar,
      clock,
      publish: true,
    });
    expect(plan.status).toBe("published");
    expect(plan.publishedAt?.toISOString()).toBe(clock.now().toISOString());
    expect((await findPlan(database.db, "4582/KH-SGDĐT")).id).toBe(plan.id);
    expect((await findPlan(database.db, String(plan.id))).number).toBe("4582/KH-SGDĐT");
    const archived = await setPlanStatus(database.db, plan.id, "archived", clock.now());
    expect(archived.status).toBe("archived");
  });

  it("refuses an unknown plan with a coded error", async () => {
    await expect(findPlan(database.db, "999/KH-XYZ")).rejects.toMatchObject({ code: ErrorCode.NotFound });
  });

  it("rolls a plan forward a year, shifting dates and flagging each for review", async () => {
    await importPlan(database.db, sample("000_31ba9c53447dfa3c.txt"), { calendar, clock });
    const source = await findPlan(database.db, "4582/KH-SGDĐT");
    const { plan, extraction, created } = await rollForwardPlan(database.db, source.id, {
      toYear: 2024,
      calendar,
    });
    expect(created).toBe(true);
    expect(plan.status).toBe("draft");
    expect(plan.rolledFromPlanId).toBe(source.id);
    expect(plan.title).toContain("năm 2024");
    const row16 = extraction.deadlines.find((d) => d.row === 16);
    expect(row16?.due).toBe("2024-05-29");
    expect(row16?.warning).toBe("rolled_forward");
    const unscheduled = extraction.deadlines.find((d) => d.row === 10);
    expect(unscheduled?.warning).toBeUndefined();
    const again = await rollForwardPlan(database.db, source.id, { toYear: 2024, calendar });
    expect(again.created).toBe(false);
    expect(again.plan.id).toBe(plan.id);
  });
});
