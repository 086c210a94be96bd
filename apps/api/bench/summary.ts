// pnpm bench (first and last step): `--clear` empties the results; without it, prints the
// one table of every benchmark's figures, each beside its baseline from the same run and,
// where the project holds itself to one, the goal and whether this run met it.
import { type BenchResult, clearResults, readResults } from "./results.ts";

interface Goal {
  /** Which recorded rows the goal applies to. */
  measure: RegExp;
  text: string;
  met(row: BenchResult, ratio: number | null): boolean;
}

const atLeast = (min: number) => (_: BenchResult, ratio: number | null) => ratio !== null && ratio >= min;
const atMost = (max: number) => (_: BenchResult, ratio: number | null) => ratio !== null && ratio <= max;
const valueAtMost = (max: number) => (row: BenchResult) => row.value <= max;

/** The performance goals (issue 20), each a ratio to a same-run baseline or a ceiling. */
const GOALS: Goal[] = [
  { measure: /^Tessera \w+ warm Zipf tRPC vs REST throughput$/, text: "≥ 0.8×", met: atLeast(0.8) },
  { measure: /^Tessera PostgreSQL REST warm Zipf throughput$/, text: "≥ 0.6×", met: atLeast(0.6) },
  { measure: /^Tessera PostgreSQL REST throughput$/, text: "≥ 1.0×", met: atLeast(1) },
  { measure: /^Tessera PostgreSQL REST p99$/, text: "≤ 1.0×", met: atMost(1) },
  { measure: /^Tessera PGlite REST warm Zipf throughput$/, text: "≥ 0.5×", met: atLeast(0.5) },
  { measure: /^Tessera ingestUsage \(PostgreSQL\)$/, text: "≥ 0.8×", met: atLeast(0.8) },
  { measure: /^createTicket \(PostgreSQL\)$/, text: "≥ 0.3×", met: atLeast(0.3) },
  { measure: /^Overview queries p50, .*\(PostgreSQL\)$/, text: "≤ 50 ms", met: valueAtMost(50) },
  { measure: /^Overview queries p50, .*\(PGlite\)$/, text: "≤ 150 ms", met: valueAtMost(150) },
  { measure: /^year-long usage report \+ CSV \(PostgreSQL\)$/, text: "≥ 0.8×", met: atLeast(0.8) },
  { measure: /^Tessera PostgreSQL API peak RSS/, text: "≤ 160 MiB", met: valueAtMost(160) },
  { measure: /^Tessera PGlite API peak RSS/, text: "≤ 300 MiB", met: valueAtMost(300) },
  { measure: /^PGlite API start to "running at"/, text: "≤ 2000 ms", met: valueAtMost(2000) },
];

const printTable = (rows: BenchResult[]) => {
  console.log("\nAll benchmarks, this run\n");
  console.log("| area | measure | value | baseline (same run) | vs baseline | goal | met |");
  console.log("|---|---|---:|---|---:|---|---|");
  for (const row of rows) {
    const baseline = row.baseline ? `${row.baseline.name}: ${row.baseline.value} ${row.unit}` : "—";
    const ratio = row.baseline ? row.value / Math.max(row.baseline.value, 1e-9) : null;
    const goal = GOALS.find((candidate) => candidate.measure.test(row.measure));
    const met = goal ? (goal.met(row, ratio) ? "yes" : "**no**") : "";
    console.log(
      `| ${row.area} | ${row.measure} | ${row.value} ${row.unit} | ${baseline} | ${ratio === null ? "—" : ratio.toFixed(2)} | ${goal?.text ?? ""} | ${met} |`,
    );
  }
};

if (process.argv.includes("--clear")) clearResults();
else printTable(readResults());
