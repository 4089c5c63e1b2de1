import { type Logger, pino } from "pino";
import pretty from "pino-pretty";

export type { Logger };

/** A pino logger on standard error: JSON for machines, readable lines on a terminal. */
export function createLogger(options: { level: string; pretty?: boolean }): Logger {
  const usePretty = options.pretty ?? process.stderr.isTTY === true;
  // Standard error keeps logs out of the chat and out of `--json` output on standard output.
  const destination = usePretty
    ? pretty({ destination: 2, sync: true, colorize: true, translateTime: "SYS:HH:MM:ss" })
    : pino.destination({ fd: 2, sync: true });
  return pino({ level: options.level, base: undefined }, destination);
}

/** A logger that writes nothing (tests). */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
