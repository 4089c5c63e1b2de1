import type { Assistant, Logger, PlatformState } from "../bot/index.js";
import type { ChatAdapter } from "./chat-adapter.js";
import type { Route } from "./http/http-server.js";

/** The platforms `thidua serve` can run; the name is also the `platform` of their chat identities. */
export type PlatformName = "telegram" | "zalo-bot" | "zalo-oa" | "slack";

/** What every platform adapter is built from. */
export interface PlatformAdapterDeps {
  assistant: Assistant;
  /** Seen updates, long payloads and tokens, kept in the database. */
  state: PlatformState;
  now: () => Date;
  log: Logger;
  /** Work that goes on after a webhook has been answered; stopping the server waits for it. */
  track(work: Promise<unknown>): void;
  /** The server's public address (PUBLIC_URL); webhooks are registered with the platform only when set. */
  publicUrl: string | undefined;
}

/** A chat platform served by `thidua serve`: its webhook routes, and how it starts and stops. */
export interface PlatformAdapter extends ChatAdapter {
  readonly platform: PlatformName;
  /** Routes mounted on the shared HTTP server (none for polling or Socket Mode). */
  readonly routes: Route[];
}

/**
 * Answers an update once: the first delivery claims its id in the database, later ones do nothing.
 * `answer` runs only for the claim's winner; the update is marked finished after it, so one the
 * process stopped in the middle of is answered again by `answerUnfinished` after a restart.
 */
export async function answerOnce(
  deps: Pick<PlatformAdapterDeps, "state" | "log">,
  update: { platform: PlatformName; id: string; payload?: unknown },
  answer: () => Promise<void>,
): Promise<"answered" | "duplicate"> {
  if (!(await deps.state.claimUpdate(update.platform, update.id, update.payload))) {
    deps.log.debug({ platform: update.platform, updateId: update.id }, "duplicate update ignored");
    return "duplicate";
  }
  await answer();
  await deps.state.finishUpdate(update.platform, update.id);
  return "answered";
}

/** Answers the updates a previous process acknowledged but stopped before answering. */
export async function answerUnfinished(
  deps: Pick<PlatformAdapterDeps, "state" | "log" | "now">,
  platform: PlatformName,
  answer: (payload: unknown) => Promise<void>,
): Promise<number> {
  // A minute's margin: a newer update may be in the hands of another replica right now.
  const pending = await deps.state.unfinishedUpdates(platform, new Date(deps.now().getTime() - 60_000));
  for (const update of pending) {
    try {
      if (update.payload !== null && update.payload !== undefined) await answer(update.payload);
    } catch (error) {
      deps.log.error({ err: error, platform, updateId: update.updateId }, "unfinished update failed again");
    }
    await deps.state.finishUpdate(platform, update.updateId);
  }
  return pending.length;
}
