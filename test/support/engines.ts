import { readFileSync } from "node:fs";
import type { SQL } from "drizzle-orm";
import { sql as sqlTag } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, inject } from "vitest";
import { type Database, openDatabase } from "../../src/core/index.js";
import { createScratchPostgres } from "./scratch-postgres.js";

export { createScratchPostgres };

export type Engine = "pglite" | "postgres";

/** PGlite always; PostgreSQL too when DATABASE_URL is set (CI sets it). */
export const engines: Engine[] = process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

export interface TestDatabase extends Database {
  /** The postgres:// URL of the throw-away database, for child processes. */
  url?: string;
  /** Closes and removes the throw-away database. */
  drop(): Promise<void>;
}

/** A migrated, empty database of the given engine that only this test file uses. */
export async function openTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === "pglite") {
    const dump = new Blob([readFileSync(inject("pgliteDumpPath"))]);
    const database = await openDatabase({ dataDir: "memory://", pgliteDump: dump });
    return { ...database, drop: () => database.close() };
  }
  const scratch = await createScratchPostgres();
  const database = await openDatabase({ databaseUrl: scratch.url, dataDir: "memory://" });
  return {
    ...database,
    url: scratch.url,
    async drop() {
      await database.close();
      await scratch.drop();
    },
  };
}

/** Rows of a raw query on either engine (postgres.js returns an array, PGlite `{ rows }`). */
export async function queryRows<T>(database: Database, query: SQL): Promise<T[]> {
  const result = (await database.db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

/**
 * One database of the engine for every test of the block, emptied before each test (every table
 * truncated, identities restarted): each test starts from nothing and sets up what it needs, without
 * paying for a new engine (half a second on PGlite).
 */
export function useTestDatabase(engine: Engine): { readonly database: TestDatabase } {
  let database: TestDatabase | undefined;
  let tables = "";
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    const rows = await queryRows<{ name: string }>(
      database,
      sqlTag`select quote_ident(tablename) as name from pg_tables where schemaname = 'public'`,
    );
    tables = rows.map((r) => r.name).join(", ");
  });
  beforeEach(async () => {
    await database?.db.execute(sqlTag.raw(`truncate table ${tables} restart identity cascade`));
  });
  afterAll(() => database?.drop());
  return {
    get database() {
      if (!database) throw new Error("useTestDatabase: the database is opened in beforeAll");
      return database;
    },
  };
}
