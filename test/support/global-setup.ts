import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { dumpMemoryDatabase } from "../../src/core/index.js";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteDumpPath: string;
  }
}

// initdb and the migrations run once here; every test file starts its embedded database from this dump.
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "thidua-test-"));
  const path = join(dir, "migrated.tar");
  const dump = await dumpMemoryDatabase();
  writeFileSync(path, new Uint8Array(await dump.arrayBuffer()));
  project.provide("pgliteDumpPath", path);
  return () => rmSync(dir, { recursive: true, force: true });
}
