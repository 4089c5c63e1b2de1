import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { createMessageReader } from "../../src/bot/understanding/read-message.js";
import { createSchoolCalendar, dumpMemoryDatabase, openDatabase } from "../../src/core/index.js";
import { scratchDir } from "./scratch.js";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteDumpPath: string;
    modelCacheDir: string;
    pgliteDataDir: string;
  }
}

// initdb and the migrations run once here; every test file starts its embedded database from this dump.
// The intent model is trained once too, into a folder every test and every `thidua` child reads it from.
export default async function setup(project: TestProject) {
  // The binary's smoke tests run the compiled dist/, as `npm start` does: built from this source first.
  execFileSync("npm", ["run", "--silent", "build"], {
    cwd: new URL("../..", import.meta.url),
    stdio: "inherit",
  });
  const dir = scratchDir("thidua-test-");
  const path = join(dir, "migrated.tar");
  const dump = await dumpMemoryDatabase();
  writeFileSync(path, new Uint8Array(await dump.arrayBuffer()));
  project.provide("pgliteDumpPath", path);
  // A data folder migrated once: command-line tests start from a copy instead of running initdb.
  const pgliteDataDir = join(dir, "data");
  await (await openDatabase({ dataDir: pgliteDataDir, pgliteDump: dump })).close();
  project.provide("pgliteDataDir", pgliteDataDir);
  // The model `npm run build` trained just above (or kept, when the corpus has not changed).
  const modelCacheDir = fileURLToPath(new URL("../../dist/bot/understanding/model", import.meta.url));
  createMessageReader({ calendar: createSchoolCalendar(), cacheDir: modelCacheDir }).read("", "2024-01-01");
  project.provide("modelCacheDir", modelCacheDir);
  process.env.THIDUA_MODEL_CACHE = modelCacheDir;
  return () => rmSync(dir, { recursive: true, force: true });
}
