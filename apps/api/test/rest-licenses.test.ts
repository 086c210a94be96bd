import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ErrorEnvelope } from "../src/rest/envelope.ts";
import { useRestClient } from "./support/rest-client.ts";
import { startLicenseApp } from "./support/rest-license-fixtures.ts";

/** Listing, searching, counting and the expiring list over REST (service keys). */
let fixture: Awaited<ReturnType<typeof startLicenseApp>>;
const rest = useRestClient("rest-licenses.test.ts", () => fixture.app.url);
type License = {
  id: string;
  status: string;
  tier: string;
  createdAt: string;
  expiresAt: string;
  keyLast4: string;
};
type Page = { items: License[]; nextCursor: string | null };
let reader = "";
/** Five licenses of organisations whose slugs start with "page-", oldest first. */
const paged: License[] = [];

beforeAll(async () => {
  fixture = await startLicenseApp("rest-licenses-test");
  reader = await fixture.serviceKey("licenses:read");
  for (const [index, tier] of (
    ["STARTER", "PROFESSIONAL", "STARTER", "ENTERPRISE", "STARTER"] as const
  ).entries()) {
    const organization = await fixture.organization(`page-${index}`);
    const { license } = await fixture.license(organization.id, { tier, active: index !== 4 });
    paged.push(license as unknown as License);
    // The third and fourth share a created_at, across a page boundary: the id settles their order.
    if (index !== 2) fixture.clock.advance(1_000);
  }
}, 60_000);
afterAll(() => fixture?.app.close());

const list = (query: string, key = reader) => rest<Page>("GET", `/api/v1/licenses?${query}`, { key });
const envelope = (answer: { body: unknown }) => (answer.body as ErrorEnvelope).error;
const newestFirst = (licenses: License[]) =>
  [...licenses].sort((a, b) => time(b.createdAt) - time(a.createdAt) || b.id.localeCompare(a.id));
const time = (value: string | Date) => new Date(value).getTime();

describe("GET /v1/licenses", () => {
  it("pages newest first, each row once, even when a license is created between pages", async () => {
    const seen: License[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const answer = await list(`search=page-&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(answer.status).toBe(200);
      seen.push(...answer.body.items);
      cursor = answer.body.nextCursor;
      pages++;
      if (pages === 1) {
        fixture.clock.advance(1_000);
        const late = await fixture.organization("page-late");
        await fixture.license(late.id, { tier: "PROFESSIONAL" });
      }
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen.map((license) => license.id)).toEqual(newestFirst(paged).map((license) => license.id));
    const again = await list("search=page-&limit=100");
    expect(again.body.items).toHaveLength(6); // the late one is there for the next reader
    expect(again.body.nextCursor).toBeNull();
  });

  it("filters by tier, effective status, organisation, expiry window and search", async () => {
    const ids = async (query: string) => (await list(`search=page-&${query}`)).body.items.map((l) => l.id);
    expect(await ids("tier=STARTER")).toEqual(
      newestFirst(paged.filter((license) => license.tier === "STARTER")).map((license) => license.id),
    );
    expect(await ids("status=PENDING")).toEqual([paged[4]?.id]);
    expect(await ids(`organizationId=${(await fixture.organization("page-alone")).id}`)).toEqual([]);
    const first = paged[0] as License & { organizationId: string };
    expect(await ids(`organizationId=${first.organizationId}`)).toEqual([first.id]);
    expect((await list(`search=${encodeURIComponent(`…${first.keyLast4}`)}`)).body.items[0]?.id).toBe(
      first.id,
    );
    expect(await ids("expiringWithinDays=30")).toEqual([]);
    expect((await ids("expiringWithinDays=400")).length).toBe(5); // four here and the late one
  });

  it("lists an ACTIVE license past its expiry as EXPIRED, as the console does", async () => {
    const start = fixture.clock.now();
    try {
      fixture.clock.advance(400 * 86_400_000);
      const expired = (await list("search=page-&status=EXPIRED&limit=100")).body.items;
      expect(expired.length).toBe(5);
      expect(expired.every((license) => license.status === "EXPIRED")).toBe(true);
      expect((await list("search=page-&status=ACTIVE")).body.items).toEqual([]);
      const stats = await rest<{ byStatus: Record<string, number> }>("GET", "/api/v1/licenses/stats", {
        key: reader,
      });
      expect(stats.body.byStatus).toMatchObject({ ACTIVE: 0, EXPIRED: 5 });
    } finally {
      fixture.clock.set(start);
    }
  });

  it("refuses bad filters and cursors naming the field", async () => {
    for (const [query, field] of [
      ["limit=0", "limit"],
      ["status=GOLD", "status"],
      ["expiringWithinDays=-1", "expiringWithinDays"],
      ["organizationId=nope", "organizationId"],
      ["cursor=bm90LWEtY3Vyc29y", "cursor"],
      [
        `cursor=${Buffer.from('["2026-02-30T00:00:00.000000Z","00000000-0000-4000-8000-000000000000"]').toString("base64url")}`,
        "cursor",
      ],
    ]) {
      const answer = await list(query ?? "");
      expect(answer.status, query).toBe(400);
      expect(envelope(answer).field, query).toBe(field);
    }
  });

  it("needs licenses:read", async () => {
    const answer = await list("", await fixture.serviceKey("usage:read"));
    expect(answer.status).toBe(403);
    expect(envelope(answer).code).toBe("FORBIDDEN");
  });
});

describe("GET /v1/licenses/stats and /v1/licenses/expiring", () => {
  it("counts by tier and effective status", async () => {
    const answer = await rest<{
      total: number;
      byStatus: Record<string, number>;
      byTier: Record<string, Record<string, number>>;
      seats: { licensed: number };
    }>("GET", "/api/v1/licenses/stats", { key: reader });
    expect(answer.status).toBe(200);
    const all = (await list("limit=100")).body.items;
    expect(answer.body.total).toBe(all.length);
    expect(answer.body.byStatus.PENDING).toBe(all.filter((license) => license.status === "PENDING").length);
    expect(answer.body.byTier.ENTERPRISE?.ACTIVE).toBe(1);
    expect(answer.body.seats.licensed).toBeGreaterThan(0);
  });

  it("lists ACTIVE licenses expiring within the days asked, soonest first", async () => {
    const expiring = (days: string) =>
      rest<{ items: License[] }>("GET", `/api/v1/licenses/expiring${days}`, { key: reader });
    expect((await expiring("")).body.items).toEqual([]); // 30 days by default; all run a year
    const year = await expiring("?days=400");
    expect(year.status).toBe(200);
    const active = (await list("status=ACTIVE&limit=100")).body.items;
    expect(year.body.items.map((license) => license.id).sort()).toEqual(active.map((l) => l.id).sort());
    const expiries = year.body.items.map((license) => time(license.expiresAt));
    expect(expiries).toEqual([...expiries].sort((a, b) => a - b));
    const bad = await expiring("?days=forever");
    expect(bad.status).toBe(400);
    expect(envelope(bad).field).toBe("days");
  });
});
