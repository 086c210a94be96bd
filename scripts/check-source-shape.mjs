// Keeps the source a newcomer can read: no file over MAX_FILE_LINES lines and no circular
// import inside a package's src/. Function length is biome's noExcessiveLinesPerFunction
// (biome.json); this covers what biome has no rule for. Run by `pnpm lint`.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const MAX_FILE_LINES = 300;
const root = resolve(dirname(new URL(import.meta.url).pathname), "..");
const sourceRoots = ["apps/api/src", "apps/web/src", ...packageSources()];

function packageSources() {
  const packages = join(root, "packages");
  return readdirSync(packages)
    .map((name) => `packages/${name}/src`)
    .filter((path) => existsSync(join(root, path)));
}

function sourceFiles(directory) {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const files = sourceRoots.flatMap((source) => sourceFiles(join(root, source)));
const problems = [];

for (const file of files) {
  const lines = readFileSync(file, "utf8").split("\n").length;
  if (lines > MAX_FILE_LINES)
    problems.push(`${relative(root, file)}: ${lines} lines (max ${MAX_FILE_LINES})`);
}

// Relative imports only: a circle never crosses a package boundary here (domain and db import nothing of ours).
// `from "./x"`, a bare `import "./x"` and a dynamic `import("./x")` all count.
const importPattern = /(?:\bfrom\s+|\bimport\s*\(?\s*)["'](\.{1,2}\/[^"']+)["']/g;
const edges = new Map(
  files.map((file) => {
    const text = readFileSync(file, "utf8");
    const targets = [...text.matchAll(importPattern)]
      .map((match) => resolve(dirname(file), match[1]))
      .map((target) => [target, `${target}.ts`, `${target}.tsx`].find((path) => files.includes(path)))
      .filter(Boolean);
    return [file, targets];
  }),
);

// Depth-first search with colours: a grey node met again closes a circle.
const colour = new Map();
const stack = [];
const visit = (file) => {
  colour.set(file, "grey");
  stack.push(file);
  for (const target of edges.get(file) ?? []) {
    if (colour.get(target) === "grey") {
      const circle = stack.slice(stack.indexOf(target)).concat(target);
      problems.push(`import circle: ${circle.map((path) => relative(root, path)).join(" → ")}`);
    } else if (!colour.has(target)) visit(target);
  }
  stack.pop();
  colour.set(file, "black");
};
for (const file of files) if (!colour.has(file)) visit(file);

if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(`source shape: ${files.length} files, none over ${MAX_FILE_LINES} lines, no import circle`);
