import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Each benchmark script prints its own table and also appends its headline figures here, so
 * that `pnpm bench` can end with one table of everything, each beside its baseline.
 */
const FILE = join(dirname(fileURLToPath(import.meta.url)), "../.bench/results.jsonl");

export interface BenchResult {
  area: string;
  measure: string;
  value: number;
  unit: string;
  /** The figure measured in the same run that this one is compared with. */
  baseline?: { name: string; value: number };
}

export const recordResults = (rows: BenchResult[]) => {
  mkdirSync(dirname(FILE), { recursive: true });
  appendFileSync(FILE, rows.map((row) => `${JSON.stringify(row)}\n`).join(""));
};

export const clearResults = () => rmSync(FILE, { force: true });

export const readResults = (): BenchResult[] =>
  existsSync(FILE)
    ? readFileSync(FILE, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as BenchResult)
    : [];
