import { parseArgs } from "node:util";
import type { Translate } from "../../bot/index.js";
import {
  createInvite,
  ErrorCode,
  findUnitByCode,
  formatDay,
  loadUnitTree,
  ThiduaError,
  terminalAdministrator,
} from "../../core/index.js";
import { withRuntime } from "./runtime.js";

const usage = "thidua invite UNIT_CODE --role focal|officer [--json]";

/** `thidua invite UNIT_CODE --role focal|officer [--json]`: prints a fresh single-use code. */
export async function inviteCommand(args: string[], t: Translate): Promise<number> {
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
  return withRuntime({}, async (rt) => {
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
      process.stdout.write(
        `${JSON.stringify({ code: invite.code, expiresAt: invite.expiresAt.toISOString() })}\n`,
      );
    } else {
      process.stdout.write(
        `${t("invite.created", {
          unit: unit.name,
          role: t(`roles.${role}`),
          code: invite.code,
          expires: formatDay(invite.expiresAt.toISOString().slice(0, 10)),
        })}\n`,
      );
    }
    return 0;
  });
}
