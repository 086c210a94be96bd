import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestUsage } from "../src/usage/ingest.ts";
import { createTestHarness, type TestHarness } from "./harness.ts";

let h: TestHarness;
beforeAll(async () => {
  h = await createTestHarness();
});
afterAll(() => h.close());

const MINUTE = 60_000;
const METRICS = ["API_CALLS", "ACTIVE_USERS", "COURSES", "STORAGE_BYTES"] as const;

type Row = Record<string, unknown>;
const rows = (query: ReturnType<typeof sql>) => h.dbHandle.rows<Row>(query);
/** Rows as comparable text, whatever the driver made of bigints and dates. */
const normalized = (list: Row[]) =>
  list
    .map((row) =>
      Object.values(row)
        .map((value) => String(value))
        .join("|"),
    )
    .sort();

/** Each rollup as stored, and as recomputed from the raw events it was made from. */
const ROLLUPS = {
  daily: {
    stored: sql`select license_id, metric, day::text, value, events, last_occurred_at = (
                  select max(occurred_at) from usage_events e where e.license_id = d.license_id
                  and e.metric = d.metric and (e.occurred_at at time zone 'UTC')::date = d.day) as newest
                from usage_daily d`,
    recomputed: sql`select license_id, metric, day::text,
                  case when metric = 'API_CALLS' then sum(value)
                       else (array_agg(value order by occurred_at desc))[1] end as value,
                  count(*) as events, true as newest
                from (select *, (occurred_at at time zone 'UTC')::date as day from usage_events) e
                group by license_id, metric, day`,
  },
  monthly: {
    stored: sql`select license_id, metric, month::text, value from usage_monthly`,
    recomputed: sql`select license_id, metric, date_trunc('month', occurred_at at time zone 'UTC')::date::text,
                  case when metric = 'API_CALLS' then sum(value) else max(value) end
                from usage_events group by 1, 2, 3`,
  },
  latest: {
    stored: sql`select license_id, metric, value, occurred_at from usage_latest`,
    recomputed: sql`select distinct on (license_id, metric) license_id, metric, value, occurred_at
                from usage_events where metric <> 'API_CALLS' order by license_id, metric, occurred_at desc`,
  },
  platform: {
    stored: sql`select metric, month::text, sum(value) from usage_platform_monthly
                group by 1, 2 having sum(value) <> 0`,
    recomputed: sql`select metric, month::text, sum(value) from (
                  select license_id, metric, date_trunc('month', occurred_at at time zone 'UTC')::date as month,
                         case when metric = 'API_CALLS' then sum(value) else max(value) end as value
                  from usage_events group by 1, 2, 3) m
                group by 1, 2 having sum(value) <> 0`,
  },
};

// Distinct occurred times (a tie between two gauge readings has no "latest" to check).
let tick = 0;
const event = fc.record({
  metric: fc.constantFrom(...METRICS),
  value: fc.integer({ min: 0, max: 5000 }),
  // up to 35 days late (the harness clock sits on June 1st: most fall in May) or an hour early
  minutesAgo: fc.integer({ min: -59, max: 35 * 24 * 60 - 1 }),
  // a small pool of keys: retries within a batch, across batches and racing batches
  key: fc.integer({ min: 0, max: 40 }),
});
const batches = fc.array(fc.array(event, { minLength: 1, maxLength: 25 }), { minLength: 1, maxLength: 6 });

describe("usage rollups", () => {
  it("equal a recomputation from the raw events after random, duplicated, late and racing batches", async () => {
    const organizations = await Promise.all(
      ["STARTER", "ENTERPRISE"].map((tier) => h.newLicensedOrganization(tier as "STARTER" | "ENTERPRISE")),
    );
    await fc.assert(
      fc.asyncProperty(batches, fc.integer({ min: 0, max: 1 }), async (generated, pick) => {
        const organizationId = organizations[pick]?.organization.id ?? "";
        const now = h.clock.now().getTime();
        const sent = generated.map((batch) =>
          batch.map(({ minutesAgo, key, ...rest }) => ({
            ...rest,
            occurredAt: new Date(now - minutesAgo * MINUTE - (tick++ % MINUTE)),
            idempotencyKey: `rollup-${key}`,
          })),
        );
        await Promise.all(sent.map((events) => ingestUsage(h.system, organizationId, events)));
        for (const rollup of Object.values(ROLLUPS))
          expect(normalized(await rows(rollup.stored))).toEqual(normalized(await rows(rollup.recomputed)));
      }),
      { numRuns: 25 },
    );
  });

  it("reads this month's gauge from before the month's end when a reading an hour early crosses it", async () => {
    const { organization } = await h.newLicensedOrganization("ENTERPRISE");
    const monthEnd = new Date("2026-07-01T00:00:00.000Z").getTime();
    const start = h.clock.now().getTime();
    h.clock.advance(monthEnd - 30 * MINUTE - start);
    try {
      const now = h.clock.now().getTime();
      await ingestUsage(h.system, organization.id, [
        { metric: "ACTIVE_USERS", value: 5, occurredAt: new Date(now), idempotencyKey: "june" },
        { metric: "ACTIVE_USERS", value: 9, occurredAt: new Date(now + 45 * MINUTE), idempotencyKey: "july" },
      ]);
      const staff = await h.caller("staffAdmin");
      const current = await staff.usage.current({ organizationId: organization.id });
      expect(current.usage.ACTIVE_USERS).toBe(5);
      const stats = await staff.usage.stats({ pageSize: 100 });
      const entry = stats.organizations.items.find((item) => item.organizationId === organization.id);
      expect(entry?.usage.ACTIVE_USERS).toBe(5);
    } finally {
      h.clock.advance(start - h.clock.now().getTime());
    }
  });
});
