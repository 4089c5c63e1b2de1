import type { Readable, Writable } from "node:stream";

/** What a command reads and writes: the process's streams and environment, or a test's. */
export interface CliIo {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable;
  env: NodeJS.ProcessEnv;
  /** Ends a long-running command (`thidua serve`); the binary aborts it on SIGTERM or SIGINT. */
  signal?: AbortSignal;
}

/** A line of output. */
export const line = (stream: Writable, text: string) => stream.write(`${text}\n`);
