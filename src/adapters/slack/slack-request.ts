import type { IncomingHttpHeaders } from "node:http";
import { isValidSlackRequest } from "@slack/bolt";
import { z } from "zod";
import { parseJson } from "../parse-json.js";

/** How far a request's timestamp may be from our clock, either way (Slack's rule: five minutes). */
const maxSkewSeconds = 5 * 60;

/**
 * True when the request carries a v0 signature made with our signing secret over
 * `v0:timestamp:body`, and a timestamp within five minutes of `now` (a replay is refused).
 */
export function isSignedBySlack(options: {
  signingSecret: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
  now: Date;
}): boolean {
  const signature = options.headers["x-slack-signature"];
  const stamp = options.headers["x-slack-request-timestamp"];
  if (typeof signature !== "string" || typeof stamp !== "string" || !/^\d+$/.test(stamp)) return false;
  const timestamp = Number(stamp);
  const nowMs = options.now.getTime();
  // Bolt's check refuses only old timestamps; one from the future is as suspect.
  if (Math.abs(nowMs / 1000 - timestamp) > maxSkewSeconds) return false;
  return isValidSlackRequest({
    signingSecret: options.signingSecret,
    body: options.rawBody,
    headers: { "x-slack-signature": signature, "x-slack-request-timestamp": timestamp },
    nowMilliseconds: nowMs,
  });
}

const urlVerification = z.looseObject({ type: z.literal("url_verification"), challenge: z.string() });

const eventCallback = z.looseObject({
  type: z.literal("event_callback"),
  event_id: z.string().min(1),
  team_id: z.string().optional(),
  event: z.looseObject({ type: z.string() }),
});

// Other Events API envelopes (app_rate_limited …) are acknowledged and left to Bolt.
const otherEnvelope = z.looseObject({ type: z.string() });

const slashCommand = z.looseObject({
  command: z.string().min(1),
  text: z.string(),
  user_id: z.string().min(1),
  channel_id: z.string().min(1),
  team_id: z.string(),
  trigger_id: z.string().min(1),
  response_url: z.string(),
});

const interaction = z.looseObject({
  type: z.string(),
  user: z.looseObject({ id: z.string() }),
  trigger_id: z.string().optional(),
});

export type SlackBody =
  | { kind: "url_verification"; challenge: string }
  | { kind: "ssl_check" }
  | { kind: "event"; body: z.infer<typeof eventCallback> | z.infer<typeof otherEnvelope> }
  | { kind: "command"; body: z.infer<typeof slashCommand> }
  | { kind: "interaction"; body: z.infer<typeof interaction> };

/**
 * Reads a verified request body: Events API JSON, a slash command's form, or an interaction's
 * `payload=` form field. Undefined when it is none of them (the caller answers 400).
 */
export function parseSlackBody(rawBody: string, contentType: string | undefined): SlackBody | undefined {
  if ((contentType ?? "").startsWith("application/json")) {
    const json = parseJson(rawBody);
    const challenge = urlVerification.safeParse(json);
    if (challenge.success) return { kind: "url_verification", challenge: challenge.data.challenge };
    const event = eventCallback.safeParse(json);
    if (event.success) return { kind: "event", body: event.data };
    const other = otherEnvelope.safeParse(json);
    // An event_callback that failed its own schema is malformed, not "other".
    if (other.success && other.data.type !== "event_callback") return { kind: "event", body: other.data };
    return undefined;
  }
  const form = new URLSearchParams(rawBody);
  if (form.get("ssl_check") === "1") return { kind: "ssl_check" };
  const payload = form.get("payload");
  if (payload !== null) {
    const parsed = interaction.safeParse(parseJson(payload));
    return parsed.success ? { kind: "interaction", body: parsed.data } : undefined;
  }
  const command = slashCommand.safeParse(Object.fromEntries(form));
  return command.success ? { kind: "command", body: command.data } : undefined;
}

/** The id an update is deduplicated on: Slack redelivers events with the same event_id. */
export function updateIdOf(body: Record<string, unknown>): string | undefined {
  if (typeof body.event_id === "string") return `event:${body.event_id}`;
  // Commands and button presses have no event_id; their trigger_id is unique to one invocation.
  if (typeof body.trigger_id === "string") {
    return typeof body.command === "string" ? `command:${body.trigger_id}` : `action:${body.trigger_id}`;
  }
  return undefined;
}
