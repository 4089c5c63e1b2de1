import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { type Assistant, type Locale, type Reply, replyToPlainText } from "../../bot/index.js";
import type { Clock } from "../../core/index.js";
import type { ChatAdapter } from "../chat-adapter.js";

export interface ConsoleAdapterOptions {
  assistant: Assistant;
  clock: Clock;
  locale: Locale;
  input: Readable;
  output: Writable;
  /** Show a prompt before each line; only useful on a terminal. */
  interactive: boolean;
}

/** A chat in the terminal: one line in, one reply out, until end of input or a goodbye. */
export function createConsoleAdapter(options: ConsoleAdapterOptions): ChatAdapter {
  const { assistant, clock, locale, input, output, interactive } = options;
  const t = assistant.translate(locale);
  const rl = createInterface({ input, terminal: interactive });
  let stopped = false;

  const print = (reply: Reply) => {
    output.write(`${replyToPlainText(reply)}\n\n`);
  };

  const prompt = () => {
    if (interactive) output.write(t("console.prompt"));
  };

  return {
    async start() {
      print(assistant.greeting(locale));
      prompt();
      // Sequential on purpose: a piped script gets its replies in the order it asked.
      for await (const line of rl) {
        if (stopped) break;
        const text = line.trim();
        if (text) {
          const reply = await assistant.handle({
            platform: "console",
            userId: "console",
            chatId: "console",
            text,
            locale,
            receivedAt: clock.now(),
          });
          print(reply);
          if (reply.endsConversation) break;
        }
        prompt();
      }
      if (interactive) output.write(`\n${t("console.closing")}\n`);
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
