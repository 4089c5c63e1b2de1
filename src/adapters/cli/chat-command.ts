import { parseArgs } from "node:util";
import { defaultLocale, type Locale, pickLocale } from "../../bot/index.js";
import { ErrorCode, ThiduaError } from "../../core/index.js";
import { createConsoleAdapter } from "../console/console-adapter.js";
import { withRuntime } from "./runtime.js";

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
  const locale: Locale = pickLocale(values.lang) ?? defaultLocale;
  return withRuntime({ today: values.today }, async ({ assistant, clock }) => {
    await assistant.warmUp();
    const adapter = createConsoleAdapter({
      assistant,
      clock,
      locale,
      input: process.stdin,
      output: process.stdout,
      interactive: false,
      as: { platform: values.platform as string, userId: values.user as string },
    });
    await adapter.start();
    return 0;
  });
}
