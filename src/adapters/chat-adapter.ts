import type { Reply } from "../bot/index.js";

/** Where a reply goes on a platform. */
export interface Recipient {
  chatId: string;
}

export interface SendResult {
  ok: boolean;
  /** The platform's id for the sent message, when it gives one. */
  messageId?: string;
}

/** What every platform adapter offers; the assistant is handed in when it is built. */
export interface ChatAdapter {
  /** Starts receiving; for the console it resolves when the session ends. */
  start(): Promise<void>;
  stop(): Promise<void>;
  send(to: Recipient, reply: Reply): Promise<SendResult>;
}
