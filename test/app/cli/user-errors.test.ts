import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { recordUnexpected } from "../../../src/app/cli/unexpected-errors.js";
import { commandTests, runCli } from "../../support/run-cli.js";
import { scratchDir } from "../../support/scratch.js";

const cwd = scratchDir("thidua-user-errors-");
afterAll(() => rmSync(cwd, { recursive: true, force: true }));
const env = { DATA_DIR: join(cwd, "data") };

// Each case: a non-zero exit, one line on stderr that says what to do, and no stack trace.
describe("a user's mistake on the command line is one line, never a stack", commandTests, () => {
  it.each([
    [
      "a question file that is not there",
      ["eval", "--input", "nowhere.jsonl", "--output", "out.jsonl"],
      "Không có tệp nowhere.jsonl",
    ],
    [
      "a plan file that is not there",
      ["plan", "import", "missing-plan.txt"],
      "Không có tệp missing-plan.txt",
    ],
    [
      "a unit file that is not there",
      ["units", "import", "missing-units.csv"],
      "Không có tệp missing-units.csv",
    ],
    [
      "an export into a folder that does not exist",
      ["status", "export", "--plan", "1", "--output", "no/such/folder/x.csv"],
      "thư mục no/such/folder không tồn tại",
    ],
    [
      "a day that does not exist",
      ["ask", "--today", "2023-02-31", "hạn nộp hồ sơ"],
      "--today 2023-02-31 không phải một ngày có thật",
    ],
    [
      "a month that does not exist",
      ["ask", "--today", "2023-13-01", "hạn nộp hồ sơ"],
      "--today 2023-13-01 không phải một ngày có thật",
    ],
  ])("%s", async (_, args, message) => {
    const result = await runCli(args, { cwd, env });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([expect.stringContaining(message)]);
    expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it("DATA_DIR naming a file", async () => {
    const file = join(cwd, "not-a-folder");
    writeFileSync(file, "");
    const result = await runCli(["plan", "list"], { cwd, env: { DATA_DIR: file } });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([
      expect.stringContaining("không phải thư mục ghi được"),
    ]);
  });
});

describe("an error nobody expected", () => {
  it("is kept with its stack in DATA_DIR/logs/errors.log under an id the message can quote", () => {
    const { id, file } = recordUnexpected(new Error("boom"), ["plan", "list"], {
      DATA_DIR: join(cwd, "logs-here"),
    });
    expect(id).toMatch(/^[0-9a-f]{8}$/);
    const entry = JSON.parse(readFileSync(file ?? "", "utf8").trim()) as {
      id: string;
      stack: string;
      command: string;
    };
    expect(entry.id).toBe(id);
    expect(entry.command).toBe("plan list");
    expect(entry.stack).toContain("Error: boom");
  });
});
