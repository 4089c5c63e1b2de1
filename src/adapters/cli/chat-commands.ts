import { parseArgs } from "node:util";
import { defaultLocale, pickLocale } from "../../bot/index.js";
import { ErrorCode, ThiduaError } from "../../core/index.js";
import { createConsoleAdapter } from "../console/console-adapter.js";
import { withRuntime } from "./runtime.js";

/** A chat on standard input and output until it ends: as the administrator, or as a platform identity. */
async function terminalChat(
  options: { lang?: string | undefined; today?: string | undefined },
  as?: { platform: string; userId: string },
): Promise<number> {
  const locale = pickLocale(options.lang) ?? defaultLocale;
  return withRuntime({ today: options.today }, async ({ assistant, clock }) => {
    await assistant.warmUp();
    const adapter = createConsoleAdapter({
      assistant,
      clock,
      locale,
      input: process.stdin,
      output: process.stdout,
      // A script piping messages (thidua chat) gets replies only; a person at a terminal, a prompt.
      interactive: !as && process.stdin.isTTY === true && process.stdout.isTTY === true,
      ...(as ? { as } : {}),
    });
    await adapter.start();
    return 0;
  });
}

/** `thidua console [--lang vi|en] [--today D]` (npm start): the administrator's terminal chat. */
export async function consoleCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { lang: { type: "string", default: defaultLocale }, today: { type: "string" } },
    strict: true,
  });
  return terminalChat(values);
}

/**
 * `thidua chat --platform P --user ID`: one message a line from standard input, each reply printed,
 * as that platform identity on the database in force (scripts can act as several people in turn).
 */
export async function chatCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      platform: { type: "string" },
      user: { type: "string" },
      lang: { type: "string", default: defaultLocale },
      today: { type: "string" },
    },
  });
  if (!values.platform || !values.user) {
    throw new ThiduaError(ErrorCode.InputInvalid, "usage", {
      messageKey: "cli.usageOf",
      params: { usage: "thidua chat --platform P --user ID [--today yyyy-mm-dd] < messages.txt" },
    });
  }
  return terminalChat(values, { platform: values.platform, userId: values.user });
}
