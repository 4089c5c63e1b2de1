import { basename, resolve } from "node:path";
import { parseArgs } from "node:util";
import { ErrorCode, ThiduaError } from "../../core/index.js";
import { readQuestions, runEval } from "../../eval/run-eval.js";
import { checkOutputFolder, readFileArgument, writeFileArgument } from "./cli-files.js";
import type { CliIo } from "./io.js";

/** `thidua eval --input FILE --output FILE [--plans DIR] [--units FILE]`. */
export async function evalCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      input: { type: "string" },
      output: { type: "string" },
      plans: { type: "string", default: "../shared/plans" },
      units: { type: "string" },
    },
  });
  if (!values.input || !values.output) {
    throw new ThiduaError(ErrorCode.InputInvalid, "usage", {
      messageKey: "cli.usageOf",
      params: { usage: "thidua eval --input FILE --output FILE [--plans DIR] [--units FILE]" },
    });
  }
  checkOutputFolder(values.output);
  const questions = readQuestions(new TextDecoder().decode(readFileArgument(values.input)));
  const units = values.units
    ? { name: basename(values.units), bytes: readFileArgument(values.units) }
    : undefined;
  const answers = await runEval(questions, resolve(values.plans ?? "../shared/plans"), units, io.env);
  writeFileArgument(
    values.output,
    answers.map(({ ms: _, ...a }) => JSON.stringify(a)).join("\n") + (answers.length ? "\n" : ""),
  );
  return 0;
}
