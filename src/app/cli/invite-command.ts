import { parseArgs } from "node:util";
import {
  createInvite,
  ErrorCode,
  findUnitByCode,
  formatDay,
  isoDayIn,
  loadUnitTree,
  ThiduaError,
  terminalAdministrator,
} from "../../core/index.js";
import { withApp } from "../build-app.js";
import { cliText } from "./cli-text.js";
import type { CliIo } from "./io.js";

const usage = "thidua invite UNIT_CODE --role focal|officer [--json]";

/** `thidua invite UNIT_CODE --role focal|officer [--json]`: prints a fresh single-use code. */
export async function inviteCommand(args: string[], io: CliIo): Promise<number> {
  const t = cliText();
  const { values, positionals } = parseArgs({
    args,
    options: { role: { type: "string", default: "focal" }, json: { type: "boolean", default: false } },
    allowPositionals: true,
  });
  const [unitCode] = positionals;
  const role = values.role;
  if (!unitCode || (role !== "focal" && role !== "officer")) {
    throw new ThiduaError(ErrorCode.InputInvalid, "usage", { messageKey: "cli.usageOf", params: { usage } });
  }
  return withApp({ env: io.env }, async (rt) => {
    const db = rt.database.db;
    const unit = await findUnitByCode(db, unitCode);
    if (!unit) {
      throw new ThiduaError(ErrorCode.NotFound, `no unit ${unitCode}`, {
        messageKey: "errors.unit_not_found",
        params: { code: unitCode },
      });
    }
    const tree = await loadUnitTree(db);
    const invite = await createInvite(
      db,
      terminalAdministrator(),
      { unitId: unit.id, role },
      rt.clock.now(),
      tree.subtreeOf,
    );
    if (values.json) {
      io.stdout.write(
        `${JSON.stringify({ code: invite.code, expiresAt: invite.expiresAt.toISOString() })}\n`,
      );
    } else {
      io.stdout.write(
        `${t("invite.created", {
          unit: unit.name,
          role: t(`roles.${role}`),
          code: invite.code,
          expires: formatDay(isoDayIn(invite.expiresAt, rt.config.timeZone)),
        })}\n`,
      );
    }
    return 0;
  });
}
