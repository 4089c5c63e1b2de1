import { spawn } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createServer as createTcpServer } from "node:net";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { openDatabase, ThiduaError } from "../../../src/core/index.js";
import { lockDataDir } from "../../../src/core/storage/data-dir-lock.js";
import { scratchDir } from "../../support/scratch.js";

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (error: unknown) => error as ThiduaError,
  );

describe("a DATABASE_URL that does not reach PostgreSQL fails fast with its reason", () => {
  let server: Server | ReturnType<typeof createTcpServer> | undefined;
  afterEach(() => server?.close());
  const listen = (s: Server | ReturnType<typeof createTcpServer>) =>
    new Promise<number>((resolve) =>
      s.listen(0, "127.0.0.1", () => resolve((s.address() as { port: number }).port)),
    );

  it("says nothing listens when the port refuses", async () => {
    const error = await refusal(
      openDatabase({ databaseUrl: "postgres://x@127.0.0.1:1/db", dataDir: "memory://" }),
    );
    expect(error).toBeInstanceOf(ThiduaError);
    expect(error.messageKey).toBe("errors.database_refused");
    expect(error.params.address).toBe("127.0.0.1:1");
  });

  it("says another kind of server answers, after one connection", async () => {
    let connections = 0;
    server = createServer((_, res) => res.end("hello"));
    server.on("connection", () => connections++);
    const port = await listen(server);
    const error = await refusal(
      openDatabase({ databaseUrl: `postgres://x@127.0.0.1:${port}/db`, dataDir: "memory://" }),
    );
    expect(error.messageKey).toBe("errors.database_not_postgres");
    expect(connections).toBe(1);
  });

  it("gives up on an address that accepts and never answers", async () => {
    server = createTcpServer(() => {});
    const port = await listen(server);
    const error = await refusal(
      openDatabase({
        databaseUrl: `postgres://x@127.0.0.1:${port}/db`,
        dataDir: "memory://",
        connectTimeoutMs: 300,
      }),
    );
    expect(error.messageKey).toBe("errors.database_timeout");
  });

  it.runIf(process.env.DATABASE_URL)("names a database the server does not have", async () => {
    const url = new URL(process.env.DATABASE_URL ?? "");
    url.pathname = "/thidua_no_such_database";
    const error = await refusal(openDatabase({ databaseUrl: url.toString(), dataDir: "memory://" }));
    expect(error.messageKey).toBe("errors.database_missing");
    expect(error.params.database).toBe("thidua_no_such_database");
  });
});

describe("an embedded data folder belongs to one process", () => {
  let dir: string;
  // A fresh folder starts from the migrated dump rather than running initdb (seconds each time).
  const open = (dataDir: string) =>
    openDatabase({
      dataDir,
      pgliteDump: new Blob([readFileSync(inject("pgliteDumpPath"))]),
      skipMigrations: true,
    });
  beforeEach(() => {
    dir = scratchDir("thidua-lock-");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses a second opening at once, naming who holds it, and frees the folder on close", async () => {
    const first = await open(dir);
    // "At once": the lock is taken or refused synchronously, before any engine starts or waits.
    expect(() => lockDataDir(dir)).toThrow(ThiduaError);
    const error = await refusal(open(dir));
    expect(error.messageKey).toBe("errors.data_dir_busy");
    expect(error.params.pid).toBe(process.pid);
    await first.close();
    // Freed: the folder can be taken again (without starting a second engine, which takes seconds).
    lockDataDir(dir).release();
  });

  it("refuses while another running process holds it, and takes over a lock its dead holder left", async () => {
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
    try {
      writeFileSync(
        join(dir, "pglite.lock"),
        JSON.stringify({ pid: holder.pid, host: (await import("node:os")).hostname(), since: "" }),
      );
      expect((await refusal(open(dir))).params.pid).toBe(holder.pid);
    } finally {
      holder.kill("SIGKILL");
      await new Promise((resolve) => holder.once("exit", resolve));
    }
    const taken = await open(dir);
    await taken.close();
  });

  it("says DATA_DIR is not a folder when it names a file", async () => {
    const file = join(dir, "file");
    writeFileSync(file, "");
    const error = await refusal(openDatabase({ dataDir: file }));
    expect(error.messageKey).toBe("errors.data_dir_unusable");
  });
});
