import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A Zalo error envelope, as the OA API answers with HTTP 200. */
export interface ZaloError {
  error: number;
  message: string;
}

export interface SentMessage {
  userId: string;
  accessToken: string;
  message: {
    text?: string;
    attachment?: {
      type: string;
      payload: { buttons?: { title: string; type: string; payload: string }[]; token?: string };
    };
  };
}

export interface Upload {
  name: string;
  type: string;
  bytes: number;
  token: string;
}

export interface Refresh {
  refreshToken: string;
  secretKey: string | undefined;
  answered: "issued" | "refused";
}

export interface ZaloOaFake {
  /** http://127.0.0.1:PORT, both ZALO_OA_API_ROOT and ZALO_OA_OAUTH_ROOT. */
  url: string;
  /** The refresh token handed out by the "OA authorization", for ZALO_OA_REFRESH_TOKEN. */
  firstRefreshToken: string;
  /** Every consultation message accepted, in order. */
  sent: SentMessage[];
  /** Every call to /v3.0/oa/message/cs, accepted or not. */
  messageCalls: number;
  uploads: Upload[];
  refreshes: Refresh[];
  /** The next consultation messages get these answers instead of being accepted. */
  answerNext(...answers: ZaloError[]): void;
  /** Access tokens issued so far stop working (Zalo answers -216). */
  expireAccessTokens(): void;
  /** `expires_in` of the next tokens issued, in seconds (Zalo sends it as a string). */
  tokenLifetime: number;
  /** Holds consultation messages until the returned function is called. */
  holdMessages(): () => void;
  /** A `user_send_text` event, as Zalo posts it. */
  textEvent(userId: string, text: string, options?: { msgId?: string; at?: Date }): Record<string, unknown>;
  /** Posts an event to our webhook, signed as Zalo signs it unless told otherwise. */
  post(
    webhookUrl: string,
    event: Record<string, unknown>,
    signing?: "signed" | "forged" | "unsigned",
  ): Promise<number>;
  close(): Promise<void>;
}

/** Zalo's signature: sha256(app id + raw body + timestamp + secret key), sent as `mac=<hex>`. */
export function zaloSignature(appId: string, rawBody: string, timestamp: string, secretKey: string): string {
  return createHash("sha256").update(`${appId}${rawBody}${timestamp}${secretKey}`, "utf8").digest("hex");
}

/**
 * The Zalo OA Open API and its OAuth server on loopback: consultation messages, file upload, and
 * refresh tokens that rotate and are refused the second time they are used.
 */
