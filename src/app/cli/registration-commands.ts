import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { registrationsWorkbook } from "../../bot/index.js";
import {
  ErrorCode,
  formatDay,
  isoDayIn,
  registrationSchema,
  registrationsOfSchoolYear,
  reviewRegistration,
  ThiduaError,
  terminalAdministrator,
} from "../../core/index.js";
import { withApp } from "../build-app.js";
import { cliText } from "./cli-text.js";
import { type CliIo, line } from "./io.js";

const usage =
  "thidua registrations list --year 2025-2026 [--json] | export --year 2025-2026 [--output FILE.xlsx] | approve ID | return ID --note TEXT";

function usageError(): ThiduaError {
  return new ThiduaError(ErrorCode.InputInvalid, "usage", { messageKey: "cli.usageOf", params: { usage } });
}

/** `thidua registrations …`: a school year's registrations listed or exported into one workbook; reviews. */
export async function registrationsCommand(args: string[], io: CliIo): Promise<number> {
  const t = cliText();
  const [verb, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      year: { type: "string" },
      output: { type: "string" },
      note: { type: "string" },
      json: { type: "boolean", default: false },
    },
    allowPositionals: true,
  });
  const year = values.year;
  if ((verb === "list" || verb === "export") && !(year && /^\d{4}-\d{4}$/.test(year))) throw usageError();
  return withApp({ env: io.env }, async (app) => {
    const db = app.database.db;
    switch (verb) {
      case "list": {
        const rows = await registrationsOfSchoolYear(db, year ?? "");
        if (values.json) {
          line(
            io.stdout,
            JSON.stringify(
              rows.map(({ row, registration }) => ({ id: row.id, status: row.status, ...registration })),
            ),
          );
          return 0;
        }
        line(
          io.stdout,
          rows.length
            ? t("registration.review.listTitle", { year, count: rows.length })
            : t("registration.review.none", { year }),
        );
        for (const { row, registration } of rows)
          line(
            io.stdout,
            `  ${t("registration.review.line", {
              id: row.id,
              unit: registration.unitName,
              status: t(`registration.status.${row.status}`),
              day: formatDay(isoDayIn(row.submittedAt, app.config.timeZone)),
            })}`,
          );
        return 0;
      }
      case "export": {
        const rows = await registrationsOfSchoolYear(db, year ?? "");
        const output = values.output ?? `DangKyThiDua_${year}.xlsx`;
        const bytes = await registrationsWorkbook(
          rows.map(({ row, registration }) => ({
            registration,
            status: row.status,
            submittedAt: row.submittedAt,
          })),
          t,
        );
        writeFileSync(output, bytes);
        line(io.stdout, t("registration.exported", { count: rows.length, year, file: output }));
        return 0;
      }
      case "approve":
      case "return": {
        const id = Number(positionals[0]);
        if (!Number.isInteger(id)) throw usageError();
        const status = verb === "approve" ? "approved" : "returned";
        const row = await reviewRegistration(
          db,
          terminalAdministrator(),
          id,
          status,
          values.note ?? null,
          app.clock.now(),
        );
        const unit = registrationSchema.safeParse(row.payload).data?.unitName ?? "";
        line(io.stdout, t(`registration.review.${status}`, { id: row.id, unit, note: row.reviewNote ?? "" }));
        return 0;
      }
      default:
        throw usageError();
    }
  });
}
