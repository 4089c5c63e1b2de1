import { spawn } from "node:child_process";
import { cpSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { startTelegramFake } from "../../support/fakes/telegram-fake.js";
import { textUpdate } from "../../support/fakes/telegram-updates.js";
import { commandTests, runCli, spawnCli } from "../../support/run-cli.js";
import { scratchDir } from "../../support/scratch.js";

const plan000 = fileURLToPath(new URL("../../../../shared/plans/000_31ba9c53447dfa3c.txt", import.meta.url));
const bin = fileURLToPath(new URL("../../../bin/thidua.js", import.meta.url));

// The few tests of the real binary (the compiled dist/, as `npm start` runs it); every other
// command-line test calls main() in-process.
describe("the thidua binary", commandTests, () => {
  let cwd = "";
  let env: Record<string, string> = {};
  beforeEach(() => {
    cwd = scratchDir("thidua-bin-");
    env = { DATA_DIR: join(cwd, "data") };
    cpSync(inject("pgliteDataDir"), env.DATA_DIR as string, { recursive: true });
  });
  afterEach(() => rmSync(cwd, { recursive: true, force: true }));

  it("exits 0 on help and 2 on a command it does not know, in one line", async () => {
    const help = await spawnCli(["help"], { cwd, env });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("plan import");
    const wrong = await spawnCli(["nhap-ke-hoach"], { cwd, env });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("nhap-ke-hoach");
    expect(wrong.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("ends quietly when the reader of its output stops early", async () => {
    expect((await runCli(["plan", "import", plan000], { cwd, env })).code).toBe(0); // in-process: quicker
    // Its output read like `thidua plan show 1 | head -1`: the pipe closes after the first chunk.
    const child = spawn(process.execPath, [bin, "plan", "show", "1"], {
      cwd,
      env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "warn", ...env },
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(stderr).not.toContain("EPIPE");
    expect(code).toBe(0);
  });

  it("npm start serves Telegram when its variables are set, is ready, answers, and stops on SIGTERM", async () => {
    const fake = await startTelegramFake({ token: "123:smoke" });
    const child = spawn(process.execPath, [bin, "start"], {
      cwd,
      env: {
        PATH: process.env.PATH ?? "",
        LOG_LEVEL: "warn",
        THIDUA_MODEL_CACHE: inject("modelCacheDir"),
        ...env,
        PORT: "0",
        TELEGRAM_BOT_TOKEN: "123:smoke",
        TELEGRAM_MODE: "webhook",
        TELEGRAM_WEBHOOK_SECRET: "smoke_secret",
        TELEGRAM_API_ROOT: fake.apiRoot,
      },
    });
    try {
      let out = "";
      const port = await new Promise<string>((resolve, reject) => {
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          const found = /cổng (\d+)/.exec(out);
          if (found?.[1]) resolve(found[1]);
        });
        child.once("exit", (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      const base = `http://127.0.0.1:${port}`;
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      const update = textUpdate({ updateId: 1, userId: 77, text: "xin chào" });
      expect((await fake.postUpdate(`${base}/telegram/webhook`, update, "smoke_secret")).status).toBe(200);
      await expect.poll(() => fake.callsTo("sendMessage").length).toBe(1);
      const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(out).toContain("Đang dừng");
    } finally {
      child.kill("SIGKILL");
      await fake.close();
    }
  });
});
