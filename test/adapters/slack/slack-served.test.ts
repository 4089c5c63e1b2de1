import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { databasePlatformState, fixedClock } from "../../../src/core/index.js";
import { engines, queryRows, useTestDatabase } from "../../support/engines.js";
import { type SlackCall, type SlackFake, startSlackFake } from "../../support/fakes/slack-fake.js";
import { seatPerson } from "../../support/people.js";
import { seedQuan1 } from "../../support/quan1.js";
import { type ServedApp, startServedApp } from "../../support/served-app.js";

const botToken = "xoxb-test-token";
const signingSecret = "8f742231b10e8888abcd99yyyzzz85a5";
const today = "2023-10-20";
const focal = "U0FOCAL";

const said = (call: SlackCall | undefined) => String(call?.params.text ?? "");

describe.each(engines)("Slack through Bolt on %s", (engine) => {
  const fixture = useTestDatabase(engine);
  let fake: SlackFake;
  let served: ServedApp | undefined;
  let events: string;

  beforeEach(async () => {
    const { schoolId } = await seedQuan1(fixture.database.db);
    await seatPerson(fixture.database.db, { platform: "slack", externalId: focal }, "focal", schoolId);
    fake = await startSlackFake({ botToken, signingSecret, now: () => fixedClock(today).now() });
    await serve();
  });

  async function serve() {
    served = await startServedApp(
      fixture.database,
      { SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: signingSecret, SLACK_API_URL: fake.apiUrl },
      { today },
    );
    events = `${served.url}/slack/events`;
  }

  afterEach(async () => {
    await served?.stop();
    served = undefined;
    await fake.close();
  });

  const dm = (text: string, eventId: string, user = focal) =>
    fake.eventBody(
      { type: "message", channel_type: "im", channel: `D${user}`, user, text, ts: "1697778000.000100" },
      eventId,
    );

  it("checks the bot token with auth.test at start, against SLACK_API_URL", () => {
    expect(fake.callsTo("auth.test")).toHaveLength(1);
    expect(fake.callsTo("auth.test")[0]?.token).toBe(botToken);
  });

  it("answers a question sent in a DM, in Block Kit, with the bot token", async () => {
    const posted = await fake.post(events, dm("Bên em còn nợ hồ sơ nào nữa không?", "Ev001"));
    expect(posted.status).toBe(200);
    await vi.waitFor(() => expect(fake.callsTo("chat.postMessage")).toHaveLength(1));
    const [call] = fake.callsTo("chat.postMessage");
    expect(call?.token).toBe(botToken);
    expect(call?.params.channel).toBe(`D${focal}`);
    expect(said(call)).toContain("Tình hình nộp của Trường Tiểu học Kết Đoàn");
    expect(JSON.stringify(call?.params.blocks)).toContain("Tình hình nộp của Trường Tiểu học Kết Đoàn");
  });

  it("answers an @mention in its thread, without the mention, and ignores channel chatter and bots", async () => {
    const channel = "C0GENERAL";
    const chatter = {
      type: "message",
      channel_type: "channel",
      channel,
      user: focal,
      text: "trợ giúp",
      ts: "1.1",
    };
    const bot = {
      type: "message",
      channel_type: "im",
      channel: "D0X",
      bot_id: "B0OTHER",
      user: "U0BOT",
      text: "trợ giúp",
      ts: "1.2",
    };
    const edit = {
      type: "message",
      subtype: "message_changed",
      channel_type: "im",
      channel: "D0X",
      user: focal,
      text: "trợ giúp",
      ts: "1.3",
    };
    for (const [i, event] of [chatter, bot, edit].entries()) {
      expect((await fake.post(events, fake.eventBody(event, `EvIgnored${i}`))).status).toBe(200);
    }
    const mention = {
      type: "app_mention",
      channel,
      user: focal,
      text: `<@${fake.botUserId}> trợ giúp`,
      ts: "1697778000.000200",
    };
    await fake.post(events, fake.eventBody(mention, "Ev002"));
    await served?.stop();
    served = undefined;
    const posts = fake.callsTo("chat.postMessage");
    expect(posts).toHaveLength(1);
    expect(posts[0]?.params).toMatchObject({ channel, thread_ts: "1697778000.000200" });
    expect(said(posts[0])).toContain("Tôi có thể giúp");
  });

  it("answers /thidua in any channel through its response_url, after acknowledging it", async () => {
    const form = fake.commandForm({
      text: "trợ giúp",
      userId: focal,
      channelId: "C0RANDOM",
      triggerId: "13345224609.1",
    });
    const posted = await fake.post(events, form);
    expect(posted.status).toBe(200);
    await vi.waitFor(() => expect(fake.callsTo("response")).toHaveLength(1));
    const [answer] = fake.callsTo("response");
    expect(answer?.params.response_type).toBe("ephemeral");
    expect(said(answer)).toContain("Tôi có thể giúp");
    // The answer went to the response_url, not to a channel the app may not be in.
    expect(fake.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("turns choices into buttons, and a pressed button into the person's next message", async () => {
    await fake.post(events, dm("Trường em đã nộp hồ sơ rồi nhé", "Ev003"));
    await vi.waitFor(() => expect(fake.callsTo("chat.postMessage")).toHaveLength(1));
    const blocks = JSON.stringify(fake.callsTo("chat.postMessage")[0]?.params.blocks);
    const buttons: { action_id: string; value: string; text: { text: string } }[] =
      JSON.parse(blocks).find((b: { type: string }) => b.type === "actions")?.elements ?? [];
    const dossier = buttons.find((b) => b.text.text.startsWith("Nộp hồ sơ thi đua về Phòng"));
    expect(dossier?.action_id).toMatch(/^choice:\d+$/);
    expect(dossier?.value).toMatch(/^\/danop \d+$/);
    const press = fake.pressForm({
      userId: focal,
      channelId: `D${focal}`,
      actionId: dossier?.action_id ?? "",
      value: dossier?.value ?? "",
      triggerId: "13345224609.2",
    });
    expect((await fake.post(events, press)).status).toBe(200);
    await vi.waitFor(() => expect(fake.callsTo("chat.postMessage")).toHaveLength(2));
    expect(said(fake.callsTo("chat.postMessage")[1])).toContain(
      "Đã ghi nhận: Trường Tiểu học Kết Đoàn đã nộp",
    );
    const rows = await queryRows<{ status: string }>(fixture.database, sql`select status from submissions`);
    expect(rows).toEqual([{ status: "da_nop" }]);
  });

  it("sends a file with files.uploadV2: an upload URL, the bytes, then completion in the chat", async () => {
    const adapter = served?.server.adapters.find((a) => a.platform === "slack");
    const bytes = new TextEncoder().encode("đơn vị;đã nộp\nKết Đoàn;có\n");
    const sent = await adapter?.send(
      { chatId: `D${focal}` },
      {
        locale: "vi",
        blocks: [{ kind: "paragraph", text: "Bảng tổng hợp gửi kèm." }],
        files: [{ name: "tong-hop.csv", mimeType: "text/csv", data: bytes }],
      },
    );
    expect(sent?.ok).toBe(true);
    expect(said(fake.callsTo("chat.postMessage")[0])).toBe("Bảng tổng hợp gửi kèm.");
    expect(fake.callsTo("files.getUploadURLExternal")[0]?.params).toMatchObject({
      filename: "tong-hop.csv",
      length: String(bytes.length),
    });
    const upload = fake.callsTo("upload")[0]?.params.body;
    expect(upload).toEqual(bytes);
    const completed = fake.callsTo("files.completeUploadExternal")[0]?.params;
    expect(completed?.channel_id).toBe(`D${focal}`);
    expect(completed?.files).toEqual([expect.objectContaining({ id: expect.stringMatching(/^F/) })]);
  });

  it("refuses forged, unsigned, stale and future requests with 401 and processes none of them", async () => {
    const body = dm("trợ giúp", "Ev004");
    const now = Math.floor(fixedClock(today).now().getTime() / 1000);
    expect((await fake.post(events, body, { secret: "not-the-secret" })).status).toBe(401);
    expect((await fake.post(events, body, { secret: null })).status).toBe(401);
    expect((await fake.post(events, body, { timestamp: now - 6 * 60 })).status).toBe(401);
    expect((await fake.post(events, body, { timestamp: now + 6 * 60 })).status).toBe(401);
    const challenge = { token: "x", type: "url_verification", challenge: "forged" };
    expect((await fake.post(events, challenge, { secret: null })).status).toBe(401);
    const updates = await queryRows<{ n: number }>(
      fixture.database,
      sql`select count(*)::int as n from inbound_updates`,
    );
    expect(updates).toEqual([{ n: 0 }]);
    // The same event, signed, is then answered: the refused copies claimed nothing.
    expect((await fake.post(events, body)).status).toBe(200);
    await vi.waitFor(() => expect(fake.callsTo("chat.postMessage")).toHaveLength(1));
  });

  it("refuses a signed body that is no Slack update with 400", async () => {
    expect((await fake.post(events, { type: "event_callback", event: {} })).status).toBe(400);
    expect((await fake.post(events, new URLSearchParams({ payload: "{not json" }))).status).toBe(400);
  });

  it("answers an event Slack delivers twice (X-Slack-Retry-Num) once", async () => {
    const body = dm("trợ giúp", "Ev005");
    expect((await fake.post(events, body)).status).toBe(200);
    expect((await fake.post(events, body, { retryNum: 1 })).status).toBe(200);
    // Stopping waits for what is in flight: after it, every answer that will be sent has been.
    await served?.stop();
    served = undefined;
    expect(fake.callsTo("chat.postMessage")).toHaveLength(1);
  });

  it("acknowledges at once, and waits out a 429's Retry-After before sending the answer", async () => {
    fake.rateLimitNext("chat.postMessage", 1);
    const posted = await fake.post(events, dm("trợ giúp", "Ev006"));
    const acknowledged = Date.now();
    expect(posted.status).toBe(200);
    await vi.waitFor(() => expect(fake.callsTo("chat.postMessage")).toHaveLength(1), { timeout: 4_000 });
    const limited = fake.calls.find((c) => c.method === "chat.postMessage" && c.status === 429);
    const sent = fake.callsTo("chat.postMessage")[0];
    expect((sent?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(1_000);
    // Slack had its 200 before the slow answer went out.
    expect(acknowledged).toBeLessThan(sent?.at ?? 0);
  });

  it("tells a person who is not linked how to link, and /thidua trangthai reads as /trangthai", async () => {
    const form = fake.commandForm({
      text: "trangthai",
      userId: "U0STRANGER",
      channelId: "C0RANDOM",
      triggerId: "1.3",
    });
    expect((await fake.post(events, form)).status).toBe(200);
    await vi.waitFor(() => expect(fake.callsTo("response")).toHaveLength(1));
    expect(said(fake.callsTo("response")[0])).toContain("chưa gắn với đơn vị nào");
  });

  it("answers after a restart an event the last process acknowledged but never answered, and only then", async () => {
    await served?.stop();
    // Older than the minute answerUnfinished leaves to other replicas.
    const earlier = new Date(fixedClock(today).now().getTime() - 5 * 60_000);
    const state = databasePlatformState(fixture.database.db, { now: () => earlier });
    const lost = dm("trợ giúp", "Ev007");
    await state.claimUpdate("slack", "event:Ev007", lost);
    await serve();
    expect(said(fake.callsTo("chat.postMessage")[0])).toContain("Tôi có thể giúp");
    expect((await fake.post(events, lost, { retryNum: 2 })).status).toBe(200);
    await served?.stop();
    served = undefined;
    expect(fake.callsTo("chat.postMessage")).toHaveLength(1);
  });

  it("answers Slack's url_verification challenge", async () => {
    const posted = await fake.post(events, {
      token: "x",
      type: "url_verification",
      challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
    });
    expect(posted.status).toBe(200);
    expect(JSON.parse(posted.text)).toEqual({
      challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
    });
  });
});
