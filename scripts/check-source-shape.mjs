// Keeps the source a newcomer can read: no file over MAX_FILE_LINES lines, no circular import
// inside a package's src/, no export nothing imports. Function length is biome's noExcessiveLinesPerFunction
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

function testFiles(directory) {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    return /\.test\.tsx?$/.test(name) ? [path] : [];
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

// Dead exports: a name exported from API or package source that no other file mentions. The
// database schema is exempt (drizzle-kit reads every exported table, enum and sequence).
const readers = [
  ...files,
  ...["apps/api/test", "apps/api/bench", "apps/web/e2e"]
    .filter((path) => existsSync(join(root, path)))
    .flatMap((path) => [...sourceFiles(join(root, path)), ...testFiles(join(root, path))]),
  ...sourceRoots.flatMap((source) => testFiles(join(root, source))),
];
const texts = new Map(readers.map((file) => [file, readFileSync(file, "utf8")]));
const exportPattern =
  /^export (?:const|let|function|async function|class|type|interface|enum) ([A-Za-z_$][\w$]*)/gm;
for (const file of files) {
  const path = relative(root, file);
  if (path.startsWith("apps/web/") || path.includes("/schema/")) continue;
  for (const [, name] of (texts.get(file) ?? "").matchAll(exportPattern)) {
    const word = new RegExp(`\\b${name.replace(/\$/g, "\\$")}\\b`);
    const used = [...texts].some(([other, text]) => other !== file && word.test(text));
    if (!used) problems.push(`${path}: export ${name} is imported nowhere (drop it, or drop \`export\`)`);
  }
}

if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(
  `source shape: ${files.length} files, none over ${MAX_FILE_LINES} lines, no import circle, no dead export`,
);
