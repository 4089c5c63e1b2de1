import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { parseJson } from "../parse-json.js";

// Zalo signs each event with a plain SHA-256 (not an HMAC) of app id + raw body + the body's
// `timestamp` + the secret key, sent as `X-ZEvent-Signature: mac=<hex>`.
export const signatureHeader = "x-zevent-signature";

/** The `mac=` value Zalo puts in `X-ZEvent-Signature` for this raw body. */
export function zaloOaSignature(options: {
  appId: string;
  rawBody: string;
  timestamp: string;
  secretKey: string;
}): string {
  const { appId, rawBody, timestamp, secretKey } = options;
  return createHash("sha256").update(`${appId}${rawBody}${timestamp}${secretKey}`, "utf8").digest("hex");
}

/** True when the header carries the signature of this body, compared in constant time. */
export function verifyZaloOaSignature(options: {
  appId: string;
  secretKey: string;
  rawBody: string;
  header: string | undefined;
}): boolean {
  const supplied = options.header?.trim().replace(/^mac=/i, "").toLowerCase();
  if (!supplied) return false;
  const timestamp = timestampOf(options.rawBody);
  if (timestamp === null) return false;
  const expected = Buffer.from(zaloOaSignature({ ...options, timestamp }), "utf8");
  const given = Buffer.from(supplied, "utf8");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

// The timestamp is signed as written in the body; numbers and digit strings are both seen.
function timestampOf(rawBody: string): string | null {
  const timestamp = z.object({ timestamp: z.union([z.string(), z.number()]) }).safeParse(parseJson(rawBody));
  return timestamp.success ? String(timestamp.data.timestamp) : null;
}

const digits = z.union([z.string().regex(/^\d{1,16}$/), z.number().int().nonnegative()]).transform(Number);

/** Every OA event has these; the rest depends on `event_name`. */
export const zaloOaEventSchema = z.object({
  app_id: z.string().min(1),
  event_name: z.string().min(1),
  timestamp: digits,
});

/** `user_send_text`: a person wrote to the OA, or pressed a query button (the text is its payload). */
export const userSendTextSchema = zaloOaEventSchema.extend({
  event_name: z.literal("user_send_text"),
  sender: z.object({ id: z.string().min(1) }),
  recipient: z.object({ id: z.string().min(1) }),
  message: z.object({ msg_id: z.string().min(1), text: z.string() }),
});

export type UserSendText = z.infer<typeof userSendTextSchema>;
