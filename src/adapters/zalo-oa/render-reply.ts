import type { Reply, ReplyChoice, ReplyFile, Translate } from "../../bot/index.js";
import { splitOnLines } from "../text/split-lines.js";

// Limits of the OA consultation message (POST /v3.0/oa/message/cs): a text of at most 2 000
// characters, and a button template whose buttons carry a title of at most 100 characters and a
// query payload of at most 1 000. Five buttons is the most we put under one message.
export const zaloOaLimits = {
  text: 2000,
  buttons: 5,
  buttonTitle: 100,
  buttonPayload: 1000,
} as const;

/** A button that sends its payload back as the person's next message, without showing it. */
export interface ZaloOaButton {
  title: string;
  payload: string;
}

/** One OA message to send, in order. */
export type ZaloOaOutgoing =
  | { kind: "text"; text: string; buttons?: ZaloOaButton[] }
  | { kind: "file"; file: ReplyFile };

export interface RenderedZaloOaReply {
  messages: ZaloOaOutgoing[];
  /**
   * Choices offered as a numbered list instead of buttons (too many, or too long to fit): the
   * adapter keeps them so that a bare "2" is read as the second one's id.
   */
  numbered: ReplyChoice[] | null;
}

/** Lays a neutral reply out as OA messages: plain text within the limits, choices as buttons. */
export function renderZaloOaReply(reply: Reply, t: Translate): RenderedZaloOaReply {
  const lines: string[] = [];
  for (const block of reply.blocks) {
    if (block.kind === "list") lines.push(...block.items.map((item) => `• ${nfc(item)}`));
    else lines.push(nfc(block.text));
  }
  const choices = reply.choices ?? [];
  const asButtons = choices.length > 0 && choices.length <= zaloOaLimits.buttons && choices.every(fitsButton);
  const numbered = choices.length > 0 && !asButtons ? choices : null;
  if (numbered) {
    lines.push(...numbered.map((choice, i) => `${i + 1}. ${nfc(choice.label)}`));
    lines.push(t("platforms.chooseByNumber", { numbers: numbered.map((_, i) => i + 1).join(", ") }));
  }

  const chunks = splitOnLines(lines.join("\n"), zaloOaLimits.text);
  const messages: ZaloOaOutgoing[] = chunks.map((text) => ({ kind: "text", text }));
  if (asButtons) {
    const buttons = choices.map((choice) => ({ title: shorten(nfc(choice.label)), payload: choice.id }));
    const last = messages.at(-1);
    // A button template still needs a text to hang under; a reply of choices alone gets the first label.
    if (last?.kind === "text") last.buttons = buttons;
    else messages.push({ kind: "text", text: buttons[0]?.title ?? "", buttons });
  }
  for (const file of reply.files ?? []) messages.push({ kind: "file", file });
  return { messages, numbered };
}

function fitsButton(choice: ReplyChoice): boolean {
  return choice.id.length > 0 && choice.id.length <= zaloOaLimits.buttonPayload;
}

// Vietnamese typed on different keyboards arrives composed or decomposed; Zalo counts the
// characters it receives, so lengths are measured on the composed (NFC) form.
function nfc(text: string): string {
  return text.normalize("NFC");
}

function shorten(title: string): string {
  const chars = [...title];
  return chars.length <= zaloOaLimits.buttonTitle
    ? title
    : `${chars.slice(0, zaloOaLimits.buttonTitle - 1).join("")}…`;
}
