import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { type Assistant, type Locale, type Reply, replyToPlainText } from "../../bot/index.js";
import type { ChatAdapter } from "../chat-adapter.js";

export interface ConsoleAdapterOptions {
  assistant: Assistant;
  /** The time a message arrives (the app's clock). */
  now: () => Date;
  locale: Locale;
  input: Readable;
  output: Writable;
  /** Show a prompt before each line; only useful on a terminal. */
  interactive: boolean;
  /**
   * Speak as this platform identity (`thidua chat`): its linked roles and stored language apply and
   * no greeting is printed. Without it, messages come from the console itself.
   */
  as?: { platform: string; userId: string };
}

/** A chat in the terminal: one line in, one reply out, until end of input or a goodbye. */
export function createConsoleAdapter(options: ConsoleAdapterOptions): ChatAdapter {
  const { assistant, now, locale, input, output, interactive, as } = options;
  // On a terminal, readline needs the output too: it shows the prompt and echoes what is typed.
  const rl = createInterface({ input, ...(interactive ? { output } : {}), terminal: interactive });
  let stopped = false;
  // The choices of the last reply: typing "2" picks the second, as a button would.
  let choices: Reply["choices"] = [];
  // The session's language: --lang to begin with, then whatever the person switches to ("English please").
  let sessionLocale = locale;

  const print = (reply: Reply) => {
    output.write(`${replyToPlainText(reply)}\n\n`);
  };

  const prompt = () => {
    if (!interactive) return;
    rl.setPrompt(assistant.translate(sessionLocale)("console.prompt"));
    rl.prompt();
  };

  return {
    async start() {
      if (!as) print(assistant.greeting(locale));
      prompt();
      // Sequential on purpose: a piped script gets its replies in the order it asked.
      for await (const line of rl) {
        if (stopped) break;
        const typed = line.trim();
        const text = /^\d+$/.test(typed) ? (choices?.[Number(typed) - 1]?.id ?? typed) : typed;
        if (text) {
          const message = {
            platform: as?.platform ?? "console",
            userId: as?.userId ?? "console",
            chatId: as?.userId ?? "console",
            text,
            locale: sessionLocale,
            receivedAt: now(),
          };
          const reply = await assistant.handle(message);
          choices = reply.choices ?? [];
          sessionLocale = reply.locale;
          print(reply);
          if (reply.endsConversation) break;
        }
        prompt();
      }
      if (interactive) output.write(`\n${assistant.translate(sessionLocale)("console.closing")}\n`);
      rl.close();
    },
    async stop() {
      stopped = true;
      rl.close();
    },
    async send(_to, reply) {
      print(reply);
      return { ok: true };
    },
  };
}
