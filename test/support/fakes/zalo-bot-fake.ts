import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One call our server made to the fake Bot API. */
export interface ZaloBotCall {
  method: string;
  params: Record<string, unknown>;
  /** The HTTP status the fake answered with. */
  status: number;
}

export interface ZaloBotEvent {
  event_name: string;
  message?: {
    message_id: string;
    from: { id: string; display_name: string; is_bot: boolean };
    chat: { id: string; chat_type: "PRIVATE" | "GROUP" };
    text?: string;
    date: number;
  };
}

export interface ZaloBotFake {
  /** ZALO_BOT_API_ROOT: the fake answers <url>/bot<token>/<method>. */
  url: string;
  calls: ZaloBotCall[];
  /** The calls of one method that succeeded. */
  callsOf(method: string): ZaloBotCall[];
  /** The texts sent with sendMessage to a chat, in order. */
  textsTo(chatId: string): string[];
  /** Makes the next call of `method` fail with 429 and retry_after. */
  rateLimitNext(method: string, retryAfterSeconds?: number): void;
  /** Makes the next call of `method` fail as a server in trouble does (HTTP 502, no JSON). */
  breakNext(method: string): void;
  /** Queues an update for getUpdates (a waiting long poll gets it at once). */
  queueUpdate(event: ZaloBotEvent): void;
  /**
   * Posts an event to our webhook as Zalo does, { ok: true, result: event } with the secret header
   * (none if undefined); `rawBody` replaces the body.
   */
  postWebhook(
    target: string,
    event: ZaloBotEvent,
    secret: string | undefined,
    rawBody?: string,
  ): Promise<{ status: number; body: string }>;
  close(): Promise<void>;
}

let counter = 0;

/** A text (or other) event from a person, as the Zalo Bot Platform delivers it. */
export function zaloEvent(
  from: string,
  text: string | undefined,
  options: { eventName?: string; messageId?: string; chatId?: string } = {},
): ZaloBotEvent {
  counter++;
  return {
    event_name: options.eventName ?? "message.text.received",
    message: {
      message_id: options.messageId ?? `m${Date.now().toString(16)}${counter}`,
      from: { id: from, display_name: `Người dùng ${from}`, is_bot: false },
      chat: { id: options.chatId ?? from, chat_type: "PRIVATE" },
      ...(text === undefined ? {} : { text }),
      date: Date.now(),
    },
  };
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text) return {};
  const parsed: unknown = JSON.parse(text);
  return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
    ? Object.fromEntries(Object.entries(parsed))
    : {};
}

/** A fake Zalo Bot Platform API on 127.0.0.1 for one bot token. */
export async function startZaloBotFake(token: string): Promise<ZaloBotFake> {
  const calls: ZaloBotCall[] = [];
  const queue: ZaloBotEvent[] = [];
  const limited = new Map<string, number>();
  const broken = new Set<string>();
  let waiter: (() => void) | undefined;
  let messages = 0;

  const answer = (response: ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    response.writeHead(status, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(text),
    });
    response.end(text);
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(request.url ?? "");
    const params = await readJson(request);
    const method = match?.[2] ?? "";
    const record = (status: number, body: unknown) => {
      calls.push({ method, params, status });
      answer(response, status, body);
    };
    if (!match || match[1] !== token)
      return record(401, { ok: false, error_code: 401, description: "Unauthorized" });
    if (broken.delete(method)) {
      calls.push({ method, params, status: 502 });
      response.writeHead(502, { "content-type": "text/html" });
      return void response.end("<html>502 Bad Gateway</html>");
    }
    const retryAfter = limited.get(method);
    if (retryAfter !== undefined) {
      limited.delete(method);
      return record(429, {
        ok: false,
        error_code: 429,
        description: "Too Many Requests",
        parameters: { retry_after: retryAfter },
      });
    }
    switch (method) {
      case "getMe":
        return record(200, {
          ok: true,
          result: {
            id: "1459232241454765289",
            account_name: "bot.ThiDua",
            account_type: "BASIC",
            can_join_groups: false,
          },
        });
      case "setWebhook":
      case "deleteWebhook":
        return record(200, { ok: true, result: { url: params.url ?? "", updated_at: Date.now() } });
      case "sendMessage":
      case "sendPhoto":
        if (
          typeof params.chat_id !== "string" ||
          (method === "sendMessage" && typeof params.text !== "string")
        )
          return record(400, { ok: false, error_code: 400, description: "Bad Request" });
        if (typeof params.text === "string" && (params.text.length < 1 || params.text.length > 2000))
          return record(400, {
            ok: false,
            error_code: 400,
            description: "text must be 1 to 2000 characters",
          });
        messages++;
        return record(200, { ok: true, result: { message_id: `sent${messages}`, date: Date.now() } });
      case "sendChatAction":
        return record(200, { ok: true });
      case "getUpdates": {
        if (!queue.length) {
          // The long poll: wait for an update or the timeout the caller asked for.
          const seconds = Number(params.timeout ?? 30);
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, seconds * 1000);
            waiter = () => {
              clearTimeout(timer);
              resolve();
            };
            request.once("close", () => waiter?.());
          });
          waiter = undefined;
        }
        if (response.destroyed) return;
        const taken = queue.splice(0);
        if (!taken.length) return record(408, { ok: false, error_code: 408, description: "Request timeout" });
        // The platform gives one update as an object; several come as a list.
        return record(200, { ok: true, result: taken.length === 1 ? taken[0] : taken });
      }
      default:
        return record(404, { ok: false, error_code: 404, description: "Not Found" });
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() =>
      answer(response, 500, { ok: false, error_code: 500, description: "fake" }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    calls,
    callsOf: (method) => calls.filter((c) => c.method === method && c.status === 200),
    textsTo: (chatId) =>
      calls
        .filter((c) => c.method === "sendMessage" && c.status === 200 && c.params.chat_id === chatId)
        .map((c) => String(c.params.text)),
    rateLimitNext(method, retryAfterSeconds = 1) {
      limited.set(method, retryAfterSeconds);
    },
    breakNext(method) {
      broken.add(method);
    },
    queueUpdate(event) {
      queue.push(event);
      waiter?.();
    },
    async postWebhook(target, event, secret, rawBody) {
      const response = await fetch(`${target}/zalo/bot/webhook`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(secret === undefined ? {} : { "x-bot-api-secret-token": secret }),
        },
        body: rawBody ?? JSON.stringify({ ok: true, result: event }),
      });
      return { status: response.status, body: await response.text() };
    },
    async close() {
      waiter?.();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
