import type { Reply, Translate } from "../../bot/index.js";
import { splitOnLines } from "../text/split-lines.js";

/** sendMessage takes 1 to 2000 characters of text (Zalo Bot Platform docs, sendMessage). */
export const zaloBotTextLimit = 2000;

/**
 * A reply as the plain-text messages a Zalo bot sends: Zalo shows no markup, so a heading is written
 * in capitals on its own line, list items start with "•", choices are numbered ("1. …") and followed
 * by how to pick one, and a file, which the Bot API cannot send, is named with where to get it. Long
 * replies are cut into messages within the text limit, on line boundaries.
 */
export function renderZaloBotReply(reply: Reply, t: Translate, limit = zaloBotTextLimit): string[] {
  const parts: string[] = [];
  for (const block of reply.blocks) {
    if (block.kind === "heading") parts.push(block.text.toLocaleUpperCase(reply.locale));
    else if (block.kind === "paragraph") parts.push(block.text);
    else parts.push(block.items.map((item) => `• ${item}`).join("\n"));
  }
  const choices = reply.choices ?? [];
  if (choices.length) {
    const numbers = choices.map((_, i) => String(i + 1));
    parts.push(
      [
        ...choices.map((choice, i) => `${i + 1}. ${choice.label}`),
        t("platforms.chooseByNumber", { numbers: numbers.join(", ") }),
      ].join("\n"),
    );
  }
  for (const file of reply.files ?? []) parts.push(t("platforms.zaloBot.fileElsewhere", { name: file.name }));
  return splitOnLines(parts.filter((p) => p.trim() !== "").join("\n\n"), limit);
}
