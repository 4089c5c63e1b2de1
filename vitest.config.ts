import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    // Each file opens its own embedded engine (~400 MB); two workers fit the 2-core machines.
    pool: "forks",
    // Files share a worker's loaded modules (and the intent model kept in it): loading them again for
    // each of 46 files took 40 s of the run. Every test makes its own database, so nothing else is shared.
    isolate: false,
    maxWorkers: 2,
  },
});
