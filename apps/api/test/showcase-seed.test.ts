import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import {
  customizations,
  licenses,
  organizations,
  supportMacros,
  ticketMessages,
  ticketSatisfaction,
  tickets,
  usageAlerts,
  webhookDeliveries,
} from "@tessera/db/schema";
import { count, countDistinct, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDeps } from "../src/app.ts";
import { fixedClock } from "../src/clock.ts";
import { loadConfig } from "../src/config.ts";
import type { AppDeps } from "../src/context.ts";
import { ensureSigningKey } from "../src/licenses/signing-keys.ts";
import { seedDemo } from "../src/seed/demo.ts";
import { seedShowcase } from "../src/seed/showcase.ts";
import { getUsageReport } from "../src/usage/usage-report.ts";
import { openTestDatabase } from "./database.ts";

const NOW = new Date("2026-12-05T10:00:00.000Z");
const DAY = 86_400_000;
let deps: AppDeps;

beforeAll(async () => {
  const handle = await openTestDatabase();
  const config = loadConfig({
    LOG_LEVEL: "silent",
    DATA_DIR: `${tmpdir()}/tessera-test`,
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  });
  deps = createDeps(config, handle, fixedClock(NOW));
  await ensureSigningKey(deps);
  await seedDemo(deps);
  await seedShowcase(deps);
}, 120_000);

afterAll(async () => {
  await deps.svgSanitizer.close();
  await deps.samlXml.close();
  await deps.mailer.close();
  await deps.dbHandle.close();
});

const system = () => ({ db: deps.db, clock: deps.clock, actor: null, ip: null });

describe("the showcase a first `pnpm start` seeds", () => {
  it("has organisations across tiers and states: one near a limit, one expiring, one suspended", async () => {
    const rows = await deps.db
      .select({
        slug: organizations.slug,
        tier: licenses.tier,
        status: licenses.status,
        expiresAt: licenses.expiresAt,
      })
      .from(organizations)
      .leftJoin(licenses, eq(licenses.organizationId, organizations.id));
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(new Set(rows.map((row) => row.tier))).toEqual(
      new Set(["STARTER", "PROFESSIONAL", "ENTERPRISE", null]),
    );
    expect(rows.find((row) => row.slug === "hooli")?.status).toBe("SUSPENDED");
    const umbrella = rows.find((row) => row.slug === "umbrella");
    expect(umbrella?.status).toBe("ACTIVE");
    expect((umbrella?.expiresAt?.getTime() ?? 0) - NOW.getTime()).toBeLessThan(10 * DAY);
  });

  it("books 60 days of usage: Northwind's climb raised its 80 % user alert, Umbrella passed its API calls", async () => {
    const [northwind] = await deps.db.select().from(organizations).where(eq(organizations.slug, "northwind"));
    const report = await getUsageReport(system(), northwind?.id ?? "", {
      from: new Date(NOW.getTime() - 59 * DAY),
      to: NOW,
    });
    for (const metric of ["ACTIVE_USERS", "API_CALLS"] as const) {
      expect(report.series[metric].filter((point) => point.value > 0).length).toBeGreaterThanOrEqual(59);
    }
    const alerts = await deps.db
      .select({ slug: organizations.slug, metric: usageAlerts.metric, threshold: usageAlerts.threshold })
      .from(usageAlerts)
      .innerJoin(organizations, eq(organizations.id, usageAlerts.organizationId));
    expect(alerts).toContainEqual({ slug: "northwind", metric: "ACTIVE_USERS", threshold: 80 });
    expect(alerts).toContainEqual({ slug: "umbrella", metric: "API_CALLS", threshold: 100 });
  });

  it("has tickets in every state, with replies, an internal note, ratings and macros", async () => {
    const [states] = await deps.db.select({ states: countDistinct(tickets.status) }).from(tickets);
    expect(states?.states).toBe(5);
    const [notes] = await deps.db
      .select({ total: count() })
      .from(ticketMessages)
      .where(eq(ticketMessages.internal, true));
    expect(notes?.total).toBeGreaterThan(0);
    const [breached] = await deps.db
      .select({ total: count() })
      .from(tickets)
      .where(
        sql`${tickets.firstRespondedAt} is null and ${tickets.responseDueAt} < ${NOW.toISOString()}::timestamptz`,
      );
    expect(breached?.total).toBeGreaterThan(0);
    const ratings = await deps.db.select({ rating: ticketSatisfaction.rating }).from(ticketSatisfaction);
    expect(ratings.map((row) => row.rating).sort()).toEqual(["BAD", "GOOD"]);
    const [macros] = await deps.db.select({ total: count() }).from(supportMacros);
    expect(macros?.total).toBe(3);
  });

  it("has a verified custom domain and a webhook whose deliveries were answered", async () => {
    const domains = await deps.db
      .select({ status: sql<string>`${customizations.value}->>'status'` })
      .from(customizations)
      .where(eq(customizations.type, "DOMAIN"));
    expect(domains.map((domain) => domain.status)).toContain("VERIFIED");
    const deliveries = await deps.db
      .select({ status: webhookDeliveries.status, attempts: webhookDeliveries.attempts })
      .from(webhookDeliveries);
    expect(deliveries.length).toBeGreaterThan(3);
    expect(deliveries.every((delivery) => delivery.status === "DELIVERED")).toBe(true);
    expect(deliveries.some((delivery) => delivery.attempts === 2)).toBe(true);
  });
});
