import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { PlatformAdapter } from "../../../src/adapters/platform-adapter.js";
import { createUnit } from "../../../src/core/index.js";
import { engines, useTestDatabase } from "../../support/engines.js";
import { startZaloBotFake, type ZaloBotFake, zaloEvent } from "../../support/fakes/zalo-bot-fake.js";
import { seatPerson } from "../../support/people.js";
import { publishPlans } from "../../support/plans-fixture.js";
import { type ServedApp, startServedApp } from "../../support/served-app.js";

const token = "1459232241454765289:thiDuaTestToken";
const secret = "bi-mat-webhook-cua-truong";

describe.each(engines)("Zalo Bot Platform through thidua serve on %s", (engine) => {
  const fixture = useTestDatabase(engine);
  let fake: ZaloBotFake;
  let served: ServedApp | undefined;

  beforeAll(async () => {
    // The worker's first served app loads the intent model once; done here, no test pays for it.
    const warm = await startServedApp(fixture.database, {});
    await warm.stop();
  });
  beforeEach(async () => {
    fake = await startZaloBotFake(token);
  });
  afterEach(async () => {
    await served?.stop();
    served = undefined;
    await fake.close();
  });

  async function serve(env: Record<string, string> = {}): Promise<ServedApp> {
    served = await startServedApp(fixture.database, {
      ZALO_BOT_TOKEN: token,
      ZALO_BOT_MODE: "webhook",
      ZALO_BOT_WEBHOOK_SECRET: secret,
      ZALO_BOT_API_ROOT: fake.url,
      ...env,
    });
    return served;
  }

  /** Sends a text as a person in a private chat and returns the messages the bot answered with. */
  async function say(app: ServedApp, from: string, text: string, waitMs = 1000): Promise<string[]> {
    const before = fake.textsTo(from).length;
    const posted = await fake.postWebhook(app.url, zaloEvent(from, text), secret);
    expect(posted.status).toBe(200);
    await vi.waitFor(() => expect(fake.textsTo(from).length).toBeGreaterThan(before), { timeout: waitMs });
    return fake.textsTo(from).slice(before);
  }

  const adapterOf = (app: ServedApp): PlatformAdapter => {
    const adapter = app.server.adapters.find((a) => a.platform === "zalo-bot");
    if (!adapter) throw new Error("the zalo-bot adapter is not served");
    return adapter;
  };

  it("answers a question in plain text, checks the token first and registers no webhook without PUBLIC_URL", async () => {
    await publishPlans(fixture.database.db, ["000_31ba9c53447dfa3c.txt"]);
    const app = await serve();
    const [answer] = await say(app, "zl-user-1", "Tháng này có đầu việc nào phải nộp không bạn?");
    expect(answer).toContain("29/05/2023");
    expect(answer).not.toMatch(/<\/?b>|\*\*/);
    expect(fake.callsOf("getMe")).toHaveLength(1);
    expect(fake.calls.filter((c) => c.method === "setWebhook")).toEqual([]);
  });

  it("registers the webhook with its secret when PUBLIC_URL is set", async () => {
    await serve({ PUBLIC_URL: "https://thidua.example.edu.vn" });
    expect(fake.callsOf("setWebhook").map((c) => c.params)).toEqual([
      { url: "https://thidua.example.edu.vn/zalo/bot/webhook", secret_token: secret },
    ]);
  });

  it("offers choices as a numbered list, and a reply '2' picks the second", async () => {
    const phong = await createUnit(fixture.database.db, {
      code: "PGD-Q5",
      name: "Phòng GDĐT Quận 5",
      kind: "phong",
    });
    for (const school of [
      { code: "THCS-ND", name: "Trường THCS Nguyễn Du", kind: "thcs" as const },
      { code: "TH-ND", name: "Trường Tiểu học Nguyễn Du", kind: "tieu_hoc" as const },
    ])
      await createUnit(fixture.database.db, { ...school, parentId: phong.id });
    await seatPerson(
      fixture.database.db,
      { platform: "zalo-bot", externalId: "zl-officer" },
      "officer",
      phong.id,
    );
    const app = await serve();
    const [offered] = await say(app, "zl-officer", "/moi Nguyễn Du");
    expect(offered).toMatch(/^1\. Trường .+ Nguyễn Du$/m);
    expect(offered).toMatch(/^2\. Trường .+ Nguyễn Du$/m);
    expect(offered).toContain("Trả lời bằng số để chọn: 1, 2");
    const second = /^2\. (.+)$/m.exec(offered ?? "")?.[1];
    const [created] = await say(app, "zl-officer", "2");
    expect(created).toContain(`Mã mời cho cán bộ đầu mối của ${second}`);
  });

  it("names a file it cannot send and says where to get it", async () => {
    const app = await serve();
    const result = await adapterOf(app).send(
      { chatId: "zl-user-2" },
      {
        locale: "vi",
        blocks: [{ kind: "paragraph", text: "Bảng tình hình nộp hồ sơ của các trường." }],
        files: [
          { name: "tinh-hinh-nop.xlsx", mimeType: "application/vnd.ms-excel", data: new Uint8Array([1, 2]) },
        ],
      },
    );
    expect(result.ok).toBe(true);
    const [text] = fake.textsTo("zl-user-2");
    expect(text).toContain("Bảng tình hình nộp hồ sơ của các trường.");
    expect(text).toContain('Tệp "tinh-hinh-nop.xlsx" không gửi được qua Zalo');
    expect(fake.calls.filter((c) => c.method === "sendPhoto")).toEqual([]);
  });

  it("refuses a forged or missing secret with 401 and processes nothing", async () => {
    const app = await serve();
    const event = zaloEvent("zl-user-3", "trợ giúp");
    expect((await fake.postWebhook(app.url, event, undefined)).status).toBe(401);
    expect((await fake.postWebhook(app.url, event, `${secret}x`)).status).toBe(401);
    expect((await fake.postWebhook(app.url, event, "")).status).toBe(401);
    expect(
      (await fake.postWebhook(app.url, event, secret, '{"ok":true,"result":{"message":1}}')).status,
    ).toBe(400);
    expect((await fake.postWebhook(app.url, event, secret, "not json")).status).toBe(400);
    expect(fake.calls.filter((c) => c.method === "sendMessage")).toEqual([]);
    // The refused deliveries claimed nothing: the genuine one with the same message id is answered.
    expect((await fake.postWebhook(app.url, event, secret)).status).toBe(200);
    await vi.waitFor(() => expect(fake.textsTo("zl-user-3")).toHaveLength(1));
    expect(fake.textsTo("zl-user-3")[0]).toContain("TÔI CÓ THỂ GIÚP:");
  });

  it("answers an event delivered twice only once", async () => {
    const app = await serve();
    const event = zaloEvent("zl-user-4", "trợ giúp");
    const statuses = await Promise.all([
      fake.postWebhook(app.url, event, secret),
      fake.postWebhook(app.url, event, secret),
    ]);
    expect(statuses.map((s) => s.status)).toEqual([200, 200]);
    expect((await fake.postWebhook(app.url, event, secret)).status).toBe(200);
    await vi.waitFor(() => expect(fake.textsTo("zl-user-4")).toHaveLength(1));
    await app.stop(); // waits for every answer in flight
    served = undefined;
    expect(fake.textsTo("zl-user-4")).toHaveLength(1);
  });

  it("waits when the platform answers 429, and the message still arrives", async () => {
    const app = await serve();
    fake.rateLimitNext("sendMessage", 1);
    // retry_after is one second: the answer comes after it.
    const [answer] = await say(app, "zl-user-5", "trợ giúp", 3000);
    expect(answer).toContain("TÔI CÓ THỂ GIÚP:");
    expect(fake.calls.filter((c) => c.method === "sendMessage").map((c) => c.status)).toEqual([429, 200]);
  });

  it("answers a person whose Zalo account is not linked", async () => {
    await publishPlans(fixture.database.db, ["000_31ba9c53447dfa3c.txt"]);
    const app = await serve();
    const [answer] = await say(app, "zl-stranger", "đơn vị tôi đã nộp những gì rồi?");
    expect(answer).toContain("chưa gắn với đơn vị nào");
    expect(answer).toContain("/start");
  });

  it("answers a sticker with a note that it reads only text", async () => {
    const app = await serve();
    const posted = await fake.postWebhook(
      app.url,
      zaloEvent("zl-user-6", undefined, { eventName: "message.sticker.received" }),
      secret,
    );
    expect(posted.status).toBe(200);
    await vi.waitFor(() => expect(fake.textsTo("zl-user-6")).toHaveLength(1));
    expect(fake.textsTo("zl-user-6")[0]).toContain("Mình chỉ đọc được tin nhắn chữ");
  });

  it("splits a reply longer than 2000 characters into messages on line boundaries", async () => {
    const app = await serve();
    const items = Array.from(
      { length: 60 },
      (_, i) => `Trường số ${i + 1} chưa nộp báo cáo tổng kết năm học 2022 – 2023`,
    );
    await adapterOf(app).send(
      { chatId: "zl-user-7" },
      {
        locale: "vi",
        blocks: [
          { kind: "heading", text: "Đơn vị chưa nộp" },
          { kind: "list", items },
        ],
      },
    );
    const texts = fake.textsTo("zl-user-7");
    expect(texts.length).toBeGreaterThan(1);
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(2000);
    expect(texts[0]?.startsWith("ĐƠN VỊ CHƯA NỘP\n\n• Trường số 1 ")).toBe(true);
    const lines = texts
      .join("\n")
      .split("\n")
      .filter((l) => l.startsWith("• "));
    expect(lines).toEqual(items.map((item) => `• ${item}`));
  });

  it("polls with getUpdates when there is no public address, and stops cleanly", async () => {
    const app = await serve({ ZALO_BOT_MODE: "polling" });
    expect(fake.callsOf("deleteWebhook")).toHaveLength(1);
    const refused = await fetch(`${app.url}/zalo/bot/webhook`, { method: "POST", body: "{}" });
    expect(refused.status).toBe(404);
    const first = zaloEvent("zl-poll-1", "trợ giúp");
    fake.queueUpdate(first);
    await vi.waitFor(() => expect(fake.textsTo("zl-poll-1")).toHaveLength(1));
    // Two at once come as a list; the same message again is not answered twice.
    fake.breakNext("getUpdates");
    fake.queueUpdate(zaloEvent("zl-poll-2", "help"));
    fake.queueUpdate(first);
    // Whichever poll meets the broken gateway, the loop's one-second back-off may come first.
    await vi.waitFor(() => expect(fake.textsTo("zl-poll-2")).toHaveLength(1), { timeout: 4000 });
    expect(fake.textsTo("zl-poll-1")).toHaveLength(1);
    // The poll after them met a broken gateway: the loop waits a little and goes on.
    await vi.waitFor(() =>
      expect(fake.calls.some((c) => c.method === "getUpdates" && c.status === 502)).toBe(true),
    );
    fake.queueUpdate(zaloEvent("zl-poll-3", "trợ giúp"));
    await vi.waitFor(() => expect(fake.textsTo("zl-poll-3")).toHaveLength(1), { timeout: 4000 });
    await app.stop();
    served = undefined;
    const polls = fake.calls.filter((c) => c.method === "getUpdates").length;
    fake.queueUpdate(zaloEvent("zl-poll-4", "trợ giúp"));
    expect(fake.calls.filter((c) => c.method === "getUpdates")).toHaveLength(polls);
    expect(fake.textsTo("zl-poll-4")).toEqual([]);
  });
});
