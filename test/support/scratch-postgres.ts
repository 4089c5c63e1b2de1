import { randomBytes } from "node:crypto";
import postgres from "postgres";

// Without vitest: the benchmarks use it too.

/** A fresh throw-away PostgreSQL database on the server of DATABASE_URL; returns its URL and a drop. */
export async function createScratchPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error("DATABASE_URL is not set");
  const name = `thidua_t_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(base, { onnotice: () => {}, max: 1 });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}
