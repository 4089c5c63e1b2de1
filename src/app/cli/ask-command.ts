import { parseArgs } from "node:util";
import { defaultLocale, type Locale, pickLocale, replyToPlainText, type Viewer } from "../../bot/index.js";
import { ErrorCode, ThiduaError, type UnitKind } from "../../core/index.js";
import { withApp } from "../build-app.js";
import { type CliIo, line } from "./io.js";

/** The viewer `--as officer` or `--as focal --unit-kind K` names. */
export function viewerFrom(as: string | undefined, unitKind: string | undefined): Viewer {
  if (as === undefined || as === "officer") return { role: "officer" };
  if (as === "focal" && unitKind) return { role: "focal", unitKind: unitKind as UnitKind };
  throw new ThiduaError(ErrorCode.InputInvalid, "--as must be officer, or focal with --unit-kind", {
    messageKey: "cli.usageOf",
    params: { usage: 'thidua ask [--today yyyy-mm-dd] [--as officer | --as focal --unit-kind K] "câu hỏi"' },
  });
}

/** `thidua ask "question"`: prints the reply as the given viewer on the given day. */
export async function askCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      today: { type: "string" },
      as: { type: "string" },
      "unit-kind": { type: "string" },
      lang: { type: "string", default: defaultLocale },
    },
    allowPositionals: true,
  });
  const viewer = viewerFrom(values.as, values["unit-kind"]);
  const locale: Locale = pickLocale(values.lang) ?? defaultLocale;
  const text = positionals.join(" ").trim();
  return withApp({ env: io.env, today: values.today, session: { viewer } }, async ({ assistant, clock }) => {
    const reply = await assistant.handle({
      platform: "cli",
      userId: "cli",
      chatId: "cli",
      text,
      locale,
      receivedAt: clock.now(),
    });
    line(io.stdout, replyToPlainText(reply));
    return 0;
  });
}
