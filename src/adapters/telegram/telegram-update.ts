import type { Update } from "grammy/types";
import { z } from "zod";

// The fields the adapter reads are checked; the rest of Telegram's Update passes through untouched.
const user = z.looseObject({
  id: z.number().int(),
  is_bot: z.boolean(),
  first_name: z.string(),
  language_code: z.string().optional(),
});
const chat = z.looseObject({ id: z.number().int(), type: z.string() });
const message = z.looseObject({
  message_id: z.number().int(),
  date: z.number().int(),
  chat,
  from: user.optional(),
  text: z.string().optional(),
});
const callbackQuery = z.looseObject({
  id: z.string(),
  from: user,
  chat_instance: z.string(),
  data: z.string().optional(),
  message: z.looseObject({ message_id: z.number().int(), date: z.number().int(), chat }).optional(),
});
const updateShape = z.looseObject({
  update_id: z.number().int().nonnegative(),
  message: message.optional(),
  edited_message: message.optional(),
  callback_query: callbackQuery.optional(),
});

/** A Telegram update as grammY types it, once the parts the adapter reads have been checked. */
export const telegramUpdate = z.custom<Update>((value) => updateShape.safeParse(value).success, {
  message: "not a Telegram update",
});
