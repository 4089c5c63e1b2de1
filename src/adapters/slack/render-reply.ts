import type { types } from "@slack/bolt";
import type { Reply, ReplyBlock, ReplyChoice } from "../../bot/index.js";
import { splitOnLines } from "../text/split-lines.js";

type Block = types.KnownBlock;

/** One chat.postMessage: blocks, and the plain text notifications and old clients show. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

// Slack's documented limits (Block Kit reference).
export const slackLimits = {
  blocksPerMessage: 50,
  sectionText: 3000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  elementsPerActions: 25,
  // Ours: the fallback only feeds notifications and screen readers (Slack cuts `text` at 40 000).
  fallbackText: 3000,
} as const;

/** The action_id prefix of choice buttons; the number after it is the choice's position. */
export const choiceActionPrefix = "choice:";

/** Escapes the three characters Slack's mrkdwn gives a meaning to. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function sections(mrkdwn: string): Block[] {
  return splitOnLines(mrkdwn, slackLimits.sectionText)
    .filter((piece) => piece.trim() !== "")
    .map((piece) => ({ type: "section", text: { type: "mrkdwn", text: piece } }));
}

function blocksOf(block: ReplyBlock): { blocks: Block[]; plain: string } {
  switch (block.kind) {
    case "heading":
      return {
        blocks:
          block.text.length <= slackLimits.headerText
            ? [{ type: "header", text: { type: "plain_text", text: block.text, emoji: true } }]
            : sections(`*${escapeMrkdwn(block.text)}*`),
        plain: block.text,
      };
    case "paragraph":
      return { blocks: sections(escapeMrkdwn(block.text)), plain: block.text };
    case "list": {
      const lines = block.items.map((item) => `• ${item}`);
      return { blocks: sections(lines.map(escapeMrkdwn).join("\n")), plain: lines.join("\n") };
    }
  }
}

// Cut after escaping, so that the limit holds for what is sent, without leaving half an entity.
function cutEscaped(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 1).replace(/&[a-z]*$/, "")}…`;
}

function actionBlocks(choices: ReplyChoice[]): Block[] {
  const blocks: Block[] = [];
  for (let start = 0; start < choices.length; start += slackLimits.elementsPerActions) {
    blocks.push({
      type: "actions",
      elements: choices.slice(start, start + slackLimits.elementsPerActions).map((choice, i) => ({
        type: "button",
        action_id: `${choiceActionPrefix}${start + i + 1}`,
        text: { type: "plain_text", text: cut(choice.label, slackLimits.buttonText), emoji: true },
        // The adapter keeps longer ids server-side before rendering; this only guards the limit.
        value: choice.id.slice(0, slackLimits.buttonValue),
      })),
    });
  }
  return blocks;
}

/**
 * A neutral reply as Slack messages: mrkdwn escaped, headings as header blocks, lists as "• " lines,
 * sections within 3000 characters, at most 50 blocks a message (more make more messages), choices as
 * buttons (25 to an actions block) on the last message, each message with a plain-text fallback.
 */
export function renderSlackReply(reply: Reply): SlackMessage[] {
  const messages: { blocks: Block[]; plain: string[] }[] = [{ blocks: [], plain: [] }];
  const add = (blocks: Block[], plain: string) => {
    let last = messages[messages.length - 1] ?? { blocks: [], plain: [] };
    if (last.blocks.length > 0 && last.blocks.length + blocks.length > slackLimits.blocksPerMessage) {
      last = { blocks: [], plain: [] };
      messages.push(last);
    }
    for (const block of blocks) {
      if (last.blocks.length === slackLimits.blocksPerMessage) {
        last = { blocks: [], plain: [] };
        messages.push(last);
      }
      last.blocks.push(block);
    }
    if (plain !== "") last.plain.push(plain);
  };
  for (const block of reply.blocks) {
    const rendered = blocksOf(block);
    add(rendered.blocks, rendered.plain);
  }
  if (reply.choices?.length) {
    add(actionBlocks(reply.choices), reply.choices.map((c) => c.label).join(" · "));
  }
  return messages
    .filter((message) => message.blocks.length > 0)
    .map((message) => ({
      text: cutEscaped(escapeMrkdwn(message.plain.join("\n")), slackLimits.fallbackText),
      blocks: message.blocks,
    }));
}
