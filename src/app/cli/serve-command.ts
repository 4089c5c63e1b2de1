import { parseArgs } from "node:util";
import { ErrorCode, loadConfig, ThiduaError } from "../../core/index.js";
import { withApp } from "../build-app.js";
import { startServer } from "../serve/start-server.js";
import { cliText } from "./cli-text.js";
import { type CliIo, line } from "./io.js";

const aborted = (signal: AbortSignal | undefined) =>
  new Promise<void>((resolve) => {
    if (!signal) return; // without a signal, runs until the process is killed
    if (signal.aborted) resolve();
    else signal.addEventListener("abort", () => resolve(), { once: true });
  });

/** `thidua serve [--today D]`: the configured platforms on one HTTP server, until SIGTERM. */
export async function serveCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { today: { type: "string" } }, strict: true });
  return withApp({ env: io.env, today: values.today }, async (app) => {
    if (Object.keys(app.config.platforms).length === 0) {
      throw new ThiduaError(ErrorCode.ConfigInvalid, "no platform is configured", {
        messageKey: "errors.no_platform",
      });
    }
    const server = await startServer(app);
    const t = cliText();
    line(
      io.stdout,
      t("cli.serving", { port: server.port, platforms: server.adapters.map((a) => a.platform).join(", ") }),
    );
    await aborted(io.signal);
    line(io.stdout, t("cli.stopping"));
    await server.stop();
    return 0;
  });
}

/** `npm start`: serves the configured platforms, or opens the console when none is configured. */
export async function startCommand(args: string[], io: CliIo): Promise<number> {
  if (Object.keys(loadConfig({ env: io.env }).platforms).length > 0) return serveCommand(args, io);
  const { consoleCommand } = await import("./chat-commands.js");
  return consoleCommand(args, io);
}
