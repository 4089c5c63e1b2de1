import { randomBytes } from "node:crypto";
import { appendFileSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * Keeps the details of an error nobody expected (its stack, the command) in DATA_DIR/logs/errors.log
 * and returns the id the one-line message quotes, so a person sees no stack and support can find it.
 */
export function recordUnexpected(
  error: unknown,
  argv: string[],
  env: NodeJS.ProcessEnv,
): { id: string; file: string | null } {
  const id = randomBytes(4).toString("hex");
  const folder = resolve(env.DATA_DIR || "./data", "logs");
  const file = join(folder, "errors.log");
  const entry = {
    at: new Date().toISOString(),
    id,
    command: argv.join(" "),
    message: error instanceof Error ? error.message : String(error),
    stack: error instanceof Error ? error.stack : undefined,
    cause: error instanceof Error && error.cause instanceof Error ? error.cause.stack : undefined,
  };
  try {
    mkdirSync(folder, { recursive: true });
    appendFileSync(file, `${JSON.stringify(entry)}\n`);
    return { id, file };
  } catch {
    return { id, file: null };
  }
}
