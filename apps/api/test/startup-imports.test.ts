// What the server loads to start is what main.js imports statically, chunks included. The
// heavy dependencies used off the hot path must stay behind a dynamic import() (each cost
// 50-550 ms and 5-45 MiB at start), so this walks the real build's import graph.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

type Outputs = Record<string, { imports: { path: string; kind: string; external?: boolean }[] }>;

const LOADED_ON_FIRST_USE = [
  "@react-email/components",
  "@react-email/render",
  "react-dom/server",
  "nodemailer",
  "smtp-server",
  "@node-saml/node-saml",
  "openid-client",
  "qrcode",
  "zod-openapi",
  "@electric-sql/pglite",
  "drizzle-orm/pglite",
];

const outdir = mkdtempSync(join(tmpdir(), "tessera-build-"));
let outputs: Outputs;
beforeAll(() => {
  const apiDir = new URL("..", import.meta.url).pathname;
  execFileSync(process.execPath, ["build.mjs"], {
    cwd: apiDir,
    env: { ...process.env, BUILD_OUTDIR: outdir },
  });
  outputs = JSON.parse(readFileSync(join(outdir, "meta.json"), "utf8")).outputs;
}, 60_000);
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

/** Every file and package reached from `entry` by static imports alone. */
const staticallyReached = (entry: string, dynamic: Set<string>) => {
  const reached = new Set<string>();
  const visit = (file: string) => {
    for (const { path, kind, external } of outputs[file]?.imports ?? []) {
      if (kind === "dynamic-import") {
        dynamic.add(path);
        continue;
      }
      if (reached.has(path)) continue;
      reached.add(path);
      if (!external) visit(path);
    }
  };
  visit(entry);
  return reached;
};

describe("what the server loads to start", () => {
  it("leaves mail, SAML, OIDC, MFA, OpenAPI and PGlite dependencies to their first use", () => {
    const main = Object.keys(outputs).find((file) => file.endsWith("/main.js") || file === "main.js");
    expect(main).toBeDefined();
    const dynamic = new Set<string>();
    const reached = staticallyReached(main as string, dynamic);
    expect(LOADED_ON_FIRST_USE.filter((name) => reached.has(name))).toEqual([]);
    // and each is still used: imported on first use somewhere (a chunk or the package itself)
    const lazilyReached = new Set(
      [...dynamic].flatMap((file) => [file, ...staticallyReached(file, new Set())]),
    );
    expect(LOADED_ON_FIRST_USE.filter((name) => !lazilyReached.has(name))).toEqual([]);
    // the hot path's own dependencies are there from the start
    expect(reached.has("postgres")).toBe(true);
  });
});
