// Mutation testing of the pure domain rules (`pnpm mutation`): every file under
// packages/domain/src except tests and the barrel. Runs from the repository root so the
// sandbox keeps tsconfig `extends` paths and each package's node_modules intact.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner"],
  vitest: { dir: "packages/domain" },
  coverageAnalysis: "perTest",
  // Module-level mutants (zod schemas, tier tables) need a full re-import per mutant: ~93 % of
  // the run time for 29 % of mutants. They are covered by the schema and tier tests instead.
  ignoreStatic: true,
  mutate: [
    "packages/domain/src/**/*.ts",
    "!packages/domain/src/**/*.test.ts",
    "!packages/domain/src/index.ts",
    // Response shapes for the REST document: declarations without logic, held to what the API
    // really answers by the REST contract test (apps/api), which this run does not execute.
    "!packages/domain/src/**/outputs.ts",
  ],
  ignorePatterns: [
    "apps",
    "packages/*",
    "!packages/domain",
    ".bench",
    ".test-results",
    "stryker.domain.incremental.json",
  ],
  concurrency: 2,
  reporters: ["clear-text", "progress", "json", "html"],
  jsonReporter: { fileName: ".test-results/mutation/domain.json" },
  htmlReporter: { fileName: ".test-results/mutation/domain.html" },
  // The results of the last full or incremental run, committed: `pnpm mutation --incremental`
  // (CI's form) re-tests only the mutants whose code or covering tests changed since, and
  // reuses the rest. After changing domain code or its tests, run it and commit this file;
  // `pnpm mutation --incremental --force` re-tests everything and rewrites it.
  incrementalFile: "stryker.domain.incremental.json",
  // 81.92 % measured on 2026-11-30 with the REST work (81.01 % before it; 67.97 % before the
  // tests added for issue 14): CI fails
  // below 80 %. Raise the floor with the score, never lower it.
  thresholds: { high: 90, low: 80, break: 80 },
};
