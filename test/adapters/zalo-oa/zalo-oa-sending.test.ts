import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { tokensKey } from "../../../src/adapters/zalo-oa/token-keeper.js";
import { createTranslator, type Reply } from "../../../src/bot/index.js";
import { engines, queryRows, useTestDatabase } from "../../support/engines.js";
import { type ServedOa, serveOa } from "./served-oa.js";

const t = createTranslator()("vi");
const waitLong = { timeout: 5_000, interval: 20 };
const hello = (text = "Chào bạn, đây là nhắc việc thi đua."): Reply => ({
  locale: "vi",
  blocks: [{ kind: "paragraph", text }],
});

describe.each(engines)("Zalo OA sending and tokens (%s)", (engine) => {
  const fixture = useTestDatabase(engine);
  let oa: ServedOa;
  beforeEach(async () => {
    oa = await serveOa(fixture.database);
  });
  afterEach(() => oa.stop());

  const storedRow = async () =>
    (
      await queryRows<{ value: string; sealed: boolean }>(
        fixture.database,
        sql`select value, sealed from adapter_state where key = ${tokensKey}`,
      )
    )[0];

  it("saves the refreshed pair sealed, and spends each refresh token once as they rotate", async () => {
    expect((await oa.adapter.send({ chatId: "8001" }, hello())).ok).toBe(true);
    const first = oa.fake.refreshes[0];
    expect(first?.answered).toBe("issued");
    const row = await storedRow();
    expect(row?.sealed).toBe(true);
    // Sealed at rest: neither token appears in the stored value.
    const accessToken = oa.fake.sent[0]?.accessToken ?? "";
    expect(accessToken).not.toBe("");
    expect(row?.value).not.toContain(accessToken);
    expect(row?.value).not.toContain("refresh-");

    // Zalo expires the access token: one refresh, with the refresh token the first one returned.
    oa.fake.expireAccessTokens();
    expect((await oa.adapter.send({ chatId: "8001" }, hello())).ok).toBe(true);
    expect(oa.fake.refreshes.map((r) => r.answered)).toEqual(["issued", "issued"]);
    expect(oa.fake.refreshes[1]?.refreshToken).not.toBe(first?.refreshToken);
    expect(oa.fake.sent[1]?.accessToken).not.toBe(accessToken);
    expect((await storedRow())?.value).not.toBe(row?.value);
  });

  it("after a restart uses the stored pair, not ZALO_OA_REFRESH_TOKEN (already spent)", async () => {
    await oa.adapter.send({ chatId: "8002" }, hello());
    const usedAccess = oa.fake.sent[0]?.accessToken;
    await oa.served.stop();
    const again = await oa.restart();
    const adapter = again.server.adapters.find((a) => a.platform === "zalo-oa");
    expect((await adapter?.send({ chatId: "8002" }, hello()))?.ok).toBe(true);
    // The stored access token is still good: no refresh at all, and the env token never reused.
    expect(oa.fake.refreshes).toHaveLength(1);
    expect(oa.fake.sent[1]?.accessToken).toBe(usedAccess);

    // Once it nears its end, the refresh after the restart spends the stored refresh token.
    oa.fake.expireAccessTokens();
    expect((await adapter?.send({ chatId: "8002" }, hello()))?.ok).toBe(true);
    expect(oa.fake.refreshes.map((r) => r.answered)).toEqual(["issued", "issued"]);
    expect(oa.fake.refreshes[1]?.refreshToken).not.toBe(oa.fake.firstRefreshToken);
  });

  it("refreshes a token close to its expiry before using it", async () => {
    oa.fake.tokenLifetime = 120; // inside the five-minute margin
    await oa.adapter.send({ chatId: "8003" }, hello());
    await oa.adapter.send({ chatId: "8003" }, hello());
    expect(oa.fake.refreshes.map((r) => r.answered)).toEqual(["issued", "issued"]);
    expect(oa.fake.messageCalls).toBe(2); // never sent with a token about to lapse
  });

  it("shares one refresh among concurrent sends", async () => {
    const results = await Promise.all(
      ["8101", "8102", "8103", "8104"].map((id) => oa.adapter.send({ chatId: id }, hello())),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(oa.fake.refreshes).toHaveLength(1);
    // And after a -216 seen by all of them at once, still only one more.
    oa.fake.expireAccessTokens();
    await Promise.all(["8101", "8102", "8103"].map((id) => oa.adapter.send({ chatId: id }, hello())));
    expect(oa.fake.refreshes.map((r) => r.answered)).toEqual(["issued", "issued"]);
    expect(oa.fake.sent).toHaveLength(7);
  });

  it("retries a -216 once, and does not loop when the new token is refused too", async () => {
    await oa.adapter.send({ chatId: "8004" }, hello());
    const calls = oa.fake.messageCalls;
    oa.fake.answerNext(
      { error: -216, message: "Access token is invalid" },
      { error: -216, message: "Access token is invalid" },
    );
    await expect(oa.adapter.send({ chatId: "8004" }, hello())).rejects.toMatchObject({
      failure: "token_rejected",
    });
    expect(oa.fake.messageCalls - calls).toBe(2);
    expect(oa.fake.refreshes).toHaveLength(2);
  });

  it("waits and retries when Zalo answers with its rate limit (-32)", async () => {
    await oa.adapter.send({ chatId: "8005" }, hello());
    oa.fake.answerNext({ error: -32, message: "Your OA reached limit call api" });
    const started = performance.now();
    expect((await oa.adapter.send({ chatId: "8005" }, hello("Nhắc lại lần nữa"))).ok).toBe(true);
    expect(performance.now() - started).toBeGreaterThanOrEqual(450);
    expect(oa.fake.sent.map((s) => s.message.text)).toEqual([
      "Chào bạn, đây là nhắc việc thi đua.",
      "Nhắc lại lần nữa",
    ]);
  });

  it("maps 'outside the reply window' (-230) to a send that is not ok, so a caller can fall back", async () => {
    oa.fake.answerNext({ error: -230, message: "User has not interacted with the OA in the past 7 days" });
    const result = await oa.adapter.send({ chatId: "8006" }, hello());
    expect(result).toMatchObject({ ok: false, reason: "unreachable" });
    expect(oa.fake.sent).toHaveLength(0);
    // The next person, inside the window, is reached.
    expect((await oa.adapter.send({ chatId: "8007" }, hello())).ok).toBe(true);
  });

  it("leaves an event unanswered by an outside-window refusal finished, not retried forever", async () => {
    oa.fake.answerNext({ error: -230, message: "User has not interacted with the OA in the past 7 days" });
    expect(await oa.fake.post(oa.webhook, oa.fake.textEvent("8008", "xin chào"))).toBe(200);
    await vi.waitFor(async () => {
      const rows = await queryRows<{ handled: boolean }>(
        fixture.database,
        sql`select handled_at is not null as handled from inbound_updates where platform = 'zalo-oa'`,
      );
      expect(rows).toEqual([{ handled: true }]);
    }, waitLong);
    expect(oa.fake.sent).toHaveLength(0);
  });

  it("sends a PDF as an uploaded file, and names a spreadsheet it cannot send", async () => {
    const pdf = new TextEncoder().encode("%PDF-1.4 mẫu tờ trình");
    const result = await oa.adapter.send(
      { chatId: "8009" },
      {
        locale: "vi",
        blocks: [{ kind: "paragraph", text: "Mẫu tờ trình và bảng tổng hợp:" }],
        files: [
          { name: "mau-to-trinh.pdf", mimeType: "application/pdf", data: pdf },
          {
            name: "tong-hop.xlsx",
            mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            data: new Uint8Array([80, 75, 3, 4]),
          },
        ],
      },
    );
    expect(result.ok).toBe(true);
    expect(oa.fake.uploads).toEqual([
      { name: "mau-to-trinh.pdf", type: "application/pdf", bytes: pdf.byteLength, token: expect.any(String) },
    ]);
    const [text, file, named] = oa.fake.sent.map((s) => s.message);
    expect(text?.text).toBe("Mẫu tờ trình và bảng tổng hợp:");
    expect(file?.attachment).toEqual({ type: "file", payload: { token: oa.fake.uploads[0]?.token } });
    expect(named?.text).toBe(t("platforms.zaloOa.fileNotSent", { name: "tong-hop.xlsx" }));
  });
});
