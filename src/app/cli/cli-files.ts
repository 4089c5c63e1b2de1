import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { ErrorCode, ThiduaError } from "../../core/index.js";

/** Reads a file a command was given, or says in one line that it cannot. */
export function readFileArgument(path: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (cause) {
    const missing = (cause as NodeJS.ErrnoException).code === "ENOENT";
    throw new ThiduaError(ErrorCode.InputInvalid, `cannot read ${path}`, {
      messageKey: missing ? "errors.file_missing" : "errors.file_unreadable",
      params: { name: path },
      cause,
    });
  }
}

/** Refuses at once a file to write whose folder is not there, before any work that would be lost. */
export function checkOutputFolder(path: string): void {
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new ThiduaError(ErrorCode.InputInvalid, `no folder ${folder}`, {
      messageKey: "errors.output_folder_missing",
      params: { name: path, folder },
    });
  }
}

/** Writes a file a command was told to write, or says in one line why it cannot. */
export function writeFileArgument(path: string, data: string | Uint8Array): void {
  try {
    writeFileSync(path, data);
  } catch (cause) {
    const missing = (cause as NodeJS.ErrnoException).code === "ENOENT";
    throw new ThiduaError(ErrorCode.InputInvalid, `cannot write ${path}`, {
      messageKey: missing ? "errors.output_folder_missing" : "errors.output_unwritable",
      params: { name: path, folder: dirname(path) },
      cause,
    });
  }
}
