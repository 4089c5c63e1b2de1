import { inject } from "vitest";
import { type Config, parseConfig } from "../../src/core/index.js";

/** A configuration for tests: the defaults, with the intent model trained once by the global setup. */
export function testConfig(env: Record<string, string> = {}): Config {
  return parseConfig({ THIDUA_MODEL_CACHE: inject("modelCacheDir"), ...env });
}
