import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { identifyActor } from "../../../src/core/index.js";
import { engines, queryRows, type TestDatabase, useTestDatabase } from "../../support/engines.js";

describe.each(engines)("identifying the sender of a message (%s)", (engine) => {
  const fixture = useTestDatabase(engine);
  let database: TestDatabase;
  beforeEach(() => {
    database = fixture.database;
  });

  const lastSeen = async () =>
    (
      await queryRows<{ last_seen_at: string | Date }>(
        database,
        sql`select last_seen_at from chat_identities where external_id = '42'`,
      )
    ).map((r) => new Date(r.last_seen_at).toISOString());

  it("registers an identity on first contact, with the platform's language and no roles", async () => {
    const actor = await identifyActor(
      database.db,
      { platform: "zalo", externalId: "42", locale: "en" },
      new Date("2024-01-01T00:00:00Z"),
    );
    expect(actor).toMatchObject({ platform: "zalo", personId: null, locale: "en", roles: [] });
    expect(await lastSeen()).toEqual(["2024-01-01T00:00:00.000Z"]);
  });

  it("finds it again, and keeps 'last seen' to the hour rather than writing on every message", async () => {
    await identifyActor(
      database.db,
      { platform: "zalo", externalId: "42", locale: "en" },
      new Date("2024-01-01T00:00:00Z"),
    );
    const again = await identifyActor(
      database.db,
      { platform: "zalo", externalId: "42" },
      new Date("2024-01-01T00:30:00Z"),
    );
    expect(again.locale).toBe("en");
    expect(await lastSeen()).toEqual(["2024-01-01T00:00:00.000Z"]);
    await identifyActor(
      database.db,
      { platform: "zalo", externalId: "42" },
      new Date("2024-01-01T01:00:00Z"),
    );
    expect(await lastSeen()).toEqual(["2024-01-01T01:00:00.000Z"]);
  });
});
