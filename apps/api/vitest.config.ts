import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // PGlite's first start with migrations takes seconds; one instance per test file.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
