import type { Logger } from "../../bot/index.js";
import { abortableSleep, type ZaloBotApi, ZaloBotApiError } from "./zalo-bot-api.js";
import { updatesOf, type ZaloBotUpdate } from "./zalo-bot-update.js";

/** Seconds a getUpdates call waits for an update (the platform's default is 30). */
const pollSeconds = 30;
/** Waits after failed polls, longer each time, reset by a poll that works. */
const backOffMs = [1_000, 2_000, 5_000, 10_000, 30_000];

export interface Polling {
  /** Stops asking: the call in flight is aborted, and this resolves when the loop has ended. */
  stop(): Promise<void>;
}

/**
 * Long polling for setups without a public address: getUpdates again and again, each update handed
 * to `onUpdate` (which must not throw). Network and API failures are logged and retried after a
 * growing wait, so a bad minute of the network does not stop the bot.
 */
export function startPolling(options: {
  api: ZaloBotApi;
  log: Logger;
  onUpdate(update: ZaloBotUpdate): Promise<void>;
  /** For tests: a shorter long poll. */
  pollSeconds?: number;
}): Polling {
  const { api, log } = options;
  const controller = new AbortController();
  const { signal } = controller;

  async function loop(): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      let result: unknown;
      try {
        result = await api.getUpdates(options.pollSeconds ?? pollSeconds, signal);
        failures = 0;
      } catch (error) {
        if (signal.aborted) return;
        // The platform answers 408 when a long poll ends without an update: not a failure.
        if (error instanceof ZaloBotApiError && error.errorCode === 408) continue;
        const wait = backOffMs[Math.min(failures, backOffMs.length - 1)] ?? 1_000;
        failures++;
        log.warn({ err: error, waitMs: wait }, "Zalo Bot getUpdates failed; trying again");
        try {
          await abortableSleep(wait, signal);
        } catch {
          return;
        }
        continue;
      }
      const { updates, rejected } = updatesOf(result);
      for (const item of rejected)
        log.warn({ update: item }, "Zalo Bot getUpdates returned an unknown update");
      // One after the other: two messages of one chat are answered in the order they were sent.
      for (const update of updates) await options.onUpdate(update);
    }
  }

  const done = loop();
  return {
    async stop() {
      controller.abort();
      await done;
    },
  };
}
