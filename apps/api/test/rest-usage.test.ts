import { randomBytes } from "node:crypto";
import { usageAlerts } from "@tessera/db/schema";
import type { ApiKeyScope } from "@tessera/domain";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../src/api-keys/service.ts";
import { type RunningApp, startApp } from "../src/app.ts";
import { fixedClock } from "../src/clock.ts";
import { loadConfig } from "../src/config.ts";
import { createLicense } from "../src/licenses/create.ts";
import { activateLicense } from "../src/licenses/lifecycle.ts";
import { createOrganization } from "../src/organizations/service.ts";
import type { ErrorEnvelope } from "../src/rest/envelope.ts";
import { enableAPI } from "../src/white-label/api-access.ts";
import { openTestDatabase } from "./database.ts";
import { useRestClient } from "./support/rest-client.ts";

/** Usage over REST: current, report (JSON and CSV), limits, alerts (cursor pages), acknowledge, stats. */
let app: RunningApp;
const clock = fixedClock(new Date("2026-06-15T12:00:00.000Z"));
const rest = useRestClient("rest-usage.test.ts", () => app.url);
const keys: Record<string, string> = {};
const orgs = { a: "", b: "" };
const licenseIds = { a: "", b: "" };
type Alert = { id: string; organizationId: string; metric: string; threshold: number; createdAt: string };
type AlertPage = { items: Alert[]; nextCursor: string | null };
type Ack = Alert & { acknowledgedAt: string | null; acknowledgedBy: string | null };

beforeAll(async () => {
  const config = loadConfig({
    LOG_LEVEL: "silent",
    PORT: "0",
    DATA_DIR: "/tmp/tessera-rest-usage-test",
    SEED_DEMO: "false",
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  });
  app = await startApp(config, { dbHandle: await openTestDatabase(), clock, jobs: false });
  const system = { db: app.deps.db, clock, actor: null, ip: null };
  const key = async (name: string, organizationId: string | null, scopes: ApiKeyScope[]) => {
    keys[name] = (await createApiKey(system, { organizationId, name, scopes })).key;
  };
  for (const name of ["a", "b"] as const) {
    const organization = await createOrganization(system, {
      name: `Usage ${name}`,
      slug: `usage-${name}`,
      contactName: "U",
      contactEmail: `u@${name}.test`,
      metadata: {},
    });
    const { license } = await createLicense(system, {
      organizationId: organization.id,
      tier: "STARTER",
      termMonths: 12,
      autoRenew: false,
    });
    await activateLicense(system, license.id);
    await enableAPI(system, organization.id, true);
    orgs[name] = organization.id;
    licenseIds[name] = license.id;
    await key(`${name}Read`, organization.id, ["usage:read"]);
    await key(`${name}Write`, organization.id, ["usage:write"]);
  }
  await key("serviceRead", null, ["usage:read"]);
  await key("serviceWrite", null, ["usage:write"]);
  await key("serviceLicenses", null, ["licenses:read"]);
  // STARTER allows 10 courses, 100 users, 10,000 API calls: each step crosses 80 % or 100 %.
  let events = 0;
  const track = async (writer: string, metric: string, value: number) => {
    const answer = await rest("POST", "/api/v1/usage/events", {
      key: keys[writer],
      body: { metric, value, idempotencyKey: `e-${events++}` },
    });
    expect(answer.status).toBe(200);
    clock.advance(1000);
  };
  await track("aWrite", "COURSES", 8); // A: COURSES 80
  await track("aWrite", "API_CALLS", 9000); // A: API_CALLS 80
  await track("bWrite", "COURSES", 9); // B: COURSES 80
  await track("aWrite", "COURSES", 10); // A: COURSES 100 (a gauge: the new level)
  await track("aWrite", "ACTIVE_USERS", 100); // A: ACTIVE_USERS 80 and 100, one instant
}, 60_000);
afterAll(() => app?.close());

const envelope = (answer: { body: unknown }) => (answer.body as ErrorEnvelope).error;
const get = <T>(path: string, key: string | undefined, headers: Record<string, string> = {}) =>
  rest<T>("GET", `/api${path}`, { key, headers });

