import { afterEach, describe, expect, it } from "vitest";
import {
  type HttpServer,
  readBody,
  respond,
  startHttpServer,
} from "../../../src/adapters/http/http-server.js";

let server: HttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const url = (path: string) => `http://127.0.0.1:${server?.port}${path}`;

describe("the shared HTTP server", () => {
  it("says it is up, and ready only when the database and the adapters are", async () => {
    let ready = false;
    server = await startHttpServer({
      port: 0,
      host: "127.0.0.1",
      routes: [],
      ready: async () => ready,
      onError: () => {},
    });
    expect((await fetch(url("/healthz"))).status).toBe(200);
    expect((await fetch(url("/readyz"))).status).toBe(503);
    ready = true;
    const answer = await fetch(url("/readyz"));
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ ready: true });
  });

  it("routes by method and path, refuses the rest, and turns a failing handler into a 500", async () => {
    const errors: string[] = [];
    server = await startHttpServer({
      port: 0,
      host: "127.0.0.1",
      routes: [
        {
          method: "POST",
          path: "/echo",
          handle: async (req, res) => {
            const body = await readBody(req);
            if (!body) return respond(res, 413, { error: "too large" });
            respond(res, 200, { got: body.toString("utf8") });
          },
        },
        {
          method: "POST",
          path: "/broken",
          handle: async () => {
            throw new Error("boom");
          },
        },
      ],
      ready: async () => true,
      onError: (_e, route) => errors.push(route),
    });
    const echoed = await fetch(url("/echo?x=1"), { method: "POST", body: "chào" });
    expect(await echoed.json()).toEqual({ got: "chào" });
    expect((await fetch(url("/echo"))).status).toBe(404);
    expect((await fetch(url("/elsewhere"), { method: "POST" })).status).toBe(404);
    expect((await fetch(url("/echo"), { method: "POST", body: "x".repeat(1024 * 1024 + 1) })).status).toBe(
      413,
    );
    expect((await fetch(url("/broken"), { method: "POST" })).status).toBe(500);
    expect(errors).toEqual(["/broken"]);
  });

  it("on close, finishes the request in flight and the work tracked after it, then stops taking requests", async () => {
    const finished: string[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const running = await startHttpServer({
      port: 0,
      host: "127.0.0.1",
      routes: [
        {
          method: "POST",
          path: "/slow",
          handle: async (_req, res) => {
            respond(res, 200, { ok: true });
            running.track(gate.then(() => finished.push("answered after the ack")));
          },
        },
      ],
      ready: async () => true,
      onError: () => {},
    });
    server = running;
    expect((await fetch(url("/slow"), { method: "POST" })).status).toBe(200);
    const closing = running.close();
    server = undefined;
    let closed = false;
    void closing.then(() => {
      closed = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(closed).toBe(false);
    release();
    await closing;
    expect(finished).toEqual(["answered after the ack"]);
    await expect(fetch(`http://127.0.0.1:${running.port}/healthz`)).rejects.toThrow();
  });
});
