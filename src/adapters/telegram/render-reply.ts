import type { Reply, ReplyBlock, ReplyChoice, ReplyFile } from "../../bot/index.js";
import { splitHtml } from "./split-html.js";

/** Telegram's longest message text. */
export const telegramMessageLimit = 4096;

export interface TelegramMessage {
  /** HTML (parse_mode "HTML"). */
  text: string;
  /** Inline keyboard buttons; only the last message has them. */
  choices: ReplyChoice[];
}

export interface TelegramReply {
  messages: TelegramMessage[];
  /** Sent as documents after the messages. */
  files: ReplyFile[];
}

/** Escapes the three characters Telegram's HTML mode reads as markup. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function blockHtml(block: ReplyBlock): string {
  switch (block.kind) {
    case "heading":
      // Bold per line, so that every line is whole HTML on its own and can go to any message.
      return block.text
        .split("\n")
        .map((line) => (line.trim() ? `<b>${escapeHtml(line)}</b>` : ""))
        .join("\n");
    case "paragraph":
      return escapeHtml(block.text);
    case "list":
      return block.items.map((item) => `• ${escapeHtml(item)}`).join("\n");
  }
}

/** Lays out a neutral reply as Telegram messages: HTML, split under the length limit, keyboard last. */
export function renderTelegramReply(reply: Reply, limit = telegramMessageLimit): TelegramReply {
  const html = reply.blocks
    .map((block, i) => {
      const previous = reply.blocks[i - 1];
      const gap = !previous ? "" : previous.kind === "heading" ? "\n" : "\n\n";
      return gap + blockHtml(block);
    })
    .join("");
  const texts = splitHtml(html, limit);
  const choices = reply.choices ?? [];
  // Buttons need a message to hang from; a reply of buttons alone gets a bare ellipsis.
  if (texts.length === 0 && choices.length > 0) texts.push("⋯");
  const messages = texts.map((text, i) => ({ text, choices: i === texts.length - 1 ? choices : [] }));
  return { messages, files: reply.files ?? [] };
}
