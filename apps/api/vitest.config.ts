import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // PGlite's first start with migrations takes seconds; one instance per test file.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Vitest's default is one worker fewer than the cores: on CI's 2 cores, one file at a time,
    // while a file waiting on PostgreSQL, a timer or a child server leaves a core idle.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
