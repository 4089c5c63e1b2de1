import type { App, Receiver } from "@slack/bolt";
import { type Route, readBody, respond } from "../http/http-server.js";
import type { PlatformAdapterDeps } from "../platform-adapter.js";
import { isSignedBySlack, parseSlackBody } from "./slack-request.js";

/** The path Slack's Event Subscriptions, Interactivity and Slash Command URLs all point at. */
export const slackEventsPath = "/slack/events";

/**
 * A Bolt receiver living on our shared HTTP server: Bolt's own HTTPReceiver would open a second
 * server. It verifies the signature, validates the body, hands it to Bolt and answers the request as
 * soon as Bolt acknowledges it; the slow answering goes on in `deps.track`.
 */
export class RouteReceiver implements Receiver {
  private app: App | undefined;
  private started = false;
  readonly route: Route;

  constructor(
    private readonly deps: Pick<PlatformAdapterDeps, "now" | "log" | "track">,
    private readonly signingSecret: string,
  ) {
    this.route = { method: "POST", path: slackEventsPath, handle: (req, res) => this.handle(req, res) };
  }

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {
    this.started = true;
  }

  async stop(): Promise<void> {
    this.started = false;
  }

  private async handle(...[request, response]: Parameters<Route["handle"]>): Promise<void> {
    const raw = await readBody(request);
    if (raw === null) return respond(response, 413, { error: "body too large" });
    const rawBody = raw.toString("utf8");
    const signed = isSignedBySlack({
      signingSecret: this.signingSecret,
      headers: request.headers,
      rawBody,
      now: this.deps.now(),
    });
    if (!signed) {
      this.deps.log.warn({ path: slackEventsPath }, "slack request with a bad or stale signature refused");
      return respond(response, 401, { error: "invalid signature" });
    }
    const parsed = parseSlackBody(rawBody, request.headers["content-type"]);
    if (!parsed) return respond(response, 400, { error: "not a Slack event, command or interaction" });
    if (parsed.kind === "url_verification") return respond(response, 200, { challenge: parsed.challenge });
    if (parsed.kind === "ssl_check") return respond(response, 200);
    // Not started yet (or stopping): Slack retries events it could not deliver.
    if (!this.started || !this.app) return respond(response, 503, { error: "not ready" });

    let answered = false;
    let acknowledged: () => void = () => {};
    const ack = new Promise<void>((resolve) => {
      acknowledged = resolve;
    });
    const retryHeader = request.headers["x-slack-retry-num"];
    const retryReason = request.headers["x-slack-retry-reason"];
    const processing = this.app
      .processEvent({
        body: parsed.body,
        ...(typeof retryHeader === "string" ? { retryNum: Number(retryHeader) } : {}),
        ...(typeof retryReason === "string" ? { retryReason } : {}),
        ack: async (reply?: unknown) => {
          if (answered) return;
          answered = true;
          // A listener may ack with a message (a command's immediate answer); usually it is empty.
          if (typeof reply === "string") {
            response.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
            response.end(reply);
          } else {
            respond(response, 200, reply);
          }
          acknowledged();
        },
      })
      .catch((error: unknown) => this.deps.log.error({ err: error }, "slack update failed"));
    this.deps.track(processing);
    // A duplicate or an update no listener takes is never acked: answer when Bolt is done with it.
    await Promise.race([ack, processing]);
    if (!answered) {
      answered = true;
      respond(response, 200);
    }
  }
}
