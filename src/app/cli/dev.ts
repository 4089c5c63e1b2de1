// `npm run thidua:dev -- <command>`: the command straight from the TypeScript sources (through tsx),
// for working on the code without building; bin/thidua.js runs the compiled dist/.
import { main } from "./main.js";

process.exitCode = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
