import { readJsonFileOf } from "../config/read-json-file.js";
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
  const json = readJsonFileOf("REGISTRATION_RULES", path, "Registration rules of the office's own");
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
