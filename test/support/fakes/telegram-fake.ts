import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { htmlProblem, visibleText } from "./telegram-html.js";

const inlineKeyboard = z.object({
  inline_keyboard: z.array(
    z.array(z.looseObject({ text: z.string(), callback_data: z.string().optional() })),
  ),
});

/** One Bot API call as the fake received it. */
export interface TelegramCall {
  method: string;
  /** JSON body, or the multipart fields (objects JSON-decoded). */
  params: Record<string, unknown>;
  /** Files uploaded with multipart/form-data. */
  files: { field: string; filename: string; bytes: Buffer }[];
  /** When it arrived (Date.now()). */
  at: number;
}

export interface TelegramFake {
  /** The `apiRoot` (TELEGRAM_API_ROOT) to point grammY at. */
  apiRoot: string;
  calls: TelegramCall[];
  callsTo(method: string): TelegramCall[];
  /** The next call of `method` is refused with 429 and `retry_after` seconds, as Telegram does. */
  rateLimitNext(method: string, retryAfter: number): void;
  /** Messages to this chat are refused with 403, as when the person has blocked the bot. */
  blockChat(chatId: number): void;
  /** Messages to this chat get no answer until `release()`, as over a slow network. */
  holdChat(chatId: number): { release(): void };
  /** An update handed out by getUpdates. */
  queueUpdate(update: { update_id: number }): void;
  /** The webhook Telegram would call (set by setWebhook, cleared by deleteWebhook). */
  readonly webhookUrl: string;
  /** Posts an update to a webhook with Telegram's secret header, as Telegram delivers it. */
  postUpdate(url: string, update: unknown, secret?: string): Promise<Response>;
  close(): Promise<void>;
}

type Result = { status: number; body: unknown };
const ok = (result: unknown): Result => ({ status: 200, body: { ok: true, result } });
const fail = (status: number, description: string, parameters?: object): Result => ({
  status,
  body: { ok: false, error_code: status, description, ...(parameters ? { parameters } : {}) },
});

async function readAll(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

const decoded = (value: string): unknown => {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
};

// Just enough multipart/form-data for grammY's uploads: fields, and files with a filename.
function parseMultipart(body: Buffer, boundary: string): Pick<TelegramCall, "params" | "files"> {
  const params: Record<string, unknown> = {};
  const files: TelegramCall["files"] = [];
  for (const part of body.toString("latin1").split(`--${boundary}`)) {
    const split = part.indexOf("\r\n\r\n");
    if (split < 0) continue;
    const headers = part.slice(0, split);
    const content = Buffer.from(part.slice(split + 4).replace(/\r\n$/, ""), "latin1");
    const name = /name="([^"]+)"/i.exec(headers)?.[1];
    const filename = /filename="?([^";\r\n]+)"?/i.exec(headers)?.[1];
    if (!name) continue;
    if (filename)
      files.push({ field: name, filename: Buffer.from(filename, "latin1").toString(), bytes: content });
    else params[name] = decoded(content.toString("utf8"));
  }
  return { params, files };
}

