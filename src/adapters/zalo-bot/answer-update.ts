import type { Reply } from "../../bot/index.js";
import type { SendResult } from "../chat-adapter.js";
import { chatChoices, resolveChoice } from "../chat-choices.js";
import type { PlatformAdapterDeps } from "../platform-adapter.js";
import { withTyping } from "../typing.js";
import { renderZaloBotReply } from "./render-reply.js";
import type { ZaloBotApi } from "./zalo-bot-api.js";
import type { ZaloBotUpdate } from "./zalo-bot-update.js";

/** An answer that takes longer than this shows "typing…" in the chat first. */
const typingAfterMs = 300;

export interface ZaloBotResponder {
  /** Answers one update: a text goes to the assistant, anything else gets a short note. */
  answer(update: ZaloBotUpdate): Promise<void>;
  /** Sends a reply to a chat, in as many messages as its length needs. */
  send(chatId: string, reply: Reply): Promise<SendResult>;
}

export function createResponder(
  deps: Pick<PlatformAdapterDeps, "assistant" | "state" | "now" | "log">,
  api: ZaloBotApi,
): ZaloBotResponder {
  const choices = chatChoices(deps.state, "zalo-bot");

  async function send(chatId: string, reply: Reply): Promise<SendResult> {
    const t = deps.assistant.translate(reply.locale);
    let messageId: string | undefined;
    for (const text of renderZaloBotReply(reply, t)) {
      const sent = await api.sendMessage(chatId, text);
      messageId = sent.message_id ?? messageId;
    }
    return messageId === undefined ? { ok: true } : { ok: true, messageId };
  }

  /** The assistant's reply, with "typing…" shown if it is slow to come. */
  const replyWithTyping = (chatId: string, work: Promise<Reply>) =>
    withTyping(work, () => api.sendChatAction(chatId, "typing"), {
      after: typingAfterMs,
      every: 4_500,
      onError: (error) => deps.log.debug({ err: error, chatId }, "Zalo Bot typing action failed"),
    });

  return {
    send,
    async answer(update) {
      const message = update.message;
      if (!message) {
        deps.log.info({ event: update.event_name }, "Zalo Bot event without a message ignored");
        return;
      }
      // Another bot in a group: answering it could start two bots talking to each other forever.
      if (message.from.is_bot) return;
      const chatId = message.chat.id;
      const kept = await choices.read(chatId);
      if (update.event_name !== "message.text.received" || message.text === undefined) {
        // Pictures, stickers and voice cannot be read: say so rather than stay silent.
        const t = deps.assistant.translate(kept?.locale);
        await api.sendMessage(chatId, t("platforms.zaloBot.textOnly"));
        return;
      }
      const reply = await replyWithTyping(
        chatId,
        deps.assistant.handle({
          platform: "zalo-bot",
          userId: message.from.id,
          chatId,
          text: resolveChoice(message.text, kept),
          receivedAt: deps.now(),
        }),
      );
      await choices.keep(chatId, { locale: reply.locale, choices: reply.choices ?? [] }, kept);
      await send(chatId, reply);
    },
  };
}