describe("usage of one organisation", () => {
  it("current usage and limits, for a service key and the organisation's own key", async () => {
    for (const key of [keys.serviceRead, keys.aRead]) {
      const current = await get<{ period: string; usage: Record<string, number> }>(
        `/v1/organizations/${orgs.a}/usage`,
        key,
      );
      expect(current.status).toBe(200);
      expect(current.body).toMatchObject({ period: "2026-06", usage: { COURSES: 10, API_CALLS: 9000 } });
      const limits = await get<{ tier: string; metrics: Record<string, unknown> }>(
        `/v1/organizations/${orgs.a}/usage/limits`,
        key,
      );
      expect(limits.body.tier).toBe("STARTER");
      expect(limits.body.metrics.COURSES).toEqual({ used: 10, limit: 10, percent: 100, status: "EXCEEDED" });
      expect(limits.body.metrics.API_CALLS).toMatchObject({ percent: 90, status: "WARNING" });
    }
  });

  it("a daily report as JSON, and the same report as CSV on Accept: text/csv", async () => {
    const path = `/v1/organizations/${orgs.a}/usage/report?from=2026-06-14&to=2026-06-16`;
    const json = await get<{
      days: string[];
      series: Record<string, unknown[]>;
      totals: Record<string, number>;
    }>(path, keys.aRead);
    expect(json.status).toBe(200);
    expect(json.body.days).toEqual(["2026-06-14", "2026-06-15", "2026-06-16"]);
    expect(json.body.series.COURSES).toEqual([{ day: "2026-06-15", value: 10 }]);
    expect(json.body.totals).toMatchObject({ COURSES: 10, API_CALLS: 9000, ACTIVE_USERS: 100 });
    const csv = await get<string>(path, keys.serviceRead, { accept: "text/csv" });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    const rows = csv.text.trim().split("\n");
    expect(rows[0]).toBe("day,metric,value");
    expect(rows).toContain("2026-06-15,COURSES,10");
    // formula-safe: no cell a spreadsheet would evaluate
    expect(rows.flatMap((row) => row.split(",")).filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
  });

  it("refuses a bad range with 400 naming the field", async () => {
    const report = (query: string) =>
      get(`/v1/organizations/${orgs.a}/usage/report?${query}`, keys.serviceRead);
    for (const [query, field] of [
      ["from=2026-06-16&to=2026-06-14", "to"],
      ["from=2024-01-01&to=2026-06-14", "to"],
      ["from=someday&to=2026-06-14", "from"],
      ["from=2026-06-14", "to"],
    ] as const) {
      const answer = await report(query);
      expect(answer.status, query).toBe(400);
      expect(envelope(answer).field, query).toBe(field);
    }
    const badId = await get("/v1/organizations/not-a-uuid/usage", keys.serviceRead);
    expect(badId.status).toBe(400);
    expect(envelope(badId).field).toBe("organizationId");
  });

  it("an organisation key asking for another organisation answers 404", async () => {
    for (const path of ["usage", "usage/limits", "usage/report?from=2026-06-01&to=2026-06-30"]) {
      const answer = await get(`/v1/organizations/${orgs.b}/${path}`, keys.aRead);
      expect(answer.status, path).toBe(404);
      expect(envelope(answer).code).toBe("NOT_FOUND");
    }
  });

  it("a key without usage:read is refused with 403 on every read", async () => {
    for (const [key, path] of [
      [keys.aWrite, `/v1/organizations/${orgs.a}/usage`],
      [keys.aWrite, `/v1/organizations/${orgs.a}/usage/limits`],
      [keys.aWrite, `/v1/organizations/${orgs.a}/usage/report?from=2026-06-01&to=2026-06-30`],
      [keys.aWrite, "/v1/usage/alerts"],
      [keys.serviceLicenses, `/v1/organizations/${orgs.a}/usage`],
      [keys.serviceWrite, "/v1/usage/stats"],
      [keys.aRead, "/v1/usage/stats"],
    ] as const) {
      const answer = await get(path, key);
      expect(answer.status, path).toBe(403);
    }
  });
});

/** Every page of alerts, following nextCursor. */
const allPages = async (query: string, key: string | undefined) => {
  const seen: Alert[] = [];
  let cursor: string | null = "";
  for (let pages = 0; cursor !== null && pages < 20; pages++) {
    const suffix = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
    const page: { status: number; body: AlertPage } = await get<AlertPage>(
      `/v1/usage/alerts?${query}${suffix}`,
      key,
    );
    expect(page.status).toBe(200);
    seen.push(...page.body.items);
    cursor = page.body.nextCursor;
  }
  return seen;
};

describe("usage alerts", () => {
  it("pages through every alert once, newest first, ties in a stable order", async () => {
    const whole = await get<AlertPage>("/v1/usage/alerts?limit=100", keys.serviceRead);
    expect(whole.body.items).toHaveLength(6);
    expect(whole.body.nextCursor).toBeNull();
    const paged = await allPages("limit=2", keys.serviceRead);
    expect(paged.map((alert) => alert.id)).toEqual(whole.body.items.map((alert) => alert.id));
    const times = paged.map((alert) => alert.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it("filters by organisation, metric and acknowledgement; an organisation key sees only its own", async () => {
    const ofB = await allPages(`limit=1&organizationId=${orgs.b}`, keys.serviceRead);
    expect(ofB.map((alert) => [alert.organizationId, alert.metric])).toEqual([[orgs.b, "COURSES"]]);
    const courses = await allPages("limit=1&metric=COURSES", keys.serviceRead);
    expect(courses.map((alert) => alert.threshold).sort()).toEqual([100, 80, 80]);
    const own = await allPages(`limit=2&organizationId=${orgs.b}`, keys.aRead);
    expect(own).toHaveLength(5);
    expect(own.every((alert) => alert.organizationId === orgs.a)).toBe(true);
    const open = await allPages("limit=3&acknowledged=false", keys.aRead);
    expect(open.length).toBeGreaterThan(0);
    const bad = await get("/v1/usage/alerts?acknowledged=yes", keys.serviceRead);
    expect(envelope(bad).field).toBe("acknowledged");
  });

  it("refuses a cursor it did not issue with 400 naming cursor", async () => {
    const forged = btoa(JSON.stringify(["2026-99-99T00:00:00Z", "5f0c7a3e-8a4b-4c1e-9d55-1f0e2b7c9a10"]));
    for (const cursor of ["nonsense", forged.replace(/=+$/, "")]) {
      const answer = await get(`/v1/usage/alerts?cursor=${cursor}`, keys.serviceRead);
      expect(answer.status, cursor).toBe(400);
      expect(envelope(answer).field).toBe("cursor");
    }
  });

  it("acknowledges an alert once; again answers it unchanged; another organisation's is 404", async () => {
    const [alertOfB] = await allPages(`organizationId=${orgs.b}`, keys.serviceRead);
    const refused = await rest("POST", `/api/v1/usage/alerts/${alertOfB?.id}/acknowledge`, {
      key: keys.aWrite,
    });
    expect(refused.status).toBe(404);
    const stillOpen = await allPages("acknowledged=false", keys.bRead);
    expect(stillOpen.map((alert) => alert.id)).toContain(alertOfB?.id);

    const [alertOfA] = await allPages("limit=1", keys.aRead);
    const acknowledge = (key: string | undefined) =>
      rest<Ack>("POST", `/api/v1/usage/alerts/${alertOfA?.id}/acknowledge`, { key });
    expect((await acknowledge(keys.aRead)).status).toBe(403);
    const first = await acknowledge(keys.aWrite);
    expect(first.status).toBe(200);
    expect(first.body.acknowledgedAt).not.toBeNull();
    expect(first.body.acknowledgedBy).toMatch(/^api-key:/);
    clock.advance(60_000);
    const again = await acknowledge(keys.serviceWrite);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const acknowledged = await allPages("acknowledged=true", keys.aRead);
    expect(acknowledged.map((alert) => alert.id)).toEqual([alertOfA?.id]);

    const byService = await rest<Ack>("POST", `/api/v1/usage/alerts/${alertOfB?.id}/acknowledge`, {
      key: keys.serviceWrite,
    });
    expect(byService.body.organizationId).toBe(orgs.b);
    const unknown = await rest(
      "POST",
      "/api/v1/usage/alerts/5f0c7a3e-8a4b-4c1e-9d55-1f0e2b7c9a10/acknowledge",
      {
        key: keys.serviceWrite,
      },
    );
    expect(unknown.status).toBe(404);
  });
});

describe("alert cursors", () => {
  it("keep microseconds: rows apart by less than a millisecond are neither skipped nor repeated", async () => {
    // Rows written with the database's now() carry microseconds, which a JS Date would drop.
    const alert = (period: string, at: string) => ({
      licenseId: licenseIds.b,
      organizationId: orgs.b,
      metric: "STORAGE_BYTES" as const,
      threshold: 80,
      period,
      used: 8,
      limit: 10,
      createdAt: sql`${at}::timestamptz` as unknown as Date,
    });
    const rows = await app.deps.db
      .insert(usageAlerts)
      .values([
        alert("2026-01", "2026-06-15T11:00:00.000200Z"),
        alert("2026-02", "2026-06-15T11:00:00.000700Z"),
      ])
      .returning({ id: usageAlerts.id });
    const paged = await allPages("limit=1&metric=STORAGE_BYTES", keys.serviceRead);
    expect(paged.map((row) => row.id)).toEqual([rows[1]?.id, rows[0]?.id]);
  });
});

describe("platform usage stats", () => {
  it("lists organisations closest to a limit first, for service keys only", async () => {
    const stats = await get<{
      organizations: { items: { organizationId: string; worstStatus: string }[]; total: number };
      atRisk: { total: number };
      topConsumers: Record<string, { organizationId: string; used: number }[]>;
    }>("/v1/usage/stats?top=1&pageSize=10", keys.serviceRead);
    expect(stats.status).toBe(200);
    expect(stats.body.organizations.items.map((entry) => entry.organizationId)).toEqual([orgs.a, orgs.b]);
    expect(stats.body.atRisk.total).toBe(2);
    expect(stats.body.topConsumers.API_CALLS).toEqual([
      expect.objectContaining({ organizationId: orgs.a, used: 9000 }),
    ]);
    const bad = await get("/v1/usage/stats?top=0", keys.serviceRead);
    expect(bad.status).toBe(400);
    expect(envelope(bad).field).toBe("top");
  });
});
