// Bundle the API: main.js, the two worker files and chunks for what is imported on first use.
// Our workspace packages are compiled in (they ship TypeScript source); every other
// dependency stays an import from node_modules.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";

const manifest = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));
const dbManifest = JSON.parse(
  readFileSync(new URL("../../packages/db/package.json", import.meta.url), "utf8"),
);
const external = [...Object.keys(manifest.dependencies), ...Object.keys(dbManifest.dependencies)]
  .filter((name) => !name.startsWith("@tessera/"))
  .flatMap((name) => [name, `${name}/*`]);

// BUILD_OUTDIR: elsewhere than dist/ (test/startup-imports.test.ts builds into a temporary folder).
const outdir = process.env.BUILD_OUTDIR ?? new URL("./dist", import.meta.url).pathname;
// Chunk names carry a hash: start from an empty folder so old ones do not pile up.
rmSync(outdir, { recursive: true, force: true });

const { metafile } = await build({
  // Worker threads load their own files (SVG sanitiser, SAML XML check) beside main.js.
  entryPoints: {
    main: "src/main.ts",
    "svg-sanitizer-worker": "src/white-label/svg-sanitizer-worker.ts",
    "saml-xml-worker": "src/white-label/saml-xml-worker.ts",
  },
  outdir,
  absWorkingDir: new URL(".", import.meta.url).pathname,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  // What the server rarely needs (mail rendering, SAML, OIDC, the OpenAPI document, PGlite on
  // PostgreSQL …) is imported on first use and lands in chunk files beside main.js.
  splitting: true,
  // Mail templates are React components (src/mail/templates/*.tsx).
  jsx: "automatic",
  sourcemap: true,
  external,
  logLevel: "warning",
  metafile: true,
});
// What each output file imports, statically or on first use: the start-up import graph.
writeFileSync(join(outdir, "meta.json"), JSON.stringify({ outputs: metafile.outputs }));
