import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import {
  type Actor,
  createInvite,
  createUnit,
  identifyActor,
  loadUnitTree,
  redeemInvite,
  terminalAdministrator,
} from "../../../src/core/index.js";
import { engines, queryRows, type TestDatabase, useTestDatabase } from "../../support/engines.js";
import { seatPerson } from "../../support/people.js";

const at = new Date("2023-10-01T03:00:00Z");
const later = (days: number) => new Date(at.getTime() + days * 24 * 60 * 60 * 1000);

describe.each(engines)("invite codes (%s)", (engine) => {
  const fixture = useTestDatabase(engine);
  let database: TestDatabase;
  let units: Record<string, number>;
  const sender = (platform: string, id: string, when = at) =>
    identifyActor(database.db, { platform, externalId: id }, when);
  const invite = async (by: Actor, unit: string, role: "focal" | "officer" = "focal") => {
    const tree = await loadUnitTree(database.db);
    return createInvite(database.db, by, { unitId: units[unit] as number, role }, at, tree.subtreeOf);
  };

  beforeEach(async () => {
    database = fixture.database;
    const phong = await createUnit(database.db, { code: "P1", name: "Phòng GDĐT Quận 1", kind: "phong" });
    const school = await createUnit(database.db, {
      code: "TH1",
      name: "Trường Tiểu học Kết Đoàn",
      kind: "tieu_hoc",
      parentId: phong.id,
    });
    const other = await createUnit(database.db, { code: "P3", name: "Phòng GDĐT Quận 3", kind: "phong" });
    units = { P1: phong.id, TH1: school.id, P3: other.id };
    await seatPerson(database.db, { platform: "slack", externalId: "officer" }, "officer", phong.id);
  });

  it("lets an administrator or an officer above the unit invite, and no one else", async () => {
    const officer = await sender("slack", "officer");
    expect((await invite(terminalAdministrator(), "P3")).code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect((await invite(officer, "TH1")).expiresAt).toEqual(later(7));
    await expect(invite(officer, "P3")).rejects.toMatchObject({ messageKey: "errors.invite_forbidden" });
    await expect(invite(await sender("zalo", "nobody"), "TH1")).rejects.toMatchObject({ code: "forbidden" });
  });

  it("links a chat identity, once, and the same focal person on a second platform", async () => {
    const first = await invite(terminalAdministrator(), "TH1");
    const telegram = await sender("telegram", "42");
    expect(await redeemInvite(database.db, telegram, first.code.toLowerCase().replace("-", " "), at)).toEqual(
      {
        unitName: "Trường Tiểu học Kết Đoàn",
        role: "focal",
      },
    );
    expect((await sender("telegram", "42")).roles).toMatchObject([{ role: "focal", unitId: units.TH1 }]);
    await expect(redeemInvite(database.db, await sender("zalo", "7"), first.code, at)).rejects.toMatchObject({
      messageKey: "errors.invite_used",
    });
    const second = await invite(terminalAdministrator(), "TH1");
    await redeemInvite(database.db, await sender("zalo", "7"), second.code, at);
    const people = await queryRows<{ platform: string; person_id: number }>(
      database,
      sql`select platform, person_id from chat_identities where external_id in ('42', '7') order by platform`,
    );
    expect(people).toHaveLength(2);
    expect(people[0]?.person_id).toBe(people[1]?.person_id);
  });

  it("refuses an expired code", async () => {
    const old = await invite(terminalAdministrator(), "P1", "officer");
    await expect(
      redeemInvite(database.db, await sender("slack", "late"), old.code, later(8)),
    ).rejects.toMatchObject({
      messageKey: "errors.invite_expired",
    });
  });

  it("stops guessing after five wrong codes in a quarter of an hour", async () => {
    const guesser = await sender("telegram", "guesser");
    for (let i = 0; i < 5; i++) {
      await expect(redeemInvite(database.db, guesser, `AAAA-AAA${i + 2}`, at)).rejects.toMatchObject({
        messageKey: "errors.invite_unknown",
      });
    }
    const good = await invite(terminalAdministrator(), "P3", "officer");
    await expect(redeemInvite(database.db, guesser, good.code, at)).rejects.toMatchObject({
      messageKey: "errors.invite_rate_limited",
    });
    // A quarter of an hour later the right code works.
    expect(
      (await redeemInvite(database.db, guesser, good.code, new Date(at.getTime() + 16 * 60 * 1000))).role,
    ).toBe("officer");
  });

  it("keeps only a hash of each code", async () => {
    const made = await invite(terminalAdministrator(), "P1");
    const rows = await queryRows<{ code_hash: string }>(database, sql`select code_hash from invite_codes`);
    expect(rows.some((r) => r.code_hash.includes(made.code))).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.code_hash))).toBe(true);
  });
});
