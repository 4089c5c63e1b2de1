import type { ModelIntent } from "./understanding/intent-corpus.js";

/**
 * What a message asks for: an intent the model learned from the corpus, or one only a command
 * carries ("/start CODE"), or the assistant's own reading of a reply to its question.
 */
export type Intent =
  | ModelIntent
  /** "/start K7M2-QX9P", "mã mời K7M2-QX9P". */
  | "redeem_invite"
  /** The reading was unsure: the assistant asked which one was meant. */
  | "clarify"
  /** "không" to "Bạn xác nhận …?": nothing is written. */
  | "decline"
  /** "/nhaclai 45", the "Nhắc lại sau" button under a reminder. */
  | "snooze"
  /** "/nhacday" (reminders come here), "/bantin tat" (the weekly digest off). */
  | "reminder_settings"
  /** An officer's "/nhac xem 7", "/nhac gui 12", "/nhac loi" … */
  | "reminders"
  /** An officer's "/dangky duyet 3", "/dangky tra 3 thiếu tên", "/dangky xem 3", "/dangky ds". */
  | "registration_review";
