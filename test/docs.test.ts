import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { configSchema } from "../src/core/index.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const envExample = readFileSync(new URL("../.env.example", import.meta.url), "utf8");

describe("documentation", () => {
  it.each(Object.keys(configSchema.shape))("README and .env.example list %s", (variable) => {
    expect(readme).toMatch(new RegExp(`^\\| \`${variable}\` +\\|`, "m"));
    expect(envExample).toMatch(new RegExp(`^${variable}=`, "m"));
  });
});
