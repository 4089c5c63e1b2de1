import { describe, expect, it } from "vitest";
import { ErrorCode, parseConfig, ThiduaError } from "../../../src/core/index.js";

function configError(env: Record<string, string>): ThiduaError {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ThiduaError) return error;
    throw error;
  }
  throw new Error("expected a configuration error");
}

describe("parseConfig", () => {
  it("fills the documented defaults", () => {
    const config = parseConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toMatch(/\/data$/);
    expect(config.timeZone).toBe("Asia/Ho_Chi_Minh");
    expect(config.logLevel).toBe("info");
    expect(config.today).toBeUndefined();
  });

  it("treats an empty variable as unset", () => {
    expect(parseConfig({ DATABASE_URL: "", THIDUA_TODAY: "" }).databaseUrl).toBeUndefined();
  });

  it("reads every variable", () => {
    const config = parseConfig({
      DATABASE_URL: "postgres://u@127.0.0.1:5432/db",
      DATA_DIR: "/var/lib/thidua",
      TZ: "UTC",
      LOG_LEVEL: "debug",
      THIDUA_TODAY: "2023-05-10",
    });
    expect(config).toEqual({
      databaseUrl: "postgres://u@127.0.0.1:5432/db",
      dataDir: "/var/lib/thidua",
      timeZone: "UTC",
      logLevel: "debug",
      today: "2023-05-10",
      modelCacheDir: "/var/lib/thidua/cache",
      schoolCalendarFile: undefined,
    });
  });

  it.each([
    ["DATABASE_URL", "mysql://x", /postgres:\/\//],
    ["TZ", "Mars/Olympus", /time zone/],
    ["LOG_LEVEL", "loud", /LOG_LEVEL/],
    ["THIDUA_TODAY", "10/05/2023", /yyyy-mm-dd/],
    ["THIDUA_TODAY", "2023-02-31", /real date/],
  ])("refuses a bad %s and names it", (variable, value, hint) => {
    const error = configError({ [variable]: value });
    expect(error.code).toBe(ErrorCode.ConfigInvalid);
    expect(error.message.startsWith(`${variable} `)).toBe(true);
    expect(error.message).toMatch(hint);
    expect(error.params.variable).toBe(variable);
  });
});
