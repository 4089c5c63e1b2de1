import { z } from "zod";

// One event of the Zalo Bot Platform, as the webhook posts it and getUpdates returns it. The docs show
// it wrapped as { ok: true, result: <update> }; deliveries have also been seen unwrapped, so both are
// accepted. Unknown fields are kept out of the way (loose objects) since Zalo adds them over time.

const messageSchema = z.looseObject({
  message_id: z.string().min(1),
  from: z.looseObject({
    id: z.string().min(1),
    display_name: z.string().optional(),
    is_bot: z.boolean().optional(),
  }),
  chat: z.looseObject({
    id: z.string().min(1),
    chat_type: z.string().optional(),
  }),
  text: z.string().optional(),
  // Milliseconds since the epoch (unlike Telegram's seconds).
  date: z.number().optional(),
});

export const zaloBotUpdateSchema = z.looseObject({
  // message.text.received, message.image.received, message.sticker.received, message.voice.received,
  // message.unsupported.received (e.g. from a protected account, sometimes without a message) …
  event_name: z.string().min(1),
  message: messageSchema.optional(),
});

export type ZaloBotUpdate = z.infer<typeof zaloBotUpdateSchema>;

const wrappedSchema = z.looseObject({ ok: z.literal(true), result: zaloBotUpdateSchema });

/** A webhook body: the update, wrapped in { ok, result } or not; null when it is not one. */
export function parseWebhookBody(body: unknown): ZaloBotUpdate | null {
  const wrapped = wrappedSchema.safeParse(body);
  if (wrapped.success) return wrapped.data.result;
  const flat = zaloBotUpdateSchema.safeParse(body);
  return flat.success ? flat.data : null;
}

/**
 * The updates in a getUpdates result, which is one update, a list of them, or nothing when the long
 * poll timed out; entries that are not updates are returned apart, to be logged.
 */
export function updatesOf(result: unknown): { updates: ZaloBotUpdate[]; rejected: unknown[] } {
  const items = result === undefined || result === null ? [] : Array.isArray(result) ? result : [result];
  const updates: ZaloBotUpdate[] = [];
  const rejected: unknown[] = [];
  for (const item of items) {
    const parsed = zaloBotUpdateSchema.safeParse(item);
    if (parsed.success) updates.push(parsed.data);
    else rejected.push(item);
  }
  return { updates, rejected };
}
