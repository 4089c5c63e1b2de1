import { spawn } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createServer as createTcpServer } from "node:net";
import { hostname } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
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
  beforeEach(() => {
    dir = scratchDir("thidua-lock-");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  // One engine on disk for the block, started in the hook like every other file's engine: a test
  // that starts one itself ran past its time on a loaded machine. The rest needs no engine, since
  // the lock is taken or refused before any engine starts.
  describe("while this process has the folder open", () => {
    let held: string;
    let first: Awaited<ReturnType<typeof openDatabase>> | undefined;
    beforeAll(async () => {
      held = scratchDir("thidua-held-");
      // A fresh folder starts from the migrated dump rather than running initdb.
      first = await openDatabase({
        dataDir: held,
        pgliteDump: new Blob([readFileSync(inject("pgliteDumpPath"))]),
        skipMigrations: true,
      });
    });
    afterAll(async () => {
      await first?.close();
      rmSync(held, { recursive: true, force: true });
    });

    it("refuses a second opening at once, naming who holds it, and frees the folder on close", async () => {
      expect(() => lockDataDir(held)).toThrow(ThiduaError);
      const error = await refusal(openDatabase({ dataDir: held }));
      expect(error.messageKey).toBe("errors.data_dir_busy");
      expect(error.params.pid).toBe(process.pid);
      await first?.close();
      first = undefined;
      lockDataDir(held).release();
    });
  });

  it("refuses while another running process holds it, and takes over a lock its dead holder left", async () => {
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
    try {
      writeFileSync(
        join(dir, "pglite.lock"),
        JSON.stringify({ pid: holder.pid, host: hostname(), since: "" }),
      );
      expect((await refusal(openDatabase({ dataDir: dir }))).params.pid).toBe(holder.pid);
    } finally {
      holder.kill("SIGKILL");
      await new Promise((resolve) => holder.once("exit", resolve));
    }
    // The holder is gone: its lock is stale and this process takes the folder (the step openDatabase
    // takes before starting its engine).
    const taken = lockDataDir(dir);
    expect(JSON.parse(readFileSync(join(dir, "pglite.lock"), "utf8")).pid).toBe(process.pid);
    taken.release();
  });

  it("says DATA_DIR is not a folder when it names a file", async () => {
    const file = join(dir, "file");
    writeFileSync(file, "");
    const error = await refusal(openDatabase({ dataDir: file }));
    expect(error.messageKey).toBe("errors.data_dir_unusable");
  });
});
