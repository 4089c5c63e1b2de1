import { describe, expect, it } from "vitest";
import { commandTests, useCliEnvironment } from "../../support/run-cli.js";

describe("thidua serve and npm start without a platform", commandTests, () => {
  const cli = useCliEnvironment("pglite", "serve-");

  it("serve says which variables to set, and stops", async () => {
    const result = await cli.run(["serve"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("TELEGRAM_BOT_TOKEN");
    expect(result.stderr).toContain("SLACK_BOT_TOKEN");
  });

  it("start opens the console on the embedded database", async () => {
    const result = await cli.run(["start"], "tro giup\n");
    expect(result.code).toBe(0);
    // The console's greeting, then the help it was asked for.
    expect(result.stdout).toMatch(/Trợ lý Thi đua/);
    expect(result.stdout).toMatch(/hạn nộp/i);
  });

  it("start refuses a half-configured platform by naming the variable", async () => {
    const result = await runWith({ TELEGRAM_BOT_TOKEN: "123:abc", TELEGRAM_MODE: "webhook" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("TELEGRAM_WEBHOOK_SECRET");
  });

  const runWith = (env: Record<string, string>) => {
    Object.assign(cli.env, env);
    return cli.run(["start"]);
  };
});
