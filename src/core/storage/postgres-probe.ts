import { connect } from "node:net";
import { ErrorCode, ThiduaError } from "../errors.js";

// PostgreSQL's SSLRequest: every PostgreSQL server answers it with one byte, "S" or "N" (or "E" from
// a very old one). Anything else on the port is some other server.
const sslRequest = Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]);

/** Where a postgres:// URL points, for messages. */
export function addressOf(url: string): { host: string; port: number; database: string; user: string } {
  const parsed = new URL(url);
  return {
    host: parsed.hostname || "localhost",
    port: Number(parsed.port || 5432),
    database: decodeURIComponent(parsed.pathname.replace(/^\//, "")) || decodeURIComponent(parsed.username),
    user: decodeURIComponent(parsed.username),
  };
}

const unreachable = (key: string, params: Record<string, unknown>, cause?: unknown) =>
  new ThiduaError(ErrorCode.DatabaseUnreachable, `DATABASE_URL: ${key}`, {
    messageKey: `errors.${key}`,
    params: { variable: "DATABASE_URL", ...params },
    cause,
  });

/**
 * Checks, before any driver connects, that a PostgreSQL server answers at the URL's host and port:
 * an address that answers nothing, refuses, or speaks another protocol fails within `timeoutMs`
 * with a reason, instead of a driver retrying for ever.
 */
export function probePostgres(url: string, timeoutMs: number): Promise<void> {
  const parsed = new URL(url);
  // A Unix socket (?host=/var/run/postgresql) is not probed over TCP.
  if (parsed.searchParams.get("host")?.startsWith("/")) return Promise.resolve();
  const { host, port } = addressOf(url);
  const address = `${host}:${port}`;
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    const done = (error?: ThiduaError) => {
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(
      () => done(unreachable("database_timeout", { address, seconds: Math.round(timeoutMs / 1000) })),
      timeoutMs,
    );
    socket.once("connect", () => socket.write(sslRequest));
    socket.once("data", (chunk: Buffer) => {
      const answer = String.fromCharCode(chunk[0] ?? 0);
      done(["S", "N", "E"].includes(answer) ? undefined : unreachable("database_not_postgres", { address }));
    });
    socket.once("error", (error: NodeJS.ErrnoException) => {
      const key =
        error.code === "ECONNREFUSED"
          ? "database_refused"
          : error.code === "ENOTFOUND" || error.code === "EAI_AGAIN"
            ? "database_unknown_host"
            : "database_unreachable";
      done(unreachable(key, { address, host, message: error.message }, error));
    });
    socket.once("close", () => done(unreachable("database_not_postgres", { address })));
  });
}
