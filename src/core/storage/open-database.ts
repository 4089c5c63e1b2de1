import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { ErrorCode, ThiduaError } from "../errors.js";
import * as schema from "./schema.js";

export type Schema = typeof schema;
/** The one drizzle API every repository takes, whichever engine is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  engine: "postgres" | "pglite";
  /** Ends the connection or the embedded engine; a command that skips it may never exit. */
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgres:// URL; when absent the embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** Folder that holds the embedded database (as `<dataDir>/pglite`), or "memory://" for none. */
  dataDir: string;
  /** A dump from `dumpDatabase` to start the embedded engine from, skipping initdb (tests). */
  pgliteDump?: Blob;
  /** Skip the migrations; only for a dump that is known to be current. */
  skipMigrations?: boolean;
}

export const migrationsFolder = fileURLToPath(new URL("../../../migrations", import.meta.url));

/** Opens PostgreSQL when a URL is given, PGlite otherwise, and brings the schema up to date. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const database = options.databaseUrl
    ? await openPostgres(options.databaseUrl)
    : await openPglite(options.dataDir, options.pgliteDump);
  if (!options.skipMigrations) {
    try {
      await database.migrate();
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  return { db: database.db, engine: database.engine, close: database.close };
}

async function openPostgres(url: string) {
  // Quiet the server's NOTICE lines (e.g. "schema already exists") that would otherwise go to stdout.
  const client = postgres(url, { onnotice: () => {}, max: 10, connect_timeout: 10 });
  try {
    await client`select 1`;
  } catch (error) {
    await client.end({ timeout: 1 });
    const reason = error instanceof Error ? error.message : String(error);
    throw new ThiduaError(
      ErrorCode.DatabaseUnreachable,
      `DATABASE_URL cannot be reached (${reason}): start PostgreSQL or unset DATABASE_URL to use the embedded database`,
      { cause: error, params: { variable: "DATABASE_URL" } },
    );
  }
  const db = drizzlePostgres(client, { schema, casing: "snake_case" });
  return {
    db: db as unknown as Db, // the driver's database class is a PgDatabase with its own result type
    engine: "postgres" as const,
    migrate: () => migratePostgres(db, { migrationsFolder }),
    close: () => client.end({ timeout: 5 }),
  };
}

async function openPglite(dataDir: string, dump: Blob | undefined) {
  let location: string | undefined;
  if (dataDir !== "memory://") {
    location = join(dataDir, "pglite");
    mkdirSync(location, { recursive: true });
  }
  const client = await PGlite.create({ dataDir: location, loadDataDir: dump });
  const db = drizzlePglite(client, { schema, casing: "snake_case" });
  return {
    db: db as unknown as Db, // as above
    engine: "pglite" as const,
    migrate: () => migratePglite(db, { migrationsFolder }),
    close: () => client.close(),
  };
}

/** A snapshot of an in-memory embedded database, to start others from (tests, trials). */
export async function dumpMemoryDatabase(): Promise<Blob> {
  const client = await PGlite.create();
  const db = drizzlePglite(client, { schema, casing: "snake_case" });
  await migratePglite(db, { migrationsFolder });
  const dump = await client.dumpDataDir("none");
  await client.close();
  return dump;
}
