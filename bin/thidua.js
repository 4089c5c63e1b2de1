#!/usr/bin/env node
// Runs the compiled command (npm install builds dist/ in `prepare`; `npm run build` after a change).
import { existsSync } from "node:fs";

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
process.exitCode = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
