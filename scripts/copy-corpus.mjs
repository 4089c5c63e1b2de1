// The corpus and the tables the understanding reads live beside its sources; the compiled code
// reads them from the same place under dist/.
import { cpSync } from "node:fs";

cpSync(
  new URL("../src/bot/understanding/corpus/", import.meta.url),
  new URL("../dist/bot/understanding/corpus/", import.meta.url),
  {
    recursive: true,
  },
);
