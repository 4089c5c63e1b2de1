import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One webhook route of a platform adapter. */
export interface Route {
  method: "POST" | "GET";
  path: string;
  handle(request: IncomingMessage, response: ServerResponse): Promise<void>;
}

export interface HttpServerOptions {
  port: number;
  /** 127.0.0.1 in tests; all interfaces otherwise. */
  host?: string;
  routes: Route[];
  /** `GET /readyz`: the database answers and every adapter has started. */
  ready(): Promise<boolean>;
  /** Told of a handler that threw, after a 500 has been sent. */
  onError(error: unknown, route: string): void;
}

export interface HttpServer {
  /** The port actually bound (useful with port 0). */
  readonly port: number;
  /**
   * Work an adapter goes on with after answering the request (Slack's slow work after the ack, an
   * update answered after its 200): `close` waits for it.
   */
  track(work: Promise<unknown>): void;
  /** Stops taking requests, then waits for those in flight and the tracked work. */
  close(): Promise<void>;
}

const maxBody = 1024 * 1024;

/** Reads a request body up to 1 MiB; a larger one is refused with 413 by `readBody`'s caller. */
export async function readBody(request: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBody) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Answers a request with a status and an optional JSON body. */
export function respond(response: ServerResponse, status: number, body?: unknown): void {
  if (response.headersSent) return;
  const text = body === undefined ? "" : JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  response.end(text);
}

/** One HTTP server for every configured platform's webhook, plus /healthz and /readyz. */
export async function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const routes = new Map(options.routes.map((r) => [`${r.method} ${r.path}`, r]));
  const inFlight = new Set<Promise<unknown>>();
  let closing = false;
  const track = (work: Promise<unknown>) => {
    const settled = work.catch(() => undefined).finally(() => inFlight.delete(settled));
    inFlight.add(settled);
  };

  const server: Server = createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    if (request.method === "GET" && path === "/healthz") return respond(response, 200, { ok: true });
    if (request.method === "GET" && path === "/readyz") {
      track(
        options.ready().then(
          (ready) => respond(response, ready && !closing ? 200 : 503, { ready: ready && !closing }),
          () => respond(response, 503, { ready: false }),
        ),
      );
      return;
    }
    const route = routes.get(`${request.method} ${path}`);
    if (!route) return respond(response, 404, { error: "not found" });
    // Stopping: the platform will redeliver what it could not hand over.
    if (closing) return respond(response, 503, { error: "shutting down" });
    track(
      route.handle(request, response).catch((error: unknown) => {
        options.onError(error, path);
        respond(response, 500, { error: "internal" });
      }),
    );
  });
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });

  return {
    port: (server.address() as AddressInfo).port,
    track,
    async close() {
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      while (inFlight.size > 0) await Promise.all([...inFlight]);
      // Requests have all been answered: keep-alive sockets can go.
      server.closeAllConnections();
      await closed;
    },
  };
}
