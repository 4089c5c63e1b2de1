import { type Api, InputFile } from "grammy";
import type { InlineKeyboardButton, Message } from "grammy/types";
import type { PlatformState, Reply, ReplyChoice } from "../../bot/index.js";
import { callbackDataFor } from "./choice-data.js";
import { renderTelegramReply } from "./render-reply.js";

async function keyboard(state: PlatformState, choices: ReplyChoice[]): Promise<InlineKeyboardButton[][]> {
  const rows: InlineKeyboardButton[][] = [];
  // One button a row: labels are sentences (task names), too long to sit side by side.
  for (const choice of choices) {
    rows.push([{ text: choice.label, callback_data: await callbackDataFor(state, choice) }]);
  }
  return rows;
}

/** Sends a reply to a chat: its messages (keyboard on the last), then its files as documents. */
export async function sendTelegramReply(
  api: Api,
  state: PlatformState,
  chatId: number | string,
  reply: Reply,
): Promise<Message | undefined> {
  const rendered = renderTelegramReply(reply);
  let last: Message | undefined;
  for (const message of rendered.messages) {
    const buttons = message.choices.length ? await keyboard(state, message.choices) : undefined;
    last = await api.sendMessage(chatId, message.text, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      ...(buttons ? { reply_markup: { inline_keyboard: buttons } } : {}),
    });
  }
  for (const file of rendered.files) {
    last = await api.sendDocument(chatId, new InputFile(file.data, file.name));
  }
  return last;
}
