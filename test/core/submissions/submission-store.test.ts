import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import {
  type Actor,
  asLocalAdministrator,
  createUnit,
  type Db,
  identifyActor,
  loadUnitTree,
  type Role,
  recordSubmission,
  submissionsOf,
  ThiduaError,
  unitsActorMay,
} from "../../../src/core/index.js";
import { engines, queryRows, type TestDatabase, useTestDatabase } from "../../support/engines.js";
import { seatPerson } from "../../support/people.js";

const at = new Date("2023-10-20T03:00:00Z");

/** A Sở with one Phòng, a school under the Phòng and a school directly under the Sở; one task. */
async function seed(db: Db) {
  const so = await createUnit(db, { code: "SO", name: "Sở GDĐT", kind: "so" });
  const phong = await createUnit(db, {
    code: "P1",
    name: "Phòng GDĐT Quận 1",
    kind: "phong",
    parentId: so.id,
  });
  const school = await createUnit(db, {
    code: "TH1",
    name: "TH Kết Đoàn",
    kind: "tieu_hoc",
    parentId: phong.id,
  });
  const other = await createUnit(db, {
    code: "THPT1",
    name: "THPT Trưng Vương",
    kind: "thpt",
    parentId: so.id,
  });
  await db.execute(
    sql`insert into plans (source_name, source_hash, status) values ('p.txt', 'h', 'published')`,
  );
  await db.execute(
    sql`insert into tasks (plan_id, source, text, requires_submission) select id, 'text', 'Nộp hồ sơ thi đua', true from plans`,
  );
  const [task] = await db
    .execute(sql`select id from tasks`)
    .then((r) =>
      Array.isArray(r) ? (r as { id: number }[]) : (r as unknown as { rows: { id: number }[] }).rows,
    );
  return { so, phong, school, other, taskId: (task as { id: number }).id };
}

async function actorWith(db: Db, name: string, role: Role | null, unitId: number | null): Promise<Actor> {
  await seatPerson(db, { platform: "telegram", externalId: name }, role, unitId);
  return identifyActor(db, { platform: "telegram", externalId: name }, at);
}

describe.each(engines)("submissions and who may change them (%s)", (engine) => {
  const fixture = useTestDatabase(engine);
  let database: TestDatabase;
  let world: Awaited<ReturnType<typeof seed>>;
  let actors: Record<string, Actor>;

  beforeEach(async () => {
    database = fixture.database;
    world = await seed(database.db);
    actors = {
      focal: await actorWith(database.db, "focal", "focal", world.school.id),
      otherFocal: await actorWith(database.db, "otherFocal", "focal", world.other.id),
      phongOfficer: await actorWith(database.db, "phongOfficer", "officer", world.phong.id),
      soOfficer: await actorWith(database.db, "soOfficer", "officer", world.so.id),
      admin: await actorWith(database.db, "admin", "admin", null),
      stranger: await actorWith(database.db, "stranger", null, null),
    };
  });

  it("loads the sender's roles with their unit", () => {
    expect(actors.focal?.roles).toEqual([
      { role: "focal", unitId: world.school.id, unitName: "TH Kết Đoàn", unitKind: "tieu_hoc" },
    ]);
    expect(actors.stranger?.roles).toEqual([]);
    expect(actors.stranger?.personId).toBeNull();
  });

  // Every role against every status action: which of the four units it reaches.
  const reach: [string, "read" | "submit" | "review", string[]][] = [
    ["focal", "read", ["TH1"]],
    ["focal", "submit", ["TH1"]],
    ["focal", "review", []],
    ["otherFocal", "submit", ["THPT1"]],
    ["phongOfficer", "read", ["P1", "TH1"]],
    ["phongOfficer", "submit", ["P1", "TH1"]],
    ["phongOfficer", "review", ["P1", "TH1"]],
    ["soOfficer", "review", ["P1", "SO", "TH1", "THPT1"]],
    ["admin", "review", ["P1", "SO", "TH1", "THPT1"]],
    ["stranger", "read", []],
    ["stranger", "submit", []],
    ["stranger", "review", []],
  ];
  it.each(reach)("%s may %s exactly %j", async (who, action, codes) => {
    const tree = await loadUnitTree(database.db);
    const actor = actors[who] as Actor;
    const reached = [...unitsActorMay(actor, tree, action)].map((id) => tree.byId.get(id)?.code).sort();
    expect(reached).toEqual(codes);
  });

  it("refuses a focal person another unit's submission, and changes nothing", async () => {
    const tree = await loadUnitTree(database.db);
    const attempt = recordSubmission(
      database.db,
      actors.otherFocal as Actor,
      tree,
      { taskId: world.taskId, unitId: world.school.id, status: "da_nop" },
      at,
    );
    await expect(attempt).rejects.toMatchObject({ code: "forbidden", messageKey: "errors.forbidden" });
    expect(await submissionsOf(database.db, [world.school.id], [world.taskId])).toEqual([]);
  });

  it("refuses a focal person the officer's receipt", async () => {
    const tree = await loadUnitTree(database.db);
    await expect(
      recordSubmission(
        database.db,
        actors.focal as Actor,
        tree,
        { taskId: world.taskId, unitId: world.school.id, status: "da_tiep_nhan" },
        at,
      ),
    ).rejects.toBeInstanceOf(ThiduaError);
  });

  it("walks chưa nộp → đã nộp → cần bổ sung → đã nộp → đã tiếp nhận, auditing each change", async () => {
    const tree = await loadUnitTree(database.db);
    const change = (actor: string, status: "da_nop" | "da_tiep_nhan" | "can_bo_sung", note?: string) =>
      recordSubmission(
        database.db,
        actors[actor] as Actor,
        tree,
        { taskId: world.taskId, unitId: world.school.id, status, note },
        at,
      );
    expect((await change("focal", "da_nop")).changed).toBe(true);
    // Saying it twice records nothing new.
    expect((await change("focal", "da_nop")).changed).toBe(false);
    await expect(change("phongOfficer", "can_bo_sung")).rejects.toMatchObject({
      messageKey: "errors.submission_note_required",
    });
    await change("phongOfficer", "can_bo_sung", "Thiếu biên bản họp");
    const [returned] = await submissionsOf(database.db, [world.school.id], [world.taskId]);
    expect(returned).toMatchObject({ status: "can_bo_sung", note: "Thiếu biên bản họp" });
    // The focal person is told on the platform they linked.
    const told = await queryRows<{ platform: string; payload: { kind: string; note: string } }>(
      database,
      sql`select platform, payload from reminder_outbox`,
    );
    expect(told).toEqual([
      {
        platform: "telegram",
        payload: { kind: "returned", taskId: world.taskId, note: "Thiếu biên bản họp" },
      },
    ]);
    await change("focal", "da_nop");
    await change("soOfficer", "da_tiep_nhan");
    await expect(change("focal", "da_nop")).rejects.toMatchObject({
      messageKey: "errors.submission_already_received",
    });
    const audit = await queryRows<{ action: string; platform: string; actor_person_id: number | null }>(
      database,
      sql`select action, platform, actor_person_id from audit_log where entity = 'submission' order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      "submission.da_nop",
      "submission.can_bo_sung",
      "submission.da_nop",
      "submission.da_tiep_nhan",
    ]);
    expect(audit.every((a) => a.platform === "telegram" && a.actor_person_id !== null)).toBe(true);
  });

  it("lets the person at the terminal act as administrator", async () => {
    const tree = await loadUnitTree(database.db);
    const local = asLocalAdministrator(actors.stranger as Actor);
    expect(unitsActorMay(local, tree, "review").size).toBe(4);
  });
});
