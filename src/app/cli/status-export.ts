import { parseArgs } from "node:util";
import type { Translate } from "../../bot/index.js";
import {
  ErrorCode,
  findPlan,
  formatDay,
  type SubmissionMatrix,
  submissionMatrix,
  ThiduaError,
  terminalAdministrator,
} from "../../core/index.js";
import { withApp } from "../build-app.js";
import { checkOutputFolder, writeFileArgument } from "./cli-files.js";
import { cliText } from "./cli-text.js";
import { formulaSafe } from "./formula-safe.js";
import type { CliIo } from "./io.js";

const usage = "thidua status export --plan PLAN --output FILE.xlsx|FILE.csv";

/**
 * The matrix as rows of text: a header of items, then one row per unit with each item's status. Unit
 * names and item texts come from files and documents, so every cell is made formula-safe.
 */
function tableOf(t: Translate, matrix: SubmissionMatrix): string[][] {
  const header = [
    t("statusExport.code"),
    t("statusExport.unit"),
    t("statusExport.group"),
    ...matrix.tasks.map((task) => `${task.text}${task.dueOn ? ` (${formatDay(task.dueOn)})` : ""}`),
  ];
  const rows = matrix.units.map((u) => [
    u.code,
    u.name,
    u.group ?? "",
    ...u.statuses.map((s) => (s ? t(`answers.status.${s}`) : "—")),
  ]);
  return [header, ...rows].map((row) => row.map(formulaSafe));
}

/** The status export's bytes: the matrix as an .xlsx workbook or a .csv file that Excel reads as UTF-8. */
export async function statusFile(
  t: Translate,
  matrix: SubmissionMatrix,
  format: "xlsx" | "csv",
): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs"); // a quarter of a second to load: only here
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(t("statusExport.sheet"));
  // Plain string values: exceljs writes them as shared strings, which Excel shows and never evaluates.
  for (const row of tableOf(t, matrix)) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", xSplit: 2, ySplit: 1 }];
  if (format === "xlsx") return Buffer.from(await workbook.xlsx.writeBuffer());
  // A byte-order mark so spreadsheet programs read the Vietnamese as UTF-8.
  const csv = Buffer.from(await workbook.csv.writeBuffer());
  return Buffer.concat([Buffer.from("\uFEFF"), csv]);
}

/** `thidua status export --plan PLAN --output FILE`: the unit × item matrix as .xlsx or .csv by extension. */
export async function statusCommand(args: string[], io: CliIo): Promise<number> {
  const t = cliText();
  const [sub, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: { plan: { type: "string" }, output: { type: "string" } },
  });
  const output = values.output ?? "";
  if (sub !== "export" || !values.plan || !/\.(xlsx|csv)$/i.test(output)) {
    throw new ThiduaError(ErrorCode.InputInvalid, "usage", { messageKey: "cli.usageOf", params: { usage } });
  }
  checkOutputFolder(output);
  return withApp({ env: io.env }, async (rt) => {
    const plan = await findPlan(rt.database.db, values.plan as string);
    const matrix = await submissionMatrix(rt.database.db, plan, terminalAdministrator());
    writeFileArgument(output, await statusFile(t, matrix, /\.csv$/i.test(output) ? "csv" : "xlsx"));
    io.stdout.write(
      `${t("statusExport.written", { file: output, units: matrix.units.length, tasks: matrix.tasks.length })}\n`,
    );
    return 0;
  });
}
