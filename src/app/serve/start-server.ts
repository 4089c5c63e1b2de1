import { startHttpServer } from "../../adapters/http/http-server.js";
import type { PlatformAdapter, PlatformAdapterDeps } from "../../adapters/platform-adapter.js";
import { createSecretBox, databasePlatformState } from "../../core/index.js";
import type { App } from "../build-app.js";
import { deliverThrough } from "../reminders/deliver-reminders.js";
import { startReminderSchedule } from "../reminders/reminder-schedule.js";
import { createAdapters } from "./create-adapters.js";

export interface RunningServer {
  port: number;
  adapters: PlatformAdapter[];
  /** Stops taking updates, finishes those in flight and stops the adapters; the app closes the database. */
  stop(): Promise<void>;
}

/**
 * Serves every configured platform on one HTTP server (webhook routes, /healthz, /readyz), starts
 * polling where a platform polls, and registers webhooks when PUBLIC_URL is set.
 */
export async function startServer(
  app: App,
  options: { host?: string; port?: number } = {},
): Promise<RunningServer> {
  const { config, database, assistant, clock, log } = app;
  const state = databasePlatformState(database.db, {
    now: () => clock.now(),
    ...(config.secretKey ? { box: createSecretBox(config.secretKey) } : {}),
  });
  await assistant.warmUp();
  // The server exists before the adapters so that they can hand it their slow work.
  let started = false;
  const pending: Promise<unknown>[] = [];
  let trackWork: (work: Promise<unknown>) => void = (work) => {
    pending.push(work);
  };
  const deps: PlatformAdapterDeps = {
    assistant,
    state,
    now: () => clock.now(),
    log,
    track: (work) => trackWork(work),
    publicUrl: config.server.publicUrl,
  };
  const adapters = await createAdapters(config.platforms, deps);
  const server = await startHttpServer({
    port: options.port ?? config.server.port,
    ...(options.host ? { host: options.host } : {}),
    routes: adapters.flatMap((a) => a.routes),
    ready: async () => started && (await database.ping()),
    onError: (error, route) => log.error({ err: error, route }, "webhook handler failed"),
  });
  trackWork = (work) => server.track(work);
  for (const work of pending) server.track(work);
  try {
    for (const adapter of adapters) await adapter.start();
  } catch (error) {
    await Promise.allSettled(adapters.map((a) => a.stop()));
    await server.close();
    throw error;
  }
  started = true;
  // Reminders go out through the same adapters; a replica with REMINDERS=off only answers.
  const reminders = config.reminders.enabled
    ? startReminderSchedule(app, deliverThrough(new Map(adapters.map((a) => [a.platform, a])), assistant))
    : undefined;
  // Platforms stop redelivering within hours; a week of answered ids is plenty to refuse repeats.
  const pruning = setInterval(() => {
    const weekAgo = new Date(clock.now().getTime() - 7 * 24 * 3600_000);
    state
      .forgetUpdates(weekAgo)
      .catch((error: unknown) => log.warn({ err: error }, "pruning updates failed"));
  }, 3600_000);
  pruning.unref();
  log.info({ port: server.port, platforms: adapters.map((a) => a.platform) }, "serving");
  return {
    port: server.port,
    adapters,
    async stop() {
      clearInterval(pruning);
      await reminders?.stop();
      // Polling stops first, so that no update arrives that the server would not finish.
      await Promise.allSettled(adapters.map((a) => a.stop()));
      await server.close();
    },
  };
}
