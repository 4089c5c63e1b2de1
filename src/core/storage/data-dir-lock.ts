import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { ErrorCode, ThiduaError } from "../errors.js";

/** Who holds an embedded data folder. */
interface Holder {
  pid: number;
  host: string;
  since: string;
}

const lockName = "pglite.lock";

// A process that died (kill -9, a crash) left its lock behind: it is stale when its pid is gone.
function alive(holder: Holder): boolean {
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(path: string): Holder | null {
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as Partial<Holder>;
    return typeof parsed.pid === "number" && typeof parsed.host === "string"
      ? { pid: parsed.pid, host: parsed.host, since: String(parsed.since ?? "") }
      : null;
  } catch {
    return null;
  }
}

/**
 * Takes the embedded database's folder for this process: PGlite is single-process, and a second
 * process on the same folder silently loses writes. Refuses at once, naming who holds it; a lock
 * left by a process that no longer runs is taken over. The lock goes when the process ends.
 */
export function lockDataDir(dataDir: string): { release(): void } {
  const path = join(dataDir, lockName);
  // The wall time the folder was taken, only to tell a person since when it is busy.
  const me: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, "wx");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readHolder(path);
      if (holder && alive(holder)) {
        throw new ThiduaError(ErrorCode.Conflict, `${dataDir} is used by process ${holder.pid}`, {
          messageKey: "errors.data_dir_busy",
          params: { dir: dataDir, pid: holder.pid, since: holder.since },
        });
      }
      unlinkSync(path);
      continue;
    }
    writeSync(fd, JSON.stringify(me));
    closeSync(fd);
    const release = () => {
      if (readHolder(path)?.pid === process.pid) {
        try {
          unlinkSync(path);
        } catch {
          // Already gone: nothing to release.
        }
      }
      process.off("exit", release);
    };
    process.on("exit", release);
    return { release };
  }
  throw new ThiduaError(ErrorCode.Conflict, `${dataDir} could not be locked`, {
    messageKey: "errors.data_dir_busy",
    params: { dir: dataDir, pid: "?", since: "" },
  });
}
