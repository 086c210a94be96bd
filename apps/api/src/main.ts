import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startApp } from "./app.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { DEMO_SIGN_INS } from "./seed/demo.ts";

/** Where the built SPA is, unless WEB_DIST says: apps/web/dist beside this app. */
const defaultWebDist = (): string | undefined => {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidate = resolve(here, "../../web/dist");
  return existsSync(join(candidate, "index.html")) ? candidate : undefined;
};

const main = async () => {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const app = await startApp({ ...config, WEB_DIST: config.WEB_DIST ?? defaultWebDist() });
  const database = config.DATABASE_URL
    ? `PostgreSQL (DATABASE_URL${config.DATABASE_POOLER === "pgbouncer" ? " through PgBouncer; DATABASE_DIRECT_URL for migrations and LISTEN" : ""})`
    : `PGlite in ${join(config.dataDir, "pglite")}`;
  const lines = [
    "",
    `Tessera is running at ${app.url}`,
    `  database: ${database}${app.seeded ? " — demo data seeded" : ""}`,
    config.SMTP_URL
      ? `  mail: sent through ${new URL(config.SMTP_URL).host} (SMTP_URL)`
      : `  mail: kept in the development mailbox — staff admins read it at ${app.url}/console/sent-email`,
    ...(app.seeded ? [`  Northwind's license key (shown once): ${app.seeded.licenseKey}`] : []),
    ...(app.deps.config.WEB_DIST ? [] : ["  (no built SPA found: run `pnpm build` to serve the web app)"]),
    "",
    "Demo sign-ins:",
    ...DEMO_SIGN_INS.map((demo) => `  ${demo.who.padEnd(26)} ${demo.email.padEnd(24)} ${demo.password}`),
    "",
  ];
  console.log(lines.join("\n"));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing in-flight requests and closing`);
    await app.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
};

await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
