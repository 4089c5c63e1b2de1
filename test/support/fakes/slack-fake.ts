import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the fake received: a Web API method, an upload or a response_url post. */
export interface SlackCall {
  method: string;
  params: Record<string, unknown>;
  /** The bearer token it carried. */
  token: string | undefined;
  status: number;
  /** Date.now() when it arrived (real time: the 429 test measures the wait). */
  at: number;
}

export interface SlackFakeOptions {
  botToken: string;
  signingSecret: string;
  /** The clock requests are stamped with (our server checks them against its own clock). */
  now: () => Date;
}

export interface SignedPostOptions {
  /** Seconds since the epoch; the fake's clock by default. */
  timestamp?: number;
  /** Sign with another secret; null sends no signature headers at all. */
  secret?: string | null;
  retryNum?: number;
}

export interface SlackFake {
  /** http://127.0.0.1:PORT */
  url: string;
  /** What SLACK_API_URL is set to: url + "/api/". */
  apiUrl: string;
  botUserId: string;
  calls: SlackCall[];
  callsTo(method: string): SlackCall[];
  /** The next call of `method` is answered 429 with Retry-After: seconds. */
  rateLimitNext(method: string, seconds: number): void;
  /** An Events API envelope around `event`. */
  eventBody(event: Record<string, unknown>, eventId: string): Record<string, unknown>;
  /** A /thidua command's form fields. */
  commandForm(options: {
    text: string;
    userId: string;
    channelId: string;
    triggerId: string;
  }): URLSearchParams;
  /** A block_actions interaction (a button pressed on a message in a channel) as its form. */
  pressForm(options: {
    userId: string;
    channelId: string;
    actionId: string;
    value: string;
    triggerId: string;
  }): URLSearchParams;
  /** Posts a JSON body or a form to our server, signed as Slack signs. */
  post(
    to: string,
    body: Record<string, unknown> | URLSearchParams,
    options?: SignedPostOptions,
  ): Promise<{ status: number; text: string }>;
  close(): Promise<void>;
}

function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  response.end(text);
}