/** A local Telegram Bot API: /bot<token>/<method>, answering `{ ok, result }` like Telegram. */
export async function startTelegramFake(options: {
  token: string;
  username?: string;
  webhookUrl?: string;
}): Promise<TelegramFake> {
  const calls: TelegramCall[] = [];
  const limited = new Map<string, number>();
  const blocked = new Set<number>();
  const held = new Map<number, Promise<void>>();
  let queue: { update_id: number }[] = [];
  let waiters: (() => void)[] = [];
  let webhookUrl = options.webhookUrl ?? "";
  let nextMessageId = 1;
  const wake = () => {
    for (const w of waiters) w();
    waiters = [];
  };

  const message = (params: Record<string, unknown>, extra: object) => ({
    message_id: nextMessageId++,
    date: Math.floor(Date.now() / 1000),
    chat: { id: Number(params.chat_id), type: "private" },
    ...extra,
  });

  async function answer(call: TelegramCall): Promise<Result> {
    const { method, params } = call;
    const retryAfter = limited.get(method);
    if (retryAfter !== undefined) {
      limited.delete(method);
      return fail(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
    }
    switch (method) {
      case "getMe":
        return ok({
          id: 7000001,
          is_bot: true,
          first_name: "Thi đua",
          username: options.username ?? "ThiduaBot",
        });
      case "setMyCommands":
      case "sendChatAction":
      case "answerCallbackQuery":
        return ok(true);
      case "setWebhook":
        webhookUrl = String(params.url);
        return ok(true);
      case "deleteWebhook":
        webhookUrl = "";
        return ok(true);
      case "sendMessage": {
        await held.get(Number(params.chat_id));
        if (blocked.has(Number(params.chat_id))) return fail(403, "Forbidden: bot was blocked by the user");
        const text = String(params.text ?? "");
        const problem = params.parse_mode === "HTML" ? htmlProblem(text) : null;
        if (problem) return fail(400, `Bad Request: can't parse entities: ${problem}`);
        const shown = params.parse_mode === "HTML" ? visibleText(text) : text;
        if (!shown.trim()) return fail(400, "Bad Request: message text is empty");
        if (shown.length > 4096) return fail(400, "Bad Request: message is too long");
        const markup =
          params.reply_markup === undefined ? undefined : inlineKeyboard.safeParse(params.reply_markup);
        if (markup && !markup.success) {
          return fail(400, "Bad Request: can't parse reply keyboard markup JSON object");
        }
        for (const button of markup?.data.inline_keyboard.flat() ?? []) {
          if (Buffer.byteLength(button.callback_data ?? "") > 64)
            return fail(400, "Bad Request: BUTTON_DATA_INVALID");
        }
        return ok(message(params, { text: shown }));
      }
      case "sendDocument": {
        const file = call.files[0];
        if (!file) return fail(400, "Bad Request: there is no document in the request");
        return ok(message(params, { document: { file_id: `f${nextMessageId}`, file_name: file.filename } }));
      }
      case "getUpdates": {
        if (webhookUrl) return fail(409, "Conflict: can't use getUpdates method while webhook is active");
        const offset = Number(params.offset ?? 0);
        queue = queue.filter((u) => u.update_id >= offset);
        if (queue.length === 0) {
          // Long polling, briefly: a test's stop should not wait for Telegram's 30 s.
          const wait = Math.min(Number(params.timeout ?? 0), 1) * 1000;
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, wait);
            waiters.push(() => {
              clearTimeout(timer);
              resolve();
            });
          });
        }
        return ok(queue.filter((u) => u.update_id >= offset).slice(0, Number(params.limit ?? 100)));
      }
      default:
        return fail(404, "Not Found");
    }
  }

  const server = createServer((request, response) => {
    void (async () => {
      const body = await readAll(request);
      const match = /^\/bot([^/]+)\/(\w+)$/.exec((request.url ?? "").split("?")[0] ?? "");
      let result: Result;
      if (!match || match[1] !== options.token) {
        result = fail(match ? 401 : 404, match ? "Unauthorized" : "Not Found");
      } else {
        const type = request.headers["content-type"] ?? "";
        const boundary = /boundary=(.+)$/.exec(type)?.[1];
        const parsed = boundary
          ? parseMultipart(body, boundary)
          : { params: body.length ? JSON.parse(body.toString("utf8")) : {}, files: [] };
        const call: TelegramCall = { method: match[2] ?? "", ...parsed, at: Date.now() };
        calls.push(call);
        result = await answer(call);
      }
      const text = JSON.stringify(result.body);
      response.writeHead(result.status, { "content-type": "application/json" });
      response.end(text);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    rateLimitNext: (method, retryAfter) => limited.set(method, retryAfter),
    blockChat: (chatId) => blocked.add(chatId),
    holdChat(chatId) {
      let release = () => {};
      held.set(chatId, new Promise<void>((resolve) => (release = resolve)));
      return { release };
    },
    queueUpdate(update) {
      queue.push(update);
      wake();
    },
    get webhookUrl() {
      return webhookUrl;
    },
    postUpdate: (url, update, secret) =>
      fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(secret === undefined ? {} : { "x-telegram-bot-api-secret-token": secret }),
        },
        body: JSON.stringify(update),
      }),
    async close() {
      wake();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
