import { parseArgs } from "node:util";
import { createConsoleAdapter } from "../../adapters/console/console-adapter.js";
import { defaultLocale, pickLocale } from "../../bot/index.js";
import { ErrorCode, ThiduaError } from "../../core/index.js";
import { withApp } from "../build-app.js";
import type { CliIo } from "./io.js";

/** A chat on standard input and output until it ends: as the administrator, or as a platform identity. */
async function terminalChat(
  io: CliIo,
  options: { lang?: string | undefined; today?: string | undefined },
  as?: { platform: string; userId: string },
): Promise<number> {
  const locale = pickLocale(options.lang) ?? defaultLocale;
  // The person at the console holds the database: they are answered as its administrator. A chat
  // account (`thidua chat`) is answered as its own roles allow.
  const session = as ? undefined : { viewer: { role: "officer" as const } };
  return withApp({ env: io.env, today: options.today, session }, async ({ assistant, clock }) => {
    await assistant.warmUp();
    const adapter = createConsoleAdapter({
      assistant,
      now: () => clock.now(),
      locale,
      input: io.stdin,
      output: io.stdout,
      // A script piping messages (thidua chat) gets replies only; a person at a terminal, a prompt.
      interactive: !as && io.stdin.isTTY === true && io.stdout.isTTY === true,
      ...(as ? { as } : {}),
    });
    await adapter.start();
    return 0;
  });
}

/** `thidua console [--lang vi|en] [--today D]` (npm start): the administrator's terminal chat. */
export async function consoleCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { lang: { type: "string", default: defaultLocale }, today: { type: "string" } },
    strict: true,
  });
  return terminalChat(io, values);
}

/**
 * `thidua chat --platform P --user ID`: one message a line from standard input, each reply printed,
 * as that platform identity on the database in force (scripts can act as several people in turn).
 */
export async function chatCommand(args: string[], io: CliIo): Promise<number> {
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
  return terminalChat(io, values, { platform: values.platform, userId: values.user });
}
