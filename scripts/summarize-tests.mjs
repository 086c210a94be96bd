// Reads the JSON reports of vitest and Playwright and prints one closing line:
// "Tests: N passed, N failed, N skipped". Exits 1 when anything failed or nothing ran, or when
// no REST exchange was checked against the OpenAPI document (rest-contract.ndjson, appended
// by each API test file that used test/support/rest-client.ts).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const folder = process.argv[2] ?? ".test-results";
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of readdirSync(folder).filter((name) => name.endsWith(".json"))) {
  const report = JSON.parse(readFileSync(join(folder, file), "utf8"));
  if ("numPassedTests" in report) {
    // vitest
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + (report.numTodoTests ?? 0);
    console.log(`  ${file}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
  } else if (report.stats) {
    // Playwright
    passed += report.stats.expected;
    failed += report.stats.unexpected + (report.stats.flaky ?? 0);
    skipped += report.stats.skipped;
    console.log(`  ${file}: ${report.stats.expected} passed, ${report.stats.unexpected} failed`);
  }
}

/** Request/response pairs validated against the served document, and the files that made them. */
const contractTally = () => {
  const path = join(folder, "rest-contract.ndjson");
  if (!existsSync(path)) return null;
  const lines = readFileSync(path, "utf8").split("\n").filter(Boolean);
  const counts = lines.map((line) => JSON.parse(line));
  const files = new Set(counts.filter((entry) => entry.checked > 0).map((entry) => entry.file));
  return { pairs: counts.reduce((sum, entry) => sum + entry.checked, 0), files: files.size };
};
const contract = contractTally();
console.log(
  contract
    ? `REST contract: ${contract.pairs} request/response pairs validated in ${contract.files} test files`
    : `REST contract: no ${join(folder, "rest-contract.ndjson")}: no exchange was checked against the document`,
);
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 || !contract || contract.pairs === 0 ? 1 : 0);
