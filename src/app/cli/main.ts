// The error type alone, not core's face: `thidua help` must start without loading the database.
import { asThiduaError, ErrorCode } from "../../core/errors.js";
import type { UnitFileProblem } from "../../core/index.js";
import { cliText } from "./cli-text.js";
import { type CliIo, line } from "./io.js";
import { recordUnexpected } from "./unexpected-errors.js";

export type { CliIo } from "./io.js";

type Command = (args: string[], io: CliIo) => Promise<number>;

// Each command is loaded when it is called: `thidua help` need not load the database or the model.
const commands: Record<string, () => Promise<Command>> = {
  console: async () => (await import("./chat-commands.js")).consoleCommand,
  chat: async () => (await import("./chat-commands.js")).chatCommand,
  plan: async () => (await import("./plan-commands.js")).planCommand,
  ask: async () => (await import("./ask-command.js")).askCommand,
  eval: async () => (await import("./eval-command.js")).evalCommand,
  units: async () => (await import("./unit-commands.js")).unitsCommand,
  invite: async () => (await import("./invite-command.js")).inviteCommand,
  status: async () => (await import("./status-export.js")).statusCommand,
  reminders: async () => (await import("./reminder-commands.js")).remindersCommand,
  registrations: async () => (await import("./registration-commands.js")).registrationsCommand,
  serve: async () => (await import("./serve-command.js")).serveCommand,
  start: async () => (await import("./serve-command.js")).startCommand,
  help: async () => async (_args, io) => {
    line(io.stdout, cliText()("cli.usage"));
    return 0;
  },
};

/** Runs one `thidua` command with the given streams and environment; returns the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const t = cliText();
  const [name = "help", ...rest] = argv;
  const load = commands[name];
  if (!load) {
    line(io.stderr, `${t("cli.unknownCommand", { command: name })}\n${t("cli.usage")}`);
    return 2;
  }
  try {
    return await (await load())(rest, io);
  } catch (thrown) {
    const error = asThiduaError(thrown);
    if (
      error.code === ErrorCode.Internal &&
      (thrown as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")
    ) {
      line(io.stderr, t("cli.badOption", { message: error.message }));
      return 2;
    }
    // Nobody expected it: one line with an id; the stack goes to the error log, not the screen.
    if (error.code === ErrorCode.Internal) {
      const { id, file } = recordUnexpected(thrown, argv, io.env);
      line(io.stderr, t(file ? "errors.unexpected" : "errors.unexpectedUnlogged", { id, file }));
      return 1;
    }
    // One line, no stack: the message names what to fix.
    line(io.stderr, t(error.messageKey, { ...error.params, message: error.message }));
    // A file refused whole lists every problem by line.
    const problems = error.params.problems;
    if (Array.isArray(problems)) {
      for (const p of problems as UnitFileProblem[])
        line(
          io.stderr,
          `  ${t("fileProblems.line", { line: p.line, problem: t(`fileProblems.${p.reason}`, p.params) })}`,
        );
    }
    return 1;
  }
}