async function readAll(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

// The Web API takes forms (the official client's choice) or JSON; blocks and files arrive as JSON text.
async function paramsOf(raw: Buffer, contentType: string): Promise<Record<string, unknown>> {
  if (contentType.startsWith("application/json")) return raw.length ? JSON.parse(raw.toString()) : {};
  if (contentType.startsWith("multipart/form-data")) {
    const form = await new Response(raw, { headers: { "content-type": contentType } }).formData();
    const params: Record<string, unknown> = {};
    for (const [key, value] of form) {
      params[key] = typeof value === "string" ? value : new Uint8Array(await value.arrayBuffer());
    }
    return params;
  }
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw.toString())) {
    params[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return params;
}

/** A Slack Web API on 127.0.0.1 that records calls, and a Slack that signs and posts updates to us. */
export async function startSlackFake(options: SlackFakeOptions): Promise<SlackFake> {
  const calls: SlackCall[] = [];
  const limited = new Map<string, number>();
  const botUserId = "UBOTFAKE1";
  let serial = 0;
  let url = "";

  const answer = (method: string, params: Record<string, unknown>): Record<string, unknown> => {
    serial += 1;
    switch (method) {
      case "auth.test":
        return {
          ok: true,
          url: "https://fake.slack.com/",
          team: "Fake",
          user: "thidua",
          team_id: "T0FAKE",
          user_id: botUserId,
          bot_id: "B0FAKE",
        };
      case "chat.postMessage":
        return {
          ok: true,
          channel: params.channel,
          ts: `1683694800.${String(serial).padStart(6, "0")}`,
          message: { text: params.text },
        };
      case "conversations.open":
        return { ok: true, channel: { id: `D${String(params.users)}` } };
      case "files.getUploadURLExternal":
        return { ok: true, file_id: `F${serial}`, upload_url: `${url}/upload/F${serial}` };
      case "files.completeUploadExternal":
        return { ok: true, files: params.files };
      default:
        return { ok: false, error: "unknown_method" };
    }
  };

  const server = createServer(async (request, response) => {
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    const raw = await readAll(request);
    const params = await paramsOf(raw, request.headers["content-type"] ?? "");
    const auth = request.headers.authorization;
    const token = auth?.startsWith("Bearer ") ? auth.slice(7) : undefined;
    const record = (method: string, status: number) =>
      calls.push({
        method,
        params,
        token: token ?? (typeof params.token === "string" ? params.token : undefined),
        status,
        at: Date.now(),
      });

    if (path.startsWith("/upload/") || path.startsWith("/response/")) {
      record(path.startsWith("/upload/") ? "upload" : "response", 200);
      response.writeHead(200, { "content-type": "text/plain" });
      response.end("OK");
      return;
    }
    if (!path.startsWith("/api/")) return json(response, 404, { ok: false, error: "not_found" });
    const method = path.slice("/api/".length);
    const wait = limited.get(method);
    if (wait !== undefined) {
      limited.delete(method);
      record(method, 429);
      return json(response, 429, { ok: false, error: "ratelimited" }, { "retry-after": String(wait) });
    }
    record(method, 200);
    if ((token ?? params.token) !== options.botToken)
      return json(response, 200, { ok: false, error: "invalid_auth" });
    json(response, 200, answer(method, params));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    apiUrl: `${url}/api/`,
    botUserId,
    calls,
    callsTo: (method) => calls.filter((call) => call.method === method && call.status === 200),
    rateLimitNext(method, seconds) {
      limited.set(method, seconds);
    },
    eventBody(event, eventId) {
      return {
        token: "legacy-verification-token",
        team_id: "T0FAKE",
        api_app_id: "A0FAKE",
        type: "event_callback",
        event_id: eventId,
        event_time: Math.floor(options.now().getTime() / 1000),
        authorizations: [{ team_id: "T0FAKE", user_id: botUserId, is_bot: true }],
        event,
      };
    },
    commandForm({ text, userId, channelId, triggerId }) {
      return new URLSearchParams({
        token: "legacy-verification-token",
        team_id: "T0FAKE",
        team_domain: "fake",
        channel_id: channelId,
        channel_name: "general",
        user_id: userId,
        user_name: userId.toLowerCase(),
        command: "/thidua",
        text,
        api_app_id: "A0FAKE",
        response_url: `${url}/response/${triggerId}`,
        trigger_id: triggerId,
      });
    },
    pressForm({ userId, channelId, actionId, value, triggerId }) {
      const payload = {
        type: "block_actions",
        user: { id: userId, username: userId.toLowerCase(), team_id: "T0FAKE" },
        api_app_id: "A0FAKE",
        token: "legacy-verification-token",
        container: {
          type: "message",
          message_ts: "1683694800.000001",
          channel_id: channelId,
          is_ephemeral: false,
        },
        trigger_id: triggerId,
        team: { id: "T0FAKE", domain: "fake" },
        channel: { id: channelId, name: "directmessage" },
        message: { type: "message", ts: "1683694800.000001", text: "", user: botUserId },
        response_url: `${url}/response/${triggerId}`,
        actions: [
          {
            type: "button",
            action_id: actionId,
            block_id: "b1",
            value,
            action_ts: "1683694801.000002",
            text: { type: "plain_text", text: value },
          },
        ],
      };
      return new URLSearchParams({ payload: JSON.stringify(payload) });
    },
    async post(to, body, { timestamp, secret = options.signingSecret, retryNum } = {}) {
      const form = body instanceof URLSearchParams;
      const raw = form ? body.toString() : JSON.stringify(body);
      const stamp = timestamp ?? Math.floor(options.now().getTime() / 1000);
      const headers: Record<string, string> = {
        "content-type": form ? "application/x-www-form-urlencoded" : "application/json",
      };
      if (secret !== null) {
        headers["x-slack-request-timestamp"] = String(stamp);
        headers["x-slack-signature"] =
          `v0=${createHmac("sha256", secret).update(`v0:${stamp}:${raw}`).digest("hex")}`;
      }
      if (retryNum !== undefined) {
        headers["x-slack-retry-num"] = String(retryNum);
        headers["x-slack-retry-reason"] = "http_timeout";
      }
      const response = await fetch(to, { method: "POST", headers, body: raw });
      return { status: response.status, text: await response.text() };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
