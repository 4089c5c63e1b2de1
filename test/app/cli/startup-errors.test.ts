import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { commandTests, runCli } from "../../support/run-cli.js";
import { scratchDir } from "../../support/scratch.js";

const cwd = scratchDir("thidua-cli-");
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe("start-up with bad configuration", commandTests, () => {
  it.each([
    ["TZ", "Mars/Olympus"],
    ["DATABASE_URL", "mysql://root@localhost/x"],
    ["THIDUA_TODAY", "31/02/2023"],
  ])("stops on a bad %s with one line naming it", async (variable, value) => {
    const result = await runCli(["console"], {
      cwd,
      env: { [variable]: value, DATA_DIR: join(cwd, "data") },
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`Cấu hình không hợp lệ: ${variable} `);
    expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+/); // no stack trace
  });

  it.each([
    ["a missing file", "missing.json", null],
    ["a bad year", "bad.json", '{"2026-2028": {}}'],
  ])("stops with one line on a school calendar file with %s", async (_, file, content) => {
    if (content) writeFileSync(join(cwd, file), content);
    const result = await runCli(["console"], {
      cwd,
      env: { THIDUA_SCHOOL_CALENDAR: join(cwd, file), DATA_DIR: join(cwd, "data") },
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain("Cấu hình không hợp lệ: THIDUA_SCHOOL_CALENDAR");
  });

  it("stops with one line when PostgreSQL cannot be reached", async () => {
    const result = await runCli(["console"], {
      cwd,
      env: { DATABASE_URL: "postgres://nobody@127.0.0.1:1/none", DATA_DIR: join(cwd, "data") },
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain("Không có PostgreSQL nào nghe ở 127.0.0.1:1 (DATABASE_URL)");
  });

  it("names an unknown command and shows the usage", async () => {
    const result = await runCli(["frobnicate"], { cwd, env: {} });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("frobnicate");
    expect(result.stderr).toContain("thidua <lệnh>");
  });
});
