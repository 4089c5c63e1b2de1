import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import type { Logger, ReplyFile } from "../../bot/index.js";
import type { TokenKeeper } from "./token-keeper.js";
import { failureOf, ZaloOaError } from "./zalo-oa-error.js";

// Files the OA upload accepts (PDF, DOC, DOCX, CSV) and its size limit.
export const uploadableTypes = new Set([
  "application/pdf",
  "application/msword",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "text/csv",
]);
export const maxUploadBytes = 5 * 1024 * 1024;

// -32 carries no hint of when to come back (the limit is per minute): back off, a few times.
const rateLimitWaits = [500, 2_000, 8_000];

const envelope = z.object({
  error: z.number(),
  message: z.string().optional(),
  data: z.unknown().optional(),
});
const sentData = z.object({ message_id: z.string() });
const uploadData = z.object({ token: z.string().min(1) });

/** What the OA message API takes under `message`. */
export type OaMessage =
  | { text: string; attachment?: { type: "template"; payload: { buttons: OaButton[] } } }
  | { attachment: { type: "file"; payload: { token: string } } };
export interface OaButton {
  title: string;
  type: "oa.query.hide";
  payload: string;
}

export interface OaClient {
  /** Sends one consultation message; resolves with Zalo's message id. */
  sendMessage(userId: string, message: OaMessage): Promise<string>;
  /** Uploads a file for a later file message; resolves with its token (valid 7 days). */
  uploadFile(file: ReplyFile): Promise<string>;
}

/** The OA Open API, with the access token in its `access_token` header. */
export function createOaClient(options: { apiRoot: string; tokens: TokenKeeper; log: Logger }): OaClient {
  const { apiRoot, tokens, log } = options;

  async function post(path: string, body: () => string | FormData, json: boolean): Promise<unknown> {
    let token = await tokens.accessToken();
    let refreshed = false;
    let waits = 0;
    for (;;) {
      const headers: Record<string, string> = { access_token: token };
      if (json) headers["content-type"] = "application/json";
      const response = await fetch(`${apiRoot}${path}`, { method: "POST", headers, body: body() }).catch(
        (error: unknown) => {
          throw new ZaloOaError("unavailable", `Zalo OA API unreachable: ${String(error)}`);
        },
      );
      const parsed = envelope.safeParse(await response.json().catch(() => null));
      const code = response.status === 401 ? -216 : parsed.success ? parsed.data.error : undefined;
      if (code === undefined) {
        throw new ZaloOaError(
          "unavailable",
          `Zalo OA API answered ${response.status} without a JSON envelope`,
        );
      }
      if (code === 0 && parsed.success) return parsed.data.data;
      const said = parsed.success ? (parsed.data.message ?? "") : "";
      // An expired or revoked access token: one refresh, one retry.
      if (code === -216 || code === -220) {
        if (refreshed)
          throw new ZaloOaError("token_rejected", `access token refused after refresh: ${said}`, code);
        refreshed = true;
        token = await tokens.replace(token);
        continue;
      }
      if (code === -32) {
        const wait = rateLimitWaits[waits++];
        if (wait === undefined)
          throw new ZaloOaError("rate_limited", `still over the rate limit: ${said}`, code);
        log.warn(
          { platform: "zalo-oa", state: "rate_limited", zaloCode: code, waitMs: wait },
          "OA rate limit",
        );
        await sleep(wait);
        continue;
      }
      throw new ZaloOaError(failureOf(code), `Zalo OA refused the call (${code}): ${said}`, code);
    }
  }

  return {
    async sendMessage(userId, message) {
      const text = JSON.stringify({ recipient: { user_id: userId }, message });
      const data = sentData.safeParse(await post("/v3.0/oa/message/cs", () => text, true));
      if (!data.success) throw new ZaloOaError("unavailable", "Zalo OA sent no message_id");
      return data.data.message_id;
    },
    async uploadFile(file) {
      const form = () => {
        const body = new FormData();
        body.append("file", new Blob([file.data], { type: file.mimeType }), file.name);
        return body;
      };
      const data = uploadData.safeParse(await post("/v2.0/oa/upload/file", form, false));
      if (!data.success) throw new ZaloOaError("unavailable", "Zalo OA upload sent no token");
      return data.data.token;
    },
  };
}
