import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestUsage } from "../src/usage/ingest.ts";
import { ensureUsagePartitions } from "../src/usage/partitions.ts";
import { pruneUsageEvents } from "../src/usage/retention.ts";
import { createTestHarness, type TestHarness } from "./harness.ts";

/** usage_events partitioned by month: idempotency across months, the partition job, retention. */
let h: TestHarness;
beforeAll(async () => {
  h = await createTestHarness();
});
afterAll(() => h.close());

const at = (iso: string) => new Date(iso);
const ctx = () => ({ db: h.db, clock: h.clock, actor: null, ip: null, system: "test" });

/** Each of the organisation's events with the partition holding it, and its keys. */
const stored = async (organizationId: string) => ({
  events: await h.dbHandle.rows<{ key: string; part: string }>(sql`
    select idempotency_key as key, tableoid::regclass::text as part from usage_events
    where organization_id = ${organizationId} order by 1`),
  keys: await h.dbHandle.rows<{ key: string }>(sql`
    select idempotency_key as key from usage_event_keys where organization_id = ${organizationId} order by 1`),
});

const partitions = async () =>
  (
    await h.dbHandle.rows<{ name: string }>(sql`
      select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where i.inhparent = 'usage_events'::regclass order by 1`)
  ).map((row) => row.name);

describe("idempotency across partitions", () => {
  it("counts a retry once when its second attempt says the event occurred in the next month", async () => {
    await ensureUsagePartitions(h, at("2026-05-15T00:00:00Z"));
    const { organization } = await h.newLicensedOrganization("STARTER");
    const event = { metric: "API_CALLS" as const, value: 5, idempotencyKey: "straddle-1" };
    const first = await ingestUsage(ctx(), organization.id, [
      { ...event, occurredAt: at("2026-05-31T23:59:59Z") },
    ]);
    const retry = await ingestUsage(ctx(), organization.id, [
      { ...event, occurredAt: at("2026-06-01T00:00:01Z") },
    ]);
    expect([first.accepted, retry.accepted, retry.duplicates]).toEqual([1, 0, 1]);
    expect(await stored(organization.id)).toEqual({
      events: [{ key: "straddle-1", part: "usage_events_2026_05" }],
      keys: [{ key: "straddle-1" }],
    });
  });
});

describe("the partition job", () => {
  it("prepares this month and the next two, once, even when two instances run it together", async () => {
    const now = at("2027-03-10T00:00:00Z");
    const runs = await Promise.all([ensureUsagePartitions(h, now), ensureUsagePartitions(h, now)]);
    expect(runs.flat().sort()).toEqual([
      "usage_events_2027_03",
      "usage_events_2027_04",
      "usage_events_2027_05",
    ]);
    expect(await ensureUsagePartitions(h, now)).toEqual([]);
    expect(await partitions()).toEqual(
      expect.arrayContaining(["usage_events_2027_04", "usage_events_default"]),
    );
  });

  it("moves a month's events out of the default partition when that month's partition comes", async () => {
    const { organization } = await h.newLicensedOrganization("STARTER");
    h.clock.set(at("2027-08-02T00:00:00Z"));
    try {
      await ingestUsage(ctx(), organization.id, [{ metric: "COURSES", value: 2, idempotencyKey: "early" }]);
      expect((await stored(organization.id)).events).toEqual([
        { key: "early", part: "usage_events_default" },
      ]);
      expect(await ensureUsagePartitions(h, h.clock.now())).toContain("usage_events_2027_08");
      expect((await stored(organization.id)).events).toEqual([
        { key: "early", part: "usage_events_2027_08" },
      ]);
    } finally {
      h.clock.set(at("2026-06-01T12:00:00Z"));
    }
  });
});

describe("retention", () => {
  /** An event stored straight into the table (ingestion refuses months-old events). */
  const insert = (
    license: { id: string; organizationId: string },
    key: string,
    occurred: string,
    received: string,
  ) =>
    h.dbHandle.rows(sql`
      with k as (
        insert into usage_event_keys (organization_id, idempotency_key, license_id, occurred_at, event_id)
        values (${license.organizationId}, ${key}, ${license.id}, ${occurred}::timestamptz, gen_random_uuid())
        returning event_id
      )
      insert into usage_events (id, organization_id, license_id, metric, value, occurred_at, idempotency_key, received_at)
      select event_id, ${license.organizationId}, ${license.id}, 'API_CALLS', 1, ${occurred}::timestamptz, ${key}, ${received}::timestamptz from k`);

  it("drops months wholly past 90 days, keeps a month with a late event, and deletes expired rows at the edge", async () => {
    await ensureUsagePartitions(h, at("2025-12-01T00:00:00Z"));
    await ensureUsagePartitions(h, at("2026-03-01T00:00:00Z"));
    const { license } = await h.newLicensedOrganization("STARTER");
    await insert(license, "dec", "2025-12-10T00:00:00Z", "2025-12-10T00:00:00Z");
    await insert(license, "jan", "2026-01-10T00:00:00Z", "2026-01-10T00:00:00Z");
    await insert(license, "feb-late", "2026-02-20T00:00:00Z", "2026-03-20T00:00:00Z");
    await insert(license, "mar-old", "2026-03-05T00:00:00Z", "2026-03-05T00:00:00Z");
    await insert(license, "mar-new", "2026-03-25T00:00:00Z", "2026-03-25T00:00:00Z");
    // cutoff 2026-03-15: December and January are past it whole; February's month is, but
    // one of its events was received after it; March straddles it.
    const result = await pruneUsageEvents(h, at("2026-06-13T00:00:00Z"));
    expect(result.partitionsDropped).toEqual(["usage_events_2025_12", "usage_events_2026_01"]);
    expect(result.eventsDeleted).toBeGreaterThanOrEqual(1);
    const left = await partitions();
    expect(left).not.toContain("usage_events_2026_01");
    expect(left).toContain("usage_events_2026_02");
    expect(await stored(license.organizationId)).toEqual({
      events: [
        { key: "feb-late", part: "usage_events_2026_02" },
        { key: "mar-new", part: "usage_events_2026_03" },
      ],
      keys: [{ key: "feb-late" }, { key: "mar-new" }],
    });
  });
});
