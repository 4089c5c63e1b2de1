import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createConsoleAdapter } from "../../../src/adapters/console/console-adapter.js";
import { createAssistant, type Locale } from "../../../src/bot/index.js";
import { createSchoolCalendar, fixedClock, silentLogger } from "../../../src/core/index.js";
import { testConfig } from "../../support/config.js";
import { engines, useTestDatabase } from "../../support/engines.js";
import { commandTests, useCliEnvironment } from "../../support/run-cli.js";

const vi = {
  greeting: "Xin chào! Tôi là Trợ lý Thi đua",
  help: "Tôi có thể giúp:",
  farewell: "Tạm biệt!",
  unknown: "Xin lỗi, tôi chưa hiểu câu hỏi.",
};

describe("console adapter in-process", () => {
  // Emptied before each test: the console's identity keeps the language it last spoke.
  const fixture = useTestDatabase("pglite");

  async function chat(lines: string[], locale: Locale = "vi", interactive = false): Promise<string> {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = "";
    output.on("data", (chunk) => {
      printed += chunk;
    });
    const assistant = createAssistant({
      db: fixture.database.db,
      clock: fixedClock("2023-05-10"),
      config: testConfig(),
      log: silentLogger(),
      calendar: createSchoolCalendar(),
    });
    const adapter = createConsoleAdapter({
      assistant,
      now: () => fixedClock("2023-05-10").now(),
      locale,
      input,
      output,
      interactive,
    });
    const done = adapter.start();
    input.end(lines.map((l) => `${l}\n`).join(""));
    await done;
    return printed;
  }

  it("on a terminal, shows the prompt and what the person types before the reply", async () => {
    // The terminal's cursor moves (ANSI escapes) set aside, what a person sees on the screen.
    const cursorMoves = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*[A-Za-z]`, "g");
    const printed = (await chat(["trợ giúp"], "vi", true)).replace(cursorMoves, "");
    const typed = printed.indexOf("Bạn: trợ giúp");
    expect(typed).toBeGreaterThan(-1);
    expect(printed.indexOf(vi.help)).toBeGreaterThan(typed);
  });

  it("greets, helps, and admits what it does not understand", async () => {
    const printed = await chat(["trợ giúp", "tro giup", "blah blah"]);
    expect(printed.startsWith(vi.greeting)).toBe(true);
    expect(printed.split(vi.help)).toHaveLength(3);
    expect(printed).toContain(vi.unknown);
  });

  it("ends on thoát and ignores what follows", async () => {
    const printed = await chat(["thoát", "trợ giúp"]);
    expect(printed).toContain(vi.farewell);
    expect(printed).not.toContain(vi.help);
  });

  it("speaks English when asked to", async () => {
    const printed = await chat(["help"], "en");
    expect(printed).toContain("Hello! I am the Emulation Assistant");
    expect(printed).toContain("I can help you:");
    expect(printed).not.toContain(vi.help);
  });
});

describe.each(engines)("npm start through a pipe on %s", commandTests, (engine) => {
  const cli = useCliEnvironment(engine, "thidua-console-");

  it("prints the replies to piped lines and exits cleanly", async () => {
    const result = await cli.run(["console"], "xin chào\ntrợ giúp\n");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout.split(vi.greeting)).toHaveLength(3); // the opening greeting and the reply
    expect(result.stdout).toContain(vi.help);
  });

  it("switches to English with --lang en", async () => {
    const result = await cli.run(["console", "--lang", "en"], "help\nquit\n");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("I can help you:");
    expect(result.stdout).toContain("Goodbye!");
  });
});
