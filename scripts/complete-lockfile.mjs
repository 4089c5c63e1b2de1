// The npm registry these machines reach lacks most of Biome's per-platform binaries, so `npm install`
// leaves them out of package-lock.json and `npm ci` then refuses the lock. This adds the missing
// entries (never installed here: their os/cpu do not match) so `npm ci` accepts it. Run it after
// regenerating the lock from scratch; `npm install` keeps the entries once they are there.
import { readFileSync, writeFileSync } from "node:fs";

const path = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(path, "utf8"));
const biome = lock.packages["node_modules/@biomejs/biome"];
const added = [];
for (const name of Object.keys(biome?.optionalDependencies ?? {})) {
  const key = `node_modules/${name}`;
  if (lock.packages[key]) continue;
  const [os, cpu, libc] = name.replace("@biomejs/cli-", "").split("-");
  lock.packages[key] = {
    version: biome.version,
    cpu: [cpu],
    dev: true,
    ...(os === "linux" ? { libc: [libc ?? "glibc"] } : {}),
    license: "MIT OR Apache-2.0",
    optional: true,
    os: [os],
    engines: { node: ">=14.21.3" },
  };
  added.push(name);
}
const [root, ...rest] = Object.entries(lock.packages);
lock.packages = Object.fromEntries([root, ...rest.sort(([a], [b]) => a.localeCompare(b))]);
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added.length ? `added ${added.join(", ")}` : "package-lock.json already complete");
