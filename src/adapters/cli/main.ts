import { createTranslator, defaultLocale } from "../../bot/index.js";
import { asThiduaError, ErrorCode, type UnitFileProblem } from "../../core/index.js";
import { askCommand } from "./ask-command.js";
import { chatCommand, consoleCommand } from "./chat-commands.js";
import { evalCommand } from "./eval-command.js";
import { inviteCommand } from "./invite-command.js";
import { planCommand } from "./plan-commands.js";
import { statusCommand } from "./status-export.js";
import { recordUnexpected } from "./unexpected-errors.js";
import { unitsCommand } from "./unit-commands.js";

const t = createTranslator()(defaultLocale);

const commands: Record<string, (args: string[]) => Promise<number>> = {
  console: consoleCommand,
  plan: (args) => planCommand(args, t),
  ask: (args) => askCommand(args, t),
  eval: (args) => evalCommand(args, t),
  units: (args) => unitsCommand(args, t),
  invite: (args) => inviteCommand(args, t),
  chat: chatCommand,
  status: (args) => statusCommand(args, t),
  help: async () => {
    process.stdout.write(`${t("cli.usage")}\n`);
    return 0;
  },
};

/** Runs one `thidua` command and returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name = "help", ...rest] = argv;
  const command = commands[name];
  if (!command) {
    process.stderr.write(`${t("cli.unknownCommand", { command: name })}\n${t("cli.usage")}\n`);
    return 2;
  }
  try {
    return await command(rest);
  } catch (thrown) {
    const error = asThiduaError(thrown);
    if (
      error.code === ErrorCode.Internal &&
      (thrown as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")
    ) {
      process.stderr.write(`${t("cli.badOption", { message: error.message })}\n`);
      return 2;
    }
    // Nobody expected it: one line with an id; the stack goes to the error log, not the screen.
    if (error.code === ErrorCode.Internal) {
      const { id, file } = recordUnexpected(thrown, argv, process.env);
      process.stderr.write(`${t(file ? "errors.unexpected" : "errors.unexpectedUnlogged", { id, file })}\n`);
      return 1;
    }
    // One line, no stack: the message names what to fix.
    process.stderr.write(`${t(error.messageKey, { ...error.params, message: error.message })}\n`);
    // A file refused whole lists every problem by line.
    const problems = error.params.problems;
    if (Array.isArray(problems)) {
      for (const p of problems as UnitFileProblem[])
        process.stderr.write(
          `  ${t("fileProblems.line", { line: p.line, problem: t(`fileProblems.${p.reason}`, p.params) })}\n`,
        );
    }
    return 1;
  }
}

// A reader that stops early (`thidua plan list | head`) closes the pipe: end quietly, as other tools do.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});
process.exitCode = await main(process.argv.slice(2));
