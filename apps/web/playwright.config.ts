import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { defineConfig } from "@playwright/test";
import { e2ePorts } from "./e2e/ports.ts";

// The built app as it ships: the API bundle serving the built SPA, on a fresh database
// (a temporary PGlite folder, or the PostgreSQL database DATABASE_URL names).
// Free ports chosen when the runner loads this file (e2e/ports.ts), so two runs can share a machine.
const {
  app: port,
  dns: DNS_PORT,
  dnsControl: DNS_CONTROL_PORT,
  smtp: SMTP_PORT,
  smtpControl: SMTP_CONTROL_PORT,
  samlIdp: SAML_IDP_PORT,
} = e2ePorts();
const apiDir = resolve(import.meta.dirname, "../api");
const dataDir = mkdtempSync(join(tmpdir(), "tessera-e2e-"));
// Every process that loads this config makes its own folder; each removes its own at exit.
process.on("exit", () => rmSync(dataDir, { recursive: true, force: true }));

export default defineConfig({
  testDir: "./e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "../../.test-results/playwright.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: [
    {
      command: `node ${resolve(apiDir, "dist/main.js")}`,
      url: `http://127.0.0.1:${port}/readyz`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
      env: {
        PORT: String(port),
        DATA_DIR: dataDir,
        WEB_DIST: resolve(import.meta.dirname, "dist"),
        SEED_DEMO: "true",
        // Access lines for every request would drown the test report; warnings still show.
        LOG_LEVEL: "warn",
        // Every test signs in from 127.0.0.1: room for the suite to grow without tripping the
        // per-IP limit (the per-email limit, which a test checks, keeps its default).
        LOGIN_MAX_ATTEMPTS_PER_IP: "1000",
        // A failed sign-in makes that (email, address) wait this long: long enough that the
        // test of the wait never races the clock; only throwaway emails ever fail here.
        LOGIN_BACKOFF_BASE_SECONDS: "30",
        DNS_RESOLVER: `127.0.0.1:${DNS_PORT}`,
        // Invitations and resets go out over SMTP to the test mail server; links point here.
        SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        // The test SAML identity provider runs on http://127.0.0.1: its metadata URL and
        // sign-in URL are allowed by this flag, as in local development.
        ALLOW_INSECURE_LOOPBACK: "true",
        // PostgreSQL only when the test script named a (fresh) database; PGlite otherwise.
        ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
      },
    },
    {
      // Run from the API's folder: tsx and dns-packet are its development dependencies.
      command: "node_modules/.bin/tsx test/support/dns-server-cli.ts",
      cwd: apiDir,
      url: `http://127.0.0.1:${DNS_CONTROL_PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      env: { DNS_PORT: String(DNS_PORT), CONTROL_PORT: String(DNS_CONTROL_PORT) },
    },
    {
      // The test SMTP server (mail the app sends) with its control port (GET /mails).
      command: "node_modules/.bin/tsx test/support/smtp-sink-cli.ts",
      cwd: apiDir,
      url: `http://127.0.0.1:${SMTP_CONTROL_PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      env: { SMTP_PORT: String(SMTP_PORT), CONTROL_PORT: String(SMTP_CONTROL_PORT) },
    },
    {
      // The test SAML identity provider: metadata at /metadata, a sign-in form at /sso.
      command: "node_modules/.bin/tsx test/support/saml-idp-cli.ts",
      cwd: apiDir,
      url: `http://127.0.0.1:${SAML_IDP_PORT}/metadata`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      env: { SAML_IDP_PORT: String(SAML_IDP_PORT) },
    },
  ],
});
