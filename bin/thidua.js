#!/usr/bin/env node
// Runs the compiled command (npm install builds dist/ in `prepare`; `npm run build` after a change).
import { existsSync } from "node:fs";
import v8 from "node:v8";

// A one-shot command spends most of its time starting the embedded database, whose WebAssembly V8
// would otherwise also recompile in the background for speed it never gets to use: compiled once,
// quickly, `thidua plan list` takes 0.95 s instead of 1.3 s and a third less CPU. Sessions (the
// console, a chat, an evaluation) run long enough for the optimised code to pay, so they keep it.
const sessions = new Set(["console", "chat", "eval", "serve", "start"]);
if (!sessions.has(process.argv[2] ?? "console")) v8.setFlagsFromString("--liftoff-only");

const entry = new URL("../dist/app/cli/main.js", import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write("thidua is not built yet: run `npm run build` (npm install does it) and try again.\n");
  process.exit(1);
}
const { main } = await import(entry.href);
// A reader that stops early (`thidua plan list | head`) closes the pipe: end quietly, as other tools do.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});
// SIGTERM (a service manager, a container stop) and Ctrl-C end a server the same way: stop taking
// updates, finish those in flight, close the database.
const stopping = new AbortController();
for (const signal of ["SIGTERM", "SIGINT"]) process.once(signal, () => stopping.abort(signal));
process.exitCode = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  signal: stopping.signal,
});
// The signal handlers are the only thing left; exit rather than wait for a second signal.
process.exit();
