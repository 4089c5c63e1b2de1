/** The languages the assistant answers in; Vietnamese is the default. */
export const locales = ["vi", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "vi";

/** What every adapter turns a platform update into. */
export interface IncomingMessage {
  platform: string;
  userId: string;
  chatId: string;
  text: string;
  /** The language the platform reports for the person, if any; a stored choice wins over it. */
  locale?: Locale | undefined;
  receivedAt: Date;
}

/** One piece of a reply, rendered by each adapter in its platform's way. */
export type ReplyBlock =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "list"; items: string[] };

/** A button or quick reply; `id` comes back as the text of the person's next message. */
export interface ReplyChoice {
  id: string;
  label: string;
}

export interface ReplyFile {
  name: string;
  mimeType: string;
  data: Uint8Array;
}

/** What the assistant answers, already translated; adapters only lay it out. */
export interface Reply {
  locale: Locale;
  blocks: ReplyBlock[];
  choices?: ReplyChoice[];
  files?: ReplyFile[];
  /** The person said goodbye; a console session ends here. */
  endsConversation?: boolean;
}

/** The reply as plain text, for the console, the command line and evaluation. */
export function replyToPlainText(reply: Reply): string {
  const parts = reply.blocks.map((block) =>
    block.kind === "list" ? block.items.map((item) => `  • ${item}`).join("\n") : block.text,
  );
  if (reply.choices?.length) {
    parts.push(reply.choices.map((choice, i) => `  [${i + 1}] ${choice.label}`).join("\n"));
  }
  return parts.join("\n");
}
