import { describe, expect, it } from "vitest";
import { ConfigError, databaseOptions, loadConfig } from "./config.ts";

describe("config", () => {
  it("has working defaults", () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.dataDir).toMatch(/\.data$/);
  });
  it.each([
    [{ PORT: "eighty" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ SEED_DEMO: "maybe" }, "SEED_DEMO"],
  ])("names the bad variable in %j", (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(name));
  });
});

describe("DATABASE_POOLER", () => {
  const pooled = { DATABASE_URL: "postgres://app@pgbouncer:6432/tessera" };
  const direct = "postgres://app@postgres:5432/tessera";
  it("leaves the connection as it was without a pooler", () => {
    expect(databaseOptions(loadConfig(pooled))).toEqual({ url: pooled.DATABASE_URL });
  });
  it("behind PgBouncer sends unnamed statements and migrates and listens on the direct URL", () => {
    const config = loadConfig({ ...pooled, DATABASE_POOLER: "pgbouncer", DATABASE_DIRECT_URL: direct });
    expect(databaseOptions(config)).toEqual({ url: pooled.DATABASE_URL, directUrl: direct, prepare: false });
  });
  it("refuses PgBouncer without the direct URL, where LISTEN would be lost", () => {
    expect(() => loadConfig({ ...pooled, DATABASE_POOLER: "pgbouncer" })).toThrow(
      /DATABASE_DIRECT_URL: is required/,
    );
  });
  it("refuses a direct URL that nothing would use", () => {
    expect(() => loadConfig({ ...pooled, DATABASE_DIRECT_URL: direct })).toThrow(/DATABASE_POOLER/);
  });
});

describe("ENVIRONMENT", () => {
  it("defaults to development, where /metrics may go without a token (the demo needs no setup)", () => {
    expect(loadConfig({}).ENVIRONMENT).toBe("development");
  });
  it("refuses to start production without METRICS_TOKEN, naming it", () => {
    expect(() => loadConfig({ ENVIRONMENT: "production" })).toThrow(
      /METRICS_TOKEN: is required when ENVIRONMENT=production/,
    );
  });
  it("starts production with a METRICS_TOKEN", () => {
    const config = loadConfig({ ENVIRONMENT: "production", METRICS_TOKEN: "a-metrics-token-0123456789" });
    expect(config.ENVIRONMENT).toBe("production");
  });
  it("names a bad ENVIRONMENT", () => {
    expect(() => loadConfig({ ENVIRONMENT: "staging" })).toThrow(/ENVIRONMENT/);
  });
});

describe("REQUIRE_STAFF_MFA", () => {
  const production = { ENVIRONMENT: "production", METRICS_TOKEN: "a-metrics-token-0123456789" };
  it.each([
    [{}, false],
    [production, true],
    [{ REQUIRE_STAFF_MFA: "true" }, true],
    [{ ...production, REQUIRE_STAFF_MFA: "false" }, false],
    [{ ...production, REQUIRE_STAFF_MFA: "" }, true],
  ])("in %j is %s", (env, expected) => {
    expect(loadConfig(env).REQUIRE_STAFF_MFA).toBe(expected);
  });
  it("names a bad value", () => {
    expect(() => loadConfig({ REQUIRE_STAFF_MFA: "sometimes" })).toThrow(/REQUIRE_STAFF_MFA/);
  });
});
