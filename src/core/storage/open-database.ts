import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { ErrorCode, ThiduaError } from "../errors.js";
import { lockDataDir } from "./data-dir-lock.js";
import { addressOf, probePostgres } from "./postgres-probe.js";
import * as schema from "./schema.js";

export type Schema = typeof schema;
/** The one drizzle API every repository takes, whichever engine is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  engine: "postgres" | "pglite";
  /** Applies the migrations not applied yet; opening does it, so a second run is a no-op. */
  migrate(): Promise<void>;
  /** Ends the connection or the embedded engine; a command that skips it may never exit. */
  close(): Promise<void>;
  /** True when the database answers a query (a server's readiness). */
  ping(): Promise<boolean>;
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
  /** How long a PostgreSQL address may take to answer (default 5 s; tests shorten it). */
  connectTimeoutMs?: number;
}

export const migrationsFolder = fileURLToPath(new URL("../../../migrations", import.meta.url));

/** Opens PostgreSQL when a URL is given, PGlite otherwise, and brings the schema up to date. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const database = options.databaseUrl
    ? await openPostgres(options.databaseUrl, options.connectTimeoutMs ?? probeTimeoutMs)
    : await openPglite(options.dataDir, options.pgliteDump);
  if (!options.skipMigrations) {
    try {
      await database.migrate();
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  return {
    db: database.db,
    engine: database.engine,
    migrate: async () => {
      await database.migrate();
    },
    close: database.close,
    ping: async () => {
      try {
        await database.db.execute(sql`select 1`);
        return true;
      } catch {
        return false;
      }
    },
  };
}

// How long a PostgreSQL address may take to answer, and to accept the first query.
const probeTimeoutMs = 5_000;
const firstQueryTimeoutMs = 10_000;

async function openPostgres(url: string, timeoutMs: number) {
  await probePostgres(url, timeoutMs);
  const { host, port, database, user } = addressOf(url);
  const address = `${host}:${port}`;
  // Quiet the server's NOTICE lines (e.g. "schema already exists") that would otherwise go to stdout.
  const client = postgres(url, { onnotice: () => {}, max: 10, connect_timeout: Math.ceil(timeoutMs / 1000) });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client`select 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), firstQueryTimeoutMs);
      }),
    ]);
  } catch (error) {
    await client.end({ timeout: 1 });
    throw connectionError(error, { address, database, user });
  } finally {
    clearTimeout(timer);
  }
  const db = drizzlePostgres(client, { schema, casing: "snake_case" });
  return {
    db: db as unknown as Db, // the driver's database class is a PgDatabase with its own result type
    engine: "postgres" as const,
    migrate: () => migratePostgres(db, { migrationsFolder }),
    close: () => client.end({ timeout: 5 }),
  };
}

/** What went wrong reaching PostgreSQL, as the person who set DATABASE_URL can fix it. */
function connectionError(
  error: unknown,
  where: { address: string; database: string; user: string },
): ThiduaError {
  const code = (error as { code?: string }).code;
  const key =
    code === "3D000"
      ? "database_missing"
      : code === "28P01" || code === "28000"
        ? "database_login"
        : error instanceof Error && error.message === "timeout"
          ? "database_timeout"
          : "database_unreachable";
  const message = error instanceof Error ? error.message : String(error);
  return new ThiduaError(ErrorCode.DatabaseUnreachable, `DATABASE_URL: ${message}`, {
    cause: error,
    messageKey: `errors.${key}`,
    params: {
      variable: "DATABASE_URL",
      ...where,
      seconds: firstQueryTimeoutMs / 1000,
      message,
    },
  });
}

async function openPglite(dataDir: string, dump: Blob | undefined) {
  let location: string | undefined;
  let lock: { release(): void } | undefined;
  if (dataDir !== "memory://") {
    location = join(dataDir, "pglite");
    try {
      mkdirSync(location, { recursive: true });
    } catch (error) {
      throw new ThiduaError(
        ErrorCode.ConfigInvalid,
        `DATA_DIR ${dataDir} is not a folder that can be written`,
        {
          cause: error,
          messageKey: "errors.data_dir_unusable",
          params: { variable: "DATA_DIR", dir: dataDir, reason: (error as NodeJS.ErrnoException).code ?? "" },
        },
      );
    }
    lock = lockDataDir(dataDir);
  }
  let client: PGlite;
  try {
    client = await PGlite.create({ dataDir: location, loadDataDir: dump });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = drizzlePglite(client, { schema, casing: "snake_case" });
  return {
    db: db as unknown as Db, // as above
    engine: "pglite" as const,
    migrate: () => migratePglite(db, { migrationsFolder }),
    close: async () => {
      await client.close();
      lock?.release();
    },
  };
}

// The migrations do not change while a process runs, so one snapshot serves every caller.
let migratedSnapshot: Promise<Blob> | undefined;

/** A snapshot of a migrated, empty embedded database, to start others from (evaluations, tests). */
export function dumpMemoryDatabase(): Promise<Blob> {
  migratedSnapshot ??= (async () => {
    const client = await PGlite.create();
    const db = drizzlePglite(client, { schema, casing: "snake_case" });
    await migratePglite(db, { migrationsFolder });
    const dump = await client.dumpDataDir("none");
    await client.close();
    return dump;
  })();
  // A failed attempt is not kept: the next caller tries again.
  migratedSnapshot.catch(() => {
    migratedSnapshot = undefined;
  });
  return migratedSnapshot;
}
