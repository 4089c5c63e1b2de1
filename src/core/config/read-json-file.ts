import { readFileSync } from "node:fs";
import { ErrorCode, ThiduaError } from "../errors.js";

/** The JSON of a file a variable points at, or a configuration error naming the variable and the README section. */
export function readJsonFileOf(variable: string, path: string, readmeSection: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ThiduaError(
      ErrorCode.ConfigInvalid,
      `${variable} cannot be read as JSON (${reason}): point it at a JSON file shaped as the README's "${readmeSection}" shows`,
      { cause: error, params: { variable } },
    );
  }
}
