// pnpm bench (last step): the SPA's initial JavaScript — the entry script and the chunks
// index.html preloads — as a browser downloads it, gzip level 9. No baseline: a budget.
import { execSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { recordResults } from "./results.ts";

const dist = resolve(import.meta.dirname, "../../web/dist");
if (!existsSync(join(dist, "index.html"))) {
  execSync("pnpm --filter @tessera/web build", {
    stdio: "inherit",
    cwd: resolve(import.meta.dirname, "../../.."),
  });
}
const html = readFileSync(join(dist, "index.html"), "utf8");
const initial = [
  ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
  ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
].map((match) => match[1] ?? "");
let raw = 0;
let gzipped = 0;
for (const file of new Set(initial)) {
  const bytes = readFileSync(join(dist, file.replace(/^\//, "")));
  raw += bytes.length;
  gzipped += gzipSync(bytes, { level: 9 }).length;
}
const kib = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
console.log(
  `\nSPA initial JavaScript: ${new Set(initial).size} files, ${kib(raw)} KiB, ${kib(gzipped)} KiB gzip\n`,
);
recordResults([{ area: "web", measure: "SPA initial JavaScript (gzip)", value: kib(gzipped), unit: "KiB" }]);
