// pnpm bench (first and last step): `--clear` empties the results; without it, prints the
// one table of every benchmark's figures, each beside its baseline from the same run.
import { clearResults, readResults } from "./results.ts";

if (process.argv.includes("--clear")) {
  clearResults();
} else {
  console.log("\nAll benchmarks, this run\n");
  console.log("| area | measure | value | baseline (same run) | vs baseline |");
  console.log("|---|---|---:|---|---:|");
  for (const row of readResults()) {
    const baseline = row.baseline ? `${row.baseline.name}: ${row.baseline.value} ${row.unit}` : "—";
    const ratio = row.baseline ? (row.value / Math.max(row.baseline.value, 1e-9)).toFixed(2) : "—";
    console.log(`| ${row.area} | ${row.measure} | ${row.value} ${row.unit} | ${baseline} | ${ratio} |`);
  }
}
