import { beforeEach, describe, expect, it } from "vitest";
import {
  createIdentity,
  createSubmission,
  createUnit,
  ErrorCode,
  findUnitByCode,
  touchIdentity,
} from "../../../src/core/index.js";
import { plans, tasks } from "../../../src/core/storage/schema.js";
import { engines, type TestDatabase, useTestDatabase } from "../../support/engines.js";

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe.each(engines)("constraints on %s", (engine) => {
  const fixture = useTestDatabase(engine);
  let database: TestDatabase;
  let taskId: number;
  let unitId: number;

  beforeEach(async () => {
    database = fixture.database;
    const { db } = database;
    const so = await createUnit(db, { code: "SGD-HN", name: "Sở GDĐT Hà Nội", kind: "so" });
    const phong = await createUnit(db, {
      code: "PGD-BD",
      name: "Phòng GDĐT quận Ba Đình",
      kind: "phong",
      parentId: so.id,
    });
    unitId = phong.id;
    const [plan] = await db.insert(plans).values({ sourceName: "kh.txt", sourceHash: "h1" }).returning();
    const [task] = await db
      .insert(tasks)
      .values({
        planId: plan!.id,
        source: "appendix",
        text: "Nộp hồ sơ",
        dueOn: "2023-05-29",
        deadlineKind: "by",
      })
      .returning();
    taskId = task!.id;
  });

  it("stores a unit tree and finds a unit by code", async () => {
    const found = await findUnitByCode(database.db, "PGD-BD");
    expect(found?.name).toBe("Phòng GDĐT quận Ba Đình");
    expect(found?.parentId).not.toBeNull();
  });

  it("refuses a second unit with the same code", async () => {
    expect(await codeOf(createUnit(database.db, { code: "SGD-HN", name: "x", kind: "so" }))).toBe(
      ErrorCode.Conflict,
    );
  });

  it("refuses a unit kind outside the list", async () => {
    const bogus = { code: "X1", name: "x", kind: "bogus" } as unknown as Parameters<typeof createUnit>[1];
    expect(await codeOf(createUnit(database.db, bogus))).toBe(ErrorCode.InputInvalid);
    expect(await findUnitByCode(database.db, "X1")).toBeUndefined();
  });

  it("refuses a second submission for the same task and unit", async () => {
    await createSubmission(database.db, { taskId, unitId });
    expect(await codeOf(createSubmission(database.db, { taskId, unitId }))).toBe(ErrorCode.Conflict);
  });

  it("refuses a submission for a task that does not exist", async () => {
    expect(await codeOf(createSubmission(database.db, { taskId: 999_999, unitId }))).toBe(ErrorCode.NotFound);
  });

  it("refuses a second identity with the same platform and external id", async () => {
    await createIdentity(database.db, { platform: "telegram", externalId: "42" });
    expect(await codeOf(createIdentity(database.db, { platform: "telegram", externalId: "42" }))).toBe(
      ErrorCode.Conflict,
    );
    // The same external id on another platform is another person.
    await expect(createIdentity(database.db, { platform: "slack", externalId: "42" })).resolves.toBeDefined();
  });

  it("finds an existing identity on touch instead of duplicating it", async () => {
    const first = await touchIdentity(database.db, { platform: "zalo", externalId: "z1" }, new Date());
    const second = await touchIdentity(database.db, { platform: "zalo", externalId: "z1" }, new Date());
    expect(second.id).toBe(first.id);
  });

  it("refuses a task whose window ends before it starts", async () => {
    const [plan] = await database.db
      .insert(plans)
      .values({ sourceName: "b.txt", sourceHash: "h2" })
      .returning();
    const reversed = database.db
      .insert(tasks)
      .values({ planId: plan!.id, source: "prose", text: "x", startOn: "2023-06-30", dueOn: "2023-06-15" });
    await expect(reversed).rejects.toThrow();
  });
});
