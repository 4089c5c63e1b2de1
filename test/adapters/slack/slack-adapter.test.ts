import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import type { PlatformAdapterDeps } from "../../../src/adapters/platform-adapter.js";
import { createSlackAdapter } from "../../../src/adapters/slack/slack-adapter.js";
import { commandText, typedText } from "../../../src/adapters/slack/slack-listeners.js";
import { isSignedBySlack } from "../../../src/adapters/slack/slack-request.js";
import { fixedClock, memoryPlatformState, silentLogger } from "../../../src/core/index.js";
import { testConfig } from "../../support/config.js";
import { type SlackFake, startSlackFake } from "../../support/fakes/slack-fake.js";

const clock = fixedClock("2023-10-20");

describe("building the Slack adapter", () => {
  let fake: SlackFake | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  // Building touches neither the assistant nor the database; a call would be a bug, hence the throw.
  const unused = (): never => {
    throw new Error("the assistant is not used while building the adapter");
  };
  const deps = (): PlatformAdapterDeps => ({
    assistant: {
      handle: unused,
      understand: unused,
      warmUp: unused,
      greeting: unused,
      translate: unused,
      settled: unused,
      reminderReply: unused,
    },
    state: memoryPlatformState({ now: () => clock.now() }),
    now: () => clock.now(),
    log: silentLogger(),
    track: () => {},
    publicUrl: undefined,
  });

  it("selects Socket Mode when SLACK_APP_TOKEN is set: no HTTP route, and no call to Slack while building", async () => {
    fake = await startSlackFake({ botToken: "xoxb-t", signingSecret: "s", now: () => clock.now() });
    const env = { SLACK_BOT_TOKEN: "xoxb-t", SLACK_APP_TOKEN: "xapp-1-A0-1-abc", SLACK_API_URL: fake.apiUrl };
    const settings = testConfig(env).platforms.slack;
    expect(settings?.appToken).toBe("xapp-1-A0-1-abc");
    if (!settings) throw new Error("SLACK_BOT_TOKEN did not configure Slack");
    const adapter = createSlackAdapter(deps(), settings);
    expect(adapter.platform).toBe("slack");
    expect(adapter.routes).toEqual([]);
    expect(fake.calls).toEqual([]);
  });

  it("serves POST /slack/events with a signing secret, and calls nothing before start()", async () => {
    fake = await startSlackFake({ botToken: "xoxb-t", signingSecret: "s", now: () => clock.now() });
    const adapter = createSlackAdapter(deps(), {
      botToken: "xoxb-t",
      signingSecret: "s",
      appToken: undefined,
      apiUrl: fake.apiUrl,
    });
    expect(adapter.routes.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /slack/events"]);
    expect(fake.calls).toEqual([]);
  });
});

describe("reading what a person typed in Slack", () => {
  it("drops the bot's mention and undoes Slack's escaping", () => {
    expect(typedText("<@UBOT1> hạn nộp &lt;hồ sơ&gt; &amp; tờ trình?", "UBOT1")).toBe(
      "hạn nộp <hồ sơ> & tờ trình?",
    );
    expect(typedText("hỏi <@UBOT1|thidua> giúp", "UBOT1")).toBe("hỏi giúp");
    expect(typedText("nhắn <@U0OTHER>", "UBOT1")).toBe("nhắn <@U0OTHER>");
  });

  it("reads /thidua's command words as the commands other platforms register", () => {
    expect(commandText("start K7M2-QX9P")).toBe("/start K7M2-QX9P");
    expect(commandText("lang en")).toBe("/lang en");
    expect(commandText("hạn nộp hồ sơ cuối năm")).toBe("hạn nộp hồ sơ cuối năm");
    expect(commandText("  ")).toBe("");
  });
});

describe("Slack's request signature", () => {
  const secret = "a-signing-secret";
  const now = clock.now();
  const signed = (body: string, stamp: number, key = secret) => ({
    "x-slack-request-timestamp": String(stamp),
    "x-slack-signature": `v0=${createHmac("sha256", key).update(`v0:${stamp}:${body}`).digest("hex")}`,
  });
  const at = Math.floor(now.getTime() / 1000);

  it("accepts a signature made with the secret within five minutes either way of our clock", () => {
    const body = '{"type":"event_callback"}';
    for (const stamp of [at, at - 300, at + 300]) {
      expect(
        isSignedBySlack({ signingSecret: secret, headers: signed(body, stamp), rawBody: body, now }),
      ).toBe(true);
    }
  });

  it("refuses another secret, another body, a stale or future stamp, and no headers", () => {
    const body = "token=x&text=hi";
    const check = (headers: Record<string, string>, rawBody = body) =>
      isSignedBySlack({ signingSecret: secret, headers, rawBody, now });
    expect(check(signed(body, at, "other"))).toBe(false);
    expect(check(signed(body, at), "token=x&text=bye")).toBe(false);
    expect(check(signed(body, at - 301))).toBe(false);
    expect(check(signed(body, at + 301))).toBe(false);
    expect(check({})).toBe(false);
  });
});
