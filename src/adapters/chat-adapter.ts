import type { Reply } from "../bot/index.js";

/** Where a reply goes on a platform. */
export interface Recipient {
  chatId: string;
}

/** What a platform made of a message: sent, or why not (reminders try another account when unreachable). */
export type SendResult =
  | {
      ok: true;
      /** The platform's id for the sent message, when it gives one. */
      messageId?: string;
    }
  | {
      ok: false;
      /** unreachable: this account cannot get it (blocked, left, outside a reply window); failed: try again later. */
      reason: "unreachable" | "failed";
      error: string;
      /** The platform's own wait before trying again (a 429's retry_after). */
      retryAfterMs?: number;
    };

/** What every platform adapter offers; the assistant is handed in when it is built. */
export interface ChatAdapter {
  /** Starts receiving; for the console it resolves when the session ends. */
  start(): Promise<void>;
  stop(): Promise<void>;
  send(to: Recipient, reply: Reply): Promise<SendResult>;
}
