import { randomBytes } from "node:crypto";
import type { PlatformState, ReplyChoice } from "../../bot/index.js";

// Telegram carries at most 64 bytes of callback data per button. A choice id that fits travels in
// the button ("c:<id>"); a longer one is kept in the database under a short random key ("k:<key>").
const callbackDataLimit = 64;
const direct = "c:";
const kept = "k:";
const stateKey = (key: string) => `telegram:choice:${key}`;

/** The callback data of a choice's button, keeping a long choice id server-side. */
export async function callbackDataFor(state: PlatformState, choice: ReplyChoice): Promise<string> {
  const data = direct + choice.id;
  if (Buffer.byteLength(data, "utf8") <= callbackDataLimit) return data;
  const key = randomBytes(12).toString("base64url");
  await state.put(stateKey(key), choice.id);
  return kept + key;
}

/** The choice id a pressed button stands for; undefined when its kept id is unknown (expired, forged). */
export async function choiceIdOf(state: PlatformState, data: string): Promise<string | undefined> {
  if (data.startsWith(direct)) return data.slice(direct.length);
  if (data.startsWith(kept)) return state.get(stateKey(data.slice(kept.length)));
  return undefined;
}
