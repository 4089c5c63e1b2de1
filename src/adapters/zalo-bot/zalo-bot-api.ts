import type { Logger } from "../../bot/index.js";

// The Zalo Bot Platform has no maintained npm client, so this is a small typed one over fetch.
// Docs: https://bot.zaloplatforms.com/docs/ (formerly bot.zapps.me); methods are POSTed as JSON to
// <apiRoot>/bot<TOKEN>/<method> and answer { ok: true, result } or { ok: false, error_code, description }.

/** The documented base; bot-api.zapps.me is its older name. */
export const defaultApiRoot = "https://bot-api.zaloplatforms.com";

/** A method the Bot API refused, or an answer that was not the Bot API's. */
export class ZaloBotApiError extends Error {
  constructor(
    readonly method: string,
    readonly errorCode: number,
    readonly description: string,
  ) {
    super(`Zalo Bot API ${method} failed (${errorCode}): ${description}`);
    this.name = "ZaloBotApiError";
  }
}

export interface SentMessage {
  message_id?: string;
  date?: number;
}

export interface ZaloBotApi {
  getMe(): Promise<unknown>;
  /** Long poll: waits up to `timeoutSeconds` for updates; the result is one update, a list, or none. */
  getUpdates(timeoutSeconds: number, signal: AbortSignal): Promise<unknown>;
  setWebhook(url: string, secretToken: string): Promise<unknown>;
  deleteWebhook(): Promise<unknown>;
  sendMessage(chatId: string, text: string): Promise<SentMessage>;
  sendChatAction(chatId: string, action: "typing" | "upload_photo"): Promise<unknown>;
}

export interface ZaloBotApiOptions {
  token: string;
  apiRoot?: string | undefined;
  log: Logger;
  /** How many times a rate-limited call (429) is tried again after waiting. */
  retries?: number;
}

interface ApiAnswer {
  ok?: unknown;
  result?: unknown;
  error_code?: unknown;
  description?: unknown;
  parameters?: { retry_after?: unknown };
}

const maxWaitSeconds = 30;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** Seconds to wait after a 429: the answer's retry_after, the Retry-After header, or one second. */
function retryAfter(answer: ApiAnswer, headers: Headers): number {
  const fromBody = Number(answer.parameters?.retry_after);
  const fromHeader = Number(headers.get("retry-after"));
  const seconds = Number.isFinite(fromBody) && fromBody > 0 ? fromBody : fromHeader;
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, maxWaitSeconds) : 1;
}

/** Waits `ms`, or rejects as soon as `signal` aborts (stopping must not wait out a back-off). */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** A Bot API client for one bot token. */
export function createZaloBotApi(options: ZaloBotApiOptions): ZaloBotApi {
  const root = (options.apiRoot ?? defaultApiRoot).replace(/\/+$/, "");
  const retries = options.retries ?? 3;

  async function call(method: string, params: object, signal?: AbortSignal): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      const response = await fetch(`${root}/bot${options.token}/${method}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(params),
        ...(signal ? { signal } : {}),
      });
      const text = await response.text();
      let answer: ApiAnswer;
      try {
        const parsed: unknown = JSON.parse(text);
        answer = isRecord(parsed) ? parsed : {};
      } catch {
        answer = {};
      }
      if (answer.ok === true) return answer.result;
      const code = typeof answer.error_code === "number" ? answer.error_code : response.status;
      const description =
        typeof answer.description === "string" ? answer.description : `HTTP ${response.status}`;
      if (code === 429 && attempt < retries) {
        const seconds = retryAfter(answer, response.headers);
        options.log.warn({ method, seconds }, "Zalo Bot API rate limit: waiting before trying again");
        await abortableSleep(seconds * 1000, signal);
        continue;
      }
      throw new ZaloBotApiError(method, code, description);
    }
  }

  const sent = (result: unknown): SentMessage =>
    isRecord(result) && typeof result.message_id === "string" ? { message_id: result.message_id } : {};

  return {
    getMe: () => call("getMe", {}),
    // The docs type `timeout` as a string of seconds.
    getUpdates: (timeoutSeconds, signal) => call("getUpdates", { timeout: String(timeoutSeconds) }, signal),
    setWebhook: (url, secretToken) => call("setWebhook", { url, secret_token: secretToken }),
    deleteWebhook: () => call("deleteWebhook", {}),
    sendMessage: async (chatId, text) => sent(await call("sendMessage", { chat_id: chatId, text })),
    sendChatAction: (chatId, action) => call("sendChatAction", { chat_id: chatId, action }),
  };
}
