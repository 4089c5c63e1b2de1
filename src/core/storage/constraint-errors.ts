import { ErrorCode, ThiduaError } from "../errors.js";

const UNIQUE_VIOLATION = "23505";
const FOREIGN_KEY_VIOLATION = "23503";
const CHECK_VIOLATION = "23514";

function driverError(error: unknown): { code?: string; constraint?: string } | undefined {
  // drizzle wraps the driver's error; postgres.js and PGlite both put the SQLSTATE in `code`.
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const candidate = e as { code?: unknown; constraint?: unknown; constraint_name?: unknown };
    if (typeof candidate.code === "string" && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      const constraint = candidate.constraint ?? candidate.constraint_name;
      return { code: candidate.code, constraint: typeof constraint === "string" ? constraint : undefined };
    }
  }
  return undefined;
}

/** Runs a write and turns a unique, foreign-key or check violation into a coded error for the caller. */
export async function withConstraintErrors<T>(what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const found = driverError(error);
    if (found?.code === UNIQUE_VIOLATION) {
      throw new ThiduaError(ErrorCode.Conflict, `${what} already exists`, {
        cause: error,
        params: { what, constraint: found.constraint },
      });
    }
    if (found?.code === FOREIGN_KEY_VIOLATION) {
      throw new ThiduaError(ErrorCode.NotFound, `${what} refers to a record that does not exist`, {
        cause: error,
        params: { what, constraint: found.constraint },
      });
    }
    if (found?.code === CHECK_VIOLATION) {
      throw new ThiduaError(ErrorCode.InputInvalid, `${what} has a value outside the allowed ones`, {
        cause: error,
        params: { what, constraint: found.constraint },
      });
    }
    throw error;
  }
}
