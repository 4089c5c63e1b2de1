import { readFileSync } from "node:fs";
import { ErrorCode, ThiduaError } from "../errors.js";
import {
  officeRulesSchema,
  type RegistrationRule,
  registrationRules,
  rulesWithOffice,
} from "./registration-rules.js";

/** The registration rules in force: the built-in ones, with the office's file (REGISTRATION_RULES) applied. */
export function loadRegistrationRules(path: string | undefined): readonly RegistrationRule[] {
  if (!path) return registrationRules;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ThiduaError(
      ErrorCode.ConfigInvalid,
      `REGISTRATION_RULES cannot be read as JSON (${reason}): point it at a JSON file shaped as the README's "Registration rules" shows`,
      { cause: error, params: { variable: "REGISTRATION_RULES" } },
    );
  }
  const rows = officeRulesSchema.safeParse(json);
  if (!rows.success) {
    const issue = rows.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join(".")}` : "";
    throw new ThiduaError(
      ErrorCode.ConfigInvalid,
      `REGISTRATION_RULES is not a valid list of rules${where}: ${issue?.message ?? "invalid"}`,
      { params: { variable: "REGISTRATION_RULES" } },
    );
  }
  return rulesWithOffice(rows.data);
}
