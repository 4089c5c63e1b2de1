import { z } from "zod";
import { locales, type PlatformState, type Reply } from "../../bot/index.js";

// Zalo bots have no buttons: choices are a numbered list, and the chat's last ones are kept in the
// database so that a reply "2" becomes the second choice's id, as a button press would (and so that
// any replica of the server can read them). The reply's language is kept beside them, for the few
// texts the adapter writes itself (a sticker gets its answer in the language of the conversation).

const keptSchema = z.object({
  locale: z.enum(locales),
  choices: z.array(z.object({ id: z.string(), label: z.string() })),
});

/** A chat's last choices and the language they were offered in. */
export type KeptChoices = z.infer<typeof keptSchema>;

const keyOf = (chatId: string) => `zalo-bot:choices:${chatId}`;

export interface ChatChoices {
  /** What the chat last saw, if anything was kept for it. */
  read(chatId: string): Promise<KeptChoices | undefined>;
  /** Keeps a reply's choices (none clears them) and language, when they differ from what is kept. */
  keep(chatId: string, reply: Reply, before: KeptChoices | undefined): Promise<void>;
}

export function chatChoices(state: PlatformState): ChatChoices {
  return {
    async read(chatId) {
      const raw = await state.get(keyOf(chatId));
      if (raw === undefined) return undefined;
      try {
        const parsed = keptSchema.safeParse(JSON.parse(raw));
        return parsed.success ? parsed.data : undefined;
      } catch {
        return undefined;
      }
    },
    async keep(chatId, reply, before) {
      const kept: KeptChoices = {
        locale: reply.locale,
        choices: (reply.choices ?? []).map(({ id, label }) => ({ id, label })),
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
