import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll } from "vitest";
import { createScratchPostgres, type Engine } from "./engines.js";

const bin = fileURLToPath(new URL("../../bin/thidua.js", import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `thidua ARGS` in a child process with only the given environment, feeding `input` on stdin. */
export function runCli(
  args: string[],
  options: { env: Record<string, string>; input?: string; cwd: string },
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: options.cwd,
      env: {
        PATH: process.env.PATH ?? "",
        LOG_LEVEL: "warn",
        THIDUA_MODEL_CACHE: process.env.THIDUA_MODEL_CACHE ?? "",
        ...options.env,
      },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? "");
  });
}

export interface CliEnvironment {
  /** A fresh working folder, holding the embedded database under data/. */
  cwd: string;
  /** DATA_DIR, and DATABASE_URL of a throw-away database on PostgreSQL. */
  env: Record<string, string>;
  run(args: string[], input?: string): Promise<CliResult>;
}

/** Registers hooks that give a describe block its own folder and database for `thidua` runs. */
export function useCliEnvironment(engine: Engine, prefix: string): CliEnvironment {
  let drop: (() => Promise<void>) | undefined;
  const environment: CliEnvironment = {
    cwd: "",
    env: {},
    run: (args, input) => runCli(args, { cwd: environment.cwd, env: environment.env, input }),
  };
  beforeAll(async () => {
    environment.cwd = mkdtempSync(join(tmpdir(), prefix));
    environment.env = { DATA_DIR: join(environment.cwd, "data") };
    if (engine === "postgres") {
      const scratch = await createScratchPostgres();
      environment.env.DATABASE_URL = scratch.url;
      drop = scratch.drop;
    }
  });
  afterAll(async () => {
    await drop?.();
    rmSync(environment.cwd, { recursive: true, force: true });
  });
  return environment;
}
