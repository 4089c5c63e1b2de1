import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    // Each file opens its own embedded engine (~400 MB); two workers fit the 2-core machines.
    pool: "forks",
    maxWorkers: 2,
    // The command-line tests spawn several `thidua` processes that each open the database: on a
    // loaded 2-core machine one such test has taken 28 s.
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