export async function startZaloOaFake(options: {
  appId: string;
  secretKey: string;
  oaId?: string;
  /** The clock events are stamped with (the served app's). */
  now: () => Date;
}): Promise<ZaloOaFake> {
  const { appId, secretKey, now } = options;
  const oaId = options.oaId ?? "1646843870823903717";
  let serial = 0;
  const next = (prefix: string) => `${prefix}-${++serial}`;
  const liveRefreshTokens = new Set<string>();
  const liveAccessTokens = new Set<string>();
  const queued: ZaloError[] = [];
  let held: Promise<void> | null = null;
  const firstRefreshToken = next("refresh");
  liveRefreshTokens.add(firstRefreshToken);

  const fake: ZaloOaFake = {
    url: "",
    firstRefreshToken,
    sent: [],
    messageCalls: 0,
    uploads: [],
    refreshes: [],
    tokenLifetime: 90_000,
    answerNext: (...answers) => {
      queued.push(...answers);
    },
    expireAccessTokens: () => liveAccessTokens.clear(),
    holdMessages() {
      let release = () => {};
      held = new Promise((resolve) => {
        release = () => {
          held = null;
          resolve();
        };
      });
      return release;
    },
    textEvent(userId, text, eventOptions = {}) {
      return {
        app_id: appId,
        user_id_by_app: `app-${userId}`,
        event_name: "user_send_text",
        timestamp: String((eventOptions.at ?? now()).getTime()),
        sender: { id: userId },
        recipient: { id: oaId },
        message: { text, msg_id: eventOptions.msgId ?? next("msg") },
      };
    },
    async post(webhookUrl, event, signing = "signed") {
      const raw = JSON.stringify(event);
      const headers: Record<string, string> = { "content-type": "application/json" };
      const key = signing === "forged" ? "not-the-secret" : secretKey;
      if (signing !== "unsigned")
        headers["x-zevent-signature"] = `mac=${zaloSignature(appId, raw, String(event.timestamp), key)}`;
      const response = await fetch(webhookUrl, { method: "POST", headers, body: raw });
      await response.arrayBuffer();
      return response.status;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  async function oauth(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const form = new URLSearchParams(await text(request));
    const refreshToken = form.get("refresh_token") ?? "";
    const secret = header(request, "secret_key");
    const good =
      secret === secretKey &&
      form.get("app_id") === appId &&
      form.get("grant_type") === "refresh_token" &&
      liveRefreshTokens.delete(refreshToken);
    fake.refreshes.push({ refreshToken, secretKey: secret, answered: good ? "issued" : "refused" });
    if (!good) {
      return json(response, {
        error: -14020,
        error_name: "Invalid refresh token",
        error_description: "Refresh token is invalid or has been used",
      });
    }
    const access = next("access");
    const refresh = next("refresh");
    liveAccessTokens.add(access);
    liveRefreshTokens.add(refresh);
    json(response, { access_token: access, refresh_token: refresh, expires_in: String(fake.tokenLifetime) });
  }

  async function message(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // The fake trusts our client's JSON; checkMessage holds it to Zalo's limits.
    const body: { recipient?: { user_id?: string }; message?: SentMessage["message"] } = JSON.parse(
      await text(request),
    );
    fake.messageCalls++;
    if (held) await held;
    const token = header(request, "access_token") ?? "";
    if (!liveAccessTokens.has(token))
      return json(response, { error: -216, message: "Access token is invalid" });
    const forced = queued.shift();
    if (forced) return json(response, forced);
    const userId = body.recipient?.user_id;
    const { message } = body;
    const problem = !userId
      ? "recipient is invalid!"
      : !message
        ? "message is invalid!"
        : checkMessage(message);
    if (problem || !userId || !message) return json(response, { error: -201, message: problem });
    fake.sent.push({ userId, accessToken: token, message });
    json(response, {
      error: 0,
      message: "Success",
      data: {
        message_id: next("sent"),
        user_id: userId,
        quota: { quota_type: "reply", remain: 7, total: 8 },
      },
    });
  }

  async function upload(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk);
    const token = header(request, "access_token") ?? "";
    if (!liveAccessTokens.has(token))
      return json(response, { error: -216, message: "Access token is invalid" });
    // undici parses multipart bodies: the fake reads the form as Zalo would.
    const form = await new Request("http://fake/", {
      method: "POST",
      headers: { "content-type": header(request, "content-type") ?? "" },
      body: Buffer.concat(chunks),
    }).formData();
    const file = form.get("file");
    if (!(file instanceof File)) return json(response, { error: -201, message: "file is invalid!" });
    const allowed = ["application/pdf", "application/msword", "text/csv"];
    if (!allowed.includes(file.type) && !file.type.includes("wordprocessingml"))
      return json(response, { error: -159, message: "File type is not supported" });
    if (file.size > 5 * 1024 * 1024)
      return json(response, { error: -158, message: "File size exceeds limit" });
    const uploaded = { name: file.name, type: file.type, bytes: file.size, token: next("file") };
    fake.uploads.push(uploaded);
    json(response, { error: 0, message: "Success", data: { token: uploaded.token } });
  }

  const server = createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0];
    const route =
      request.method !== "POST"
        ? undefined
        : path === "/v4/oa/access_token"
          ? oauth
          : path === "/v3.0/oa/message/cs"
            ? message
            : path === "/v2.0/oa/upload/file"
              ? upload
              : undefined;
    if (!route) return json(response, { error: -209, message: "Not supported this api" }, 404);
    route(request, response).catch((error: unknown) =>
      json(response, { error: -1, message: String(error) }, 500),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

// The limits Zalo enforces on a consultation message (-201 / -210 in the real API).
function checkMessage(message: SentMessage["message"]): string | null {
  if (message.text !== undefined && [...message.text].length > 2000) return "text exceeds 2000 characters";
  if (message.text === undefined && message.attachment?.type !== "file") return "text is invalid!";
  const buttons = message.attachment?.payload.buttons ?? [];
  if (buttons.length > 5) return "buttons exceed the limit";
  for (const b of buttons) {
    if (!b.title || [...b.title].length > 100) return "button title is invalid!";
    if (b.type !== "oa.query.hide" && b.type !== "oa.query.show") return "button type is invalid!";
    if (!b.payload || b.payload.length > 1000) return "button payload is invalid!";
  }
  if (message.attachment?.type === "file" && !message.attachment.payload.token) return "token is invalid!";
  return null;
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === "string" ? value : undefined;
}

async function text(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

function json(response: ServerResponse, body: unknown, status = 200): void {
  const payload = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json" });
  response.end(payload);
}
