import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, readFileSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { scratchDir } from "./support/scratch.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const readme = readFileSync(join(root, "README.md"), "utf8");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  scripts: Record<string, string>;
};

/** The README's fenced blocks marked ```sh runnable, with the heading they stand under. */
function runnableBlocks(): { heading: string; script: string }[] {
  const blocks: { heading: string; script: string }[] = [];
  let heading = "";
  let open: string[] | null = null;
  for (const line of readme.split("\n")) {
    if (open) {
      if (line.startsWith("```")) {
        blocks.push({ heading, script: open.join("\n") });
        open = null;
      } else open.push(line);
    } else if (line.startsWith("#")) heading = line.replace(/^#+\s*/, "");
    else if (line.trim() === "```sh runnable") open = [];
  }
  return blocks;
}

// `npm run -s thidua -- …` and `npm start -- …` are what package.json says they are: the shell runs
// them as `node bin/thidua.js …` directly, without npm's own second of start-up.
const npmShim = `
npm() {
  if [ "$1" = run ] && [ "$2" = -s ] && [ "$3" = thidua ] && [ "$4" = -- ]; then
    shift 4; node "$THIDUA_BIN" "$@"
  elif [ "$1" = start ]; then
    shift; if [ "\${1-}" = --silent ]; then shift; fi; if [ "\${1-}" = -- ]; then shift; fi
    node "$THIDUA_BIN" start "$@"
  else
    echo "the README test cannot run: npm $*" >&2; return 127
  fi
}
`;

describe("the README's runnable shell examples", () => {
  const blocks = runnableBlocks();
  it("calls npm scripts that run the binary as the shell shim does", () => {
    expect(pkg.scripts.thidua).toBe("node bin/thidua.js");
    expect(pkg.scripts.start).toBe("node bin/thidua.js start");
  });

  it("has runnable examples", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4);
  });
});

describe("each runnable example of the README, in a scratch checkout", () => {
  const blocks = runnableBlocks();
  let scratch = "";
  beforeEach(() => {
    // A checkout's neighbourhood: ./data (units.csv and a migrated embedded database) and ../shared.
    scratch = scratchDir("thidua-readme-");
    const cwd = join(scratch, "main");
    mkdirSync(cwd);
    symlinkSync(realpathSync(join(root, "..", "shared")), join(scratch, "shared"));
    cpSync(inject("pgliteDataDir"), join(cwd, "data"), { recursive: true });
    copyFileSync(join(root, "data", "units.csv"), join(cwd, "data", "units.csv"));
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  // Each block runs a handful of real `thidua` processes (~1.2 s each on these cores, three times that
  // beside the other test workers).
  it.each(blocks.map((b, i) => [`${i + 1}. under "${b.heading}"`, b.script]))(
    "%s",
    { timeout: 90_000 },
    (_, script) => {
      const run = spawnSync("bash", ["-c", `set -euo pipefail\n${npmShim}\n${script}`], {
        cwd: join(scratch, "main"),
        env: {
          PATH: process.env.PATH ?? "",
          HOME: scratch,
          THIDUA_BIN: join(root, "bin", "thidua.js"),
          DATA_DIR: "./data",
          LOG_LEVEL: "warn",
          THIDUA_MODEL_CACHE: inject("modelCacheDir"),
        },
        input: "",
        encoding: "utf8",
      });
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      expect(run.stdout.trim()).not.toBe("");
    },
  );
});
