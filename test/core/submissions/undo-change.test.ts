import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import {
  type Actor,
  createUnit,
  type Db,
  identifyActor,
  loadUnitTree,
  type Role,
  recordSubmission,
  submissionsOf,
  ThiduaError,
  undoLastSubmissionChange,
} from "../../../src/core/index.js";
import { engines, queryRows, type TestDatabase, useTestDatabase } from "../../support/engines.js";
import { seatPerson } from "../../support/people.js";

const at = new Date("2023-10-20T03:00:00Z");
const minutesLater = (n: number) => new Date(at.getTime() + n * 60_000);

describe.each(engines)("taking back a submission change (%s)", (engine) => {
  const fixture = useTestDatabase(engine);
  let database: TestDatabase;
  let db: Db;
  let taskId: number;
  let schoolId: number;
  let focal: Actor;
  let officer: Actor;

  async function actorWith(name: string, role: Role, unitId: number): Promise<Actor> {
    await seatPerson(db, { platform: "zalo", externalId: name }, role, unitId);
    return identifyActor(db, { platform: "zalo", externalId: name }, at);
  }

  beforeEach(async () => {
    database = fixture.database;
    db = database.db;
    const phong = await createUnit(db, { code: "P1", name: "Phòng GDĐT Quận 1", kind: "phong" });
    const school = await createUnit(db, {
      code: "TH1",
      name: "TH Kết Đoàn",
      kind: "tieu_hoc",
      parentId: phong.id,
    });
    schoolId = school.id;
    await db.execute(
      sql`insert into plans (source_name, source_hash, status) values ('p.txt', 'h', 'published')`,
    );
    await db.execute(
      sql`insert into tasks (plan_id, source, text, requires_submission) select id, 'text', 'Nộp hồ sơ thi đua', true from plans`,
    );
    taskId = (await queryRows<{ id: number }>(database, sql`select id from tasks`))[0]?.id ?? 0;
    focal = await actorWith("focal", "focal", school.id);
    officer = await actorWith("officer", "officer", phong.id);
  });

  const status = async () => (await submissionsOf(db, [schoolId], [taskId]))[0]?.status ?? "chua_nop";
  const record = async (
    actor: Actor,
    change: "da_nop" | "da_tiep_nhan" | "can_bo_sung",
    when: Date,
    note?: string,
  ) =>
    recordSubmission(
      db,
      actor,
      await loadUnitTree(db),
      { taskId, unitId: schoolId, status: change, note },
      when,
    );
  const undo = async (actor: Actor, when: Date) =>
    undoLastSubmissionChange(db, actor, await loadUnitTree(db), when, { withinMinutes: 10 });

  it("takes back a focal person's 'đã nộp' within ten minutes, and the audit log keeps both", async () => {
    await record(focal, "da_nop", at);
    const undone = await undo(focal, minutesLater(4));
    expect(undone).toEqual({ taskId, unitId: schoolId, undone: "da_nop", restored: "chua_nop" });
    expect(await status()).toBe("chua_nop");
    const audit = await queryRows<{ action: string; details: { undoes?: number } }>(
      database,
      sql`select action, details from audit_log order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(["submission.da_nop", "submission.undo"]);
    expect(audit[1]?.details.undoes).toBeGreaterThan(0);
  });

  it("puts back what a return for completion replaced, and withdraws its unsent notice", async () => {
    await record(focal, "da_nop", at);
    await record(officer, "can_bo_sung", minutesLater(1), "thiếu biên bản họp hội đồng");
    const pending = sql`select count(*)::int as n from reminder_outbox where state = 'pending'`;
    expect((await queryRows<{ n: number }>(database, pending))[0]?.n).toBe(1);
    expect((await undo(officer, minutesLater(3)))?.restored).toBe("da_nop");
    expect(await status()).toBe("da_nop");
    expect((await queryRows<{ n: number }>(database, pending))[0]?.n).toBe(0);
  });

  it("has nothing to take back after ten minutes, for someone else, or twice", async () => {
    await record(focal, "da_nop", at);
    expect(await undo(focal, minutesLater(11))).toBeNull();
    expect(await undo(officer, minutesLater(2))).toBeNull();
    expect(await undo(focal, minutesLater(2))).not.toBeNull();
    expect(await undo(focal, minutesLater(3))).toBeNull();
  });

  it("refuses when the record changed after the change", async () => {
    await record(focal, "da_nop", at);
    await record(officer, "da_tiep_nhan", minutesLater(1));
    const refused = await undo(focal, minutesLater(2)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ThiduaError);
    expect((refused as ThiduaError).messageKey).toBe("errors.undo_changed_since");
    expect(await status()).toBe("da_tiep_nhan");
  });
});
