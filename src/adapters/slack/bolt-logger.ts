import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../../bot/index.js";

const levels: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  fatal: LogLevel.ERROR,
};

/** Bolt's and its clients' logging, into our pino logger (Bolt's own would print to the console). */
export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ platform: "slack" });
  const line = (parts: unknown[]) =>
    parts.map((part) => (typeof part === "string" ? part : String(part))).join(" ");
  return {
    debug: (...parts) => child.debug(line(parts)),
    info: (...parts) => child.info(line(parts)),
    warn: (...parts) => child.warn(line(parts)),
    error: (...parts) => child.error(line(parts)),
    // The level is pino's to decide; Bolt only asks it.
    setLevel: () => {},
    getLevel: () => levels[log.level] ?? LogLevel.INFO,
    setName: () => {},
  };
}
