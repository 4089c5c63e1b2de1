import { z } from "zod";
import { locales, type PlatformState, type ReplyChoice } from "../bot/index.js";
import { parseJson } from "./parse-json.js";

// Where choices go out as a numbered list (a Zalo bot always, a Zalo OA past its button limit), the
// chat's last ones are kept in the database so that a reply "2" becomes the second choice's id, as a
// button press would (and so that any replica of the server can read them). The reply's language is
// kept beside them, for the few texts an adapter writes itself.

const keptSchema = z.object({
  locale: z.enum(locales),
  choices: z.array(z.object({ id: z.string(), label: z.string() })),
});

/** A chat's last choices and the language they were offered in. */
export type KeptChoices = z.infer<typeof keptSchema>;

export interface ChatChoices {
  /** What the chat last saw, if anything was kept for it. */
  read(chatId: string): Promise<KeptChoices | undefined>;
  /** Keeps numbered choices (none clears them) and their language, when they differ from `before`. */
  keep(
    chatId: string,
    next: { locale: KeptChoices["locale"]; choices: ReplyChoice[] },
    before: KeptChoices | undefined,
  ): Promise<void>;
}

/** The numbered choices of each chat of one platform ("zalo-bot", "zalo-oa"). */
export function chatChoices(state: PlatformState, platform: string): ChatChoices {
  const keyOf = (chatId: string) => `${platform}:choices:${chatId}`;
  return {
    async read(chatId) {
      const raw = await state.get(keyOf(chatId));
      if (raw === undefined) return undefined;
      const parsed = keptSchema.safeParse(parseJson(raw));
      return parsed.success ? parsed.data : undefined;
    },
    async keep(chatId, next, before) {
      const kept: KeptChoices = {
        locale: next.locale,
        choices: next.choices.map(({ id, label }) => ({ id, label })),
      };
      const unchanged = before !== undefined && JSON.stringify(before) === JSON.stringify(kept);
      if (!unchanged) await state.put(keyOf(chatId), JSON.stringify(kept));
    },
  };
}

/** The text the assistant should read: a number that picks one of the kept choices becomes its id. */
export function resolveChoice(text: string, kept: KeptChoices | undefined): string {
  const picked = /^\s*(\d{1,2})\s*\.?\s*$/.exec(text);
  if (!picked || !kept) return text;
  return kept.choices[Number(picked[1]) - 1]?.id ?? text;
}
