import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  createSecretBox,
  databasePlatformState,
  ErrorCode,
  memoryPlatformState,
  type PlatformState,
  ThiduaError,
} from "../../../src/core/index.js";
import { engines, queryRows, useTestDatabase } from "../../support/engines.js";

let clock = new Date("2024-03-01T08:00:00Z");
const now = () => clock;
const box = createSecretBox("a key of at least sixteen characters");

// The same behaviour from the database (both engines) and from the in-memory twin adapters test with.
function behavesAsPlatformState(make: () => PlatformState) {
  it("claims an update once, whoever delivers it again", async () => {
    const state = make();
    expect(await state.claimUpdate("telegram", "42", { text: "hạn nộp?" })).toBe(true);
    expect(await state.claimUpdate("telegram", "42", { text: "hạn nộp?" })).toBe(false);
    // The same id from another platform is another update.
    expect(await state.claimUpdate("slack", "42")).toBe(true);
  });

  it("hands back what was acknowledged but never answered, with its payload", async () => {
    const state = make();
    clock = new Date("2024-03-01T08:00:00Z");
    await state.claimUpdate("telegram", "1", { n: 1 });
    await state.claimUpdate("telegram", "2", { n: 2 });
    await state.finishUpdate("telegram", "1");
    const later = new Date("2024-03-01T08:05:00Z");
    expect(await state.unfinishedUpdates("telegram", later)).toEqual([{ updateId: "2", payload: { n: 2 } }]);
    expect(await state.unfinishedUpdates("slack", later)).toEqual([]);
    // An update received after the moment asked about may still be in another process's hands.
    expect(await state.unfinishedUpdates("telegram", new Date("2024-03-01T07:00:00Z"))).toEqual([]);
  });

  it("forgets answered updates only, so a redelivery of an old one is still refused", async () => {
    const state = make();
    clock = new Date("2024-03-01T08:00:00Z");
    await state.claimUpdate("zalo-bot", "a");
    await state.claimUpdate("zalo-bot", "b");
    await state.finishUpdate("zalo-bot", "a");
    expect(await state.forgetUpdates(new Date("2024-03-09T00:00:00Z"))).toBe(1);
    expect(await state.claimUpdate("zalo-bot", "b")).toBe(false);
  });

  it("keeps plain values and replaces them", async () => {
    const state = make();
    expect(await state.get("telegram:k:1")).toBeUndefined();
    await state.put("telegram:k:1", "/han 12");
    await state.put("telegram:k:1", "/han 13");
    expect(await state.get("telegram:k:1")).toBe("/han 13");
  });

  it("keeps secrets apart from plain values", async () => {
    const state = make();
    await state.putSecret("zalo-oa:tokens", '{"refreshToken":"r-1"}');
    expect(await state.getSecret("zalo-oa:tokens")).toBe('{"refreshToken":"r-1"}');
    expect(await state.get("zalo-oa:tokens")).toBeUndefined();
  });
}

describe("the in-memory platform state", () => {
  behavesAsPlatformState(() => memoryPlatformState({ now }));
});

describe.each(engines)("the platform state in the database (%s)", (engine) => {
  const t = useTestDatabase(engine);
  behavesAsPlatformState(() => databasePlatformState(t.database.db, { now, box }));

  it("stores secrets sealed, never as written", async () => {
    const state = databasePlatformState(t.database.db, { now, box });
    await state.putSecret("zalo-oa:tokens", "refresh-token-plain-text");
    const rows = await queryRows<{ value: string; sealed: boolean }>(
      t.database,
      sql`select value, sealed from adapter_state where key = 'zalo-oa:tokens'`,
    );
    expect(rows[0]?.sealed).toBe(true);
    expect(rows[0]?.value).not.toContain("refresh-token-plain-text");
  });

  it("refuses to open secrets with another key, and to store them with none", async () => {
    await databasePlatformState(t.database.db, { now, box }).putSecret("s", "v");
    const other = databasePlatformState(t.database.db, {
      now,
      box: createSecretBox("another key, also sixteen chars"),
    });
    await expect(other.getSecret("s")).rejects.toMatchObject({ messageKey: "errors.secret_key_mismatch" });
    const keyless = databasePlatformState(t.database.db, { now });
    const refused = await keyless.putSecret("s", "v").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ThiduaError);
    expect((refused as ThiduaError).code).toBe(ErrorCode.ConfigInvalid);
    expect((refused as ThiduaError).params.variable).toBe("THIDUA_SECRET_KEY");
  });
});

describe("the secret box", () => {
  it("seals differently each time and opens what it sealed", () => {
    const a = box.seal("xin chào");
    expect(a).not.toBe(box.seal("xin chào"));
    expect(box.open(a)).toBe("xin chào");
  });

  it("refuses a sealed value that was altered", () => {
    const [v, iv, tag, body] = box.seal("token").split(".");
    const altered = [v, iv, tag, Buffer.from("tokem").toString("base64") ?? body].join(".");
    expect(() => box.open(altered)).toThrow(ThiduaError);
  });
});
