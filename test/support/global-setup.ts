import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { createMessageReader } from "../../src/bot/understanding/read-message.js";
import { createSchoolCalendar, dumpMemoryDatabase } from "../../src/core/index.js";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteDumpPath: string;
    modelCacheDir: string;
  }
}

// initdb and the migrations run once here; every test file starts its embedded database from this dump.
// The intent model is trained once too, into a folder every test and every `thidua` child reads it from.
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "thidua-test-"));
  const path = join(dir, "migrated.tar");
  const dump = await dumpMemoryDatabase();
  writeFileSync(path, new Uint8Array(await dump.arrayBuffer()));
  project.provide("pgliteDumpPath", path);
  const modelCacheDir = join(dir, "model");
  createMessageReader({ calendar: createSchoolCalendar(), cacheDir: modelCacheDir }).read("", "2024-01-01");
  project.provide("modelCacheDir", modelCacheDir);
  process.env.THIDUA_MODEL_CACHE = modelCacheDir;
  return () => rmSync(dir, { recursive: true, force: true });
}
