import { spawn } from "node:child_process";
import { cpSync, rmSync } from "node:fs";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, inject } from "vitest";
import { main } from "../../src/app/cli/main.js";
import { createScratchPostgres, type Engine } from "./engines.js";
import { scratchDir } from "./scratch.js";

const bin = fileURLToPath(new URL("../../bin/thidua.js", import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

// What every command needs whatever the test: the model trained once, quiet logs.
const baseEnv = () => ({ LOG_LEVEL: "warn", THIDUA_MODEL_CACHE: inject("modelCacheDir") });

/** Runs `thidua ARGS` in this process — main() with string streams — feeding `input` on stdin. */
export async function runCli(
  args: string[],
  options: { env: Record<string, string>; input?: string; cwd?: string },
): Promise<CliResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (chunk) => {
    out += chunk;
  });
  stderr.on("data", (chunk) => {
    err += chunk;
  });
  const env = { ...baseEnv(), ...options.env };
  // Relative paths in a command (DATA_DIR=./data, --output x.csv) are the test's working folder's.
  const here = process.cwd();
  if (options.cwd) process.chdir(options.cwd);
  try {
    const code = await main(args, { stdin: Readable.from([options.input ?? ""]), stdout, stderr, env });
    return { code, stdout: out, stderr: err };
  } finally {
    process.chdir(here);
  }
}

/** Runs the real `bin/thidua.js` in a child process: for the few tests of the binary itself. */
export function spawnCli(
  args: string[],
  options: { env: Record<string, string>; input?: string; cwd: string },
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: options.cwd,
      env: { PATH: process.env.PATH ?? "", ...baseEnv(), ...options.env },
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
    child.stdin.on("error", () => {});
    child.stdin.end(options.input ?? "");
  });
}

/**
 * The options of a describe block of `thidua` commands: each command opens the database as the real
 * one does (~0.4 s on PGlite here, three times that beside the other workers), and a test that walks a
 * whole procedure runs a dozen of them, past vitest's default of 5 s.
 */
export const commandTests = { timeout: 30_000 };

export interface CliEnvironment {
  /** A fresh working folder, holding the embedded database under data/. */
  cwd: string;
  /** DATA_DIR, and DATABASE_URL of a throw-away database on PostgreSQL. */
  env: Record<string, string>;
  run(args: string[], input?: string): Promise<CliResult>;
}

/**
 * Gives each test its own working folder and database for `thidua` runs: on PGlite a copy of a data
 * folder migrated once for the whole run, on PostgreSQL a throw-away database.
 */
export function useCliEnvironment(engine: Engine, prefix: string): CliEnvironment {
  let drop: (() => Promise<void>) | undefined;
  const environment: CliEnvironment = {
    cwd: "",
    env: {},
    run: (args, input) =>
      runCli(args, { cwd: environment.cwd, env: environment.env, ...(input === undefined ? {} : { input }) }),
  };
  beforeEach(async () => {
    environment.cwd = scratchDir(prefix);
    const dataDir = join(environment.cwd, "data");
    environment.env = { DATA_DIR: dataDir };
    if (engine === "postgres") {
      const scratch = await createScratchPostgres();
      environment.env.DATABASE_URL = scratch.url;
      drop = scratch.drop;
    } else {
      cpSync(inject("pgliteDataDir"), dataDir, { recursive: true });
    }
  });
  afterEach(async () => {
    await drop?.();
    drop = undefined;
    rmSync(environment.cwd, { recursive: true, force: true });
  });
  return environment;
}
