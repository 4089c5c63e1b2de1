import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";

// The last step of `npm run build`: trains the intent model of the corpus just copied into dist/ and
// leaves it in dist/bot/understanding/model/, named by the corpus's hash. Skipped when that model is
// already there, so a build after a change elsewhere takes no time for it.
const { createMessageReader } = await import("../dist/bot/understanding/read-message.js");
const { bundledModelDir } = await import("../dist/bot/understanding/intent-model.js");
const { createSchoolCalendar } = await import("../dist/core/index.js");

const started = Date.now();
createMessageReader({ calendar: createSchoolCalendar(), cacheDir: bundledModelDir }).read("", "2024-01-01");
const seconds = (Date.now() - started) / 1000;
// Models of earlier corpora are of no use to this build.
const { hash } = (await import("../dist/bot/understanding/intent-corpus.js")).loadCorpus();
for (const file of readdirSync(bundledModelDir))
  if (file.startsWith("intent-model-") && file !== `intent-model-${hash}.json`)
    rmSync(join(bundledModelDir, file));
if (seconds > 2) process.stderr.write(`trained the intent model in ${seconds.toFixed(0)} s\n`);
