import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ErrorEnvelope } from "../src/rest/envelope.ts";
import { useRestClient } from "./support/rest-client.ts";
import { type SupportDesk, startSupportDesk, type TicketBody } from "./support/rest-support-desk.ts";

/** REST tickets: opening them with either kind of key, the filtered cursor list, the queues, stats. */
let desk: SupportDesk;
const rest = useRestClient("rest-support.test.ts", () => desk.app.url);
const HOUR = 3_600_000;
type Page = { items: (TicketBody & { organizationName: string })[]; nextCursor: string | null };

beforeAll(async () => {
  desk = await startSupportDesk();
}, 60_000);
afterAll(() => desk?.app.close());

const envelope = (answer: { body: unknown }) => (answer.body as ErrorEnvelope).error;
const open = (key: string, body: Record<string, unknown>) =>
  rest<TicketBody>("POST", "/api/v1/tickets", {
    key,
    body: { subject: "Sign-in loop", description: "Learners bounce back", ...body },
  });

/** Every page of a list, following nextCursor; the ids in the order served. */
const allPages = async (key: string, query: string) => {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const path = `/api/v1/tickets?${query}${cursor ? `&cursor=${cursor}` : ""}`;
    const page: { status: number; body: Page } = await rest<Page>("GET", path, { key });
    expect(page.status).toBe(200);
    ids.push(...page.body.items.map((item) => item.id));
    cursor = page.body.nextCursor;
    pages++;
  } while (cursor && pages < 50);
  return { ids, pages };
};

describe("POST /v1/tickets", () => {
  it("opens for the organisation a service key names, and for an organisation key's own, with 201 + Location", async () => {
    const byService = await open(desk.keys.service, { organizationId: desk.orgB, priority: "HIGH" });
    expect(byService.status).toBe(201);
    expect(byService.body).toMatchObject({ organizationId: desk.orgB, priority: "HIGH", status: "OPEN" });
    expect(byService.headers.get("location")).toBe(`/api/v1/tickets/${byService.body.id}`);
    const byOrganization = await open(desk.keys.orgA, {});
    expect(byOrganization.status).toBe(201);
    expect(byOrganization.body.organizationId).toBe(desk.orgA);
  });

  it("refuses bad input naming the field and writes nothing", async () => {
    const before = await desk.counts();
    const noOrganization = await open(desk.keys.service, {});
    expect(noOrganization.status).toBe(400);
    expect(envelope(noOrganization)).toMatchObject({ code: "VALIDATION_FAILED", field: "organizationId" });
    const badPriority = await open(desk.keys.orgA, { priority: "URGENT" });
    expect(envelope(badPriority)).toMatchObject({ code: "VALIDATION_FAILED", field: "priority" });
    expect(await desk.counts()).toEqual(before);
  });

  it("answers 404 to an organisation key naming another organisation, 403 without the scope", async () => {
    const before = await desk.counts();
    const foreign = await open(desk.keys.orgA, { organizationId: desk.orgB });
    expect(foreign.status).toBe(404);
    expect((await open(desk.keys.serviceRead, { organizationId: desk.orgA })).status).toBe(403);
    expect((await open(desk.keys.serviceLicenses, { organizationId: desk.orgA })).status).toBe(403);
    expect(await desk.counts()).toEqual(before);
  });
});

describe("GET /v1/tickets", () => {
  it("pages through the filtered list in a stable order, each ticket once", async () => {
    // Five at one instant (the id breaks the tie), four more a minute apart; some LOW, some not.
    const lows: string[] = [];
    for (let index = 0; index < 9; index++) {
      if (index >= 5) desk.clock.advance(60_000);
      const priority = index % 3 === 2 ? "NORMAL" : "LOW";
      const created = await open(desk.keys.service, { organizationId: desk.orgA, priority });
      if (priority === "LOW") lows.push(created.body.id);
    }
    const { ids, pages } = await allPages(
      desk.keys.serviceRead,
      `priority=LOW&organizationId=${desk.orgA}&limit=2`,
    );
    expect(pages).toBe(Math.ceil(lows.length / 2));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...lows].sort());
    const newestFirst = await rest<Page>("GET", "/api/v1/tickets?priority=LOW&limit=100", {
      key: desk.keys.service,
    });
    expect(newestFirst.body.items.map((item) => item.id)).toEqual(ids);
    const byDue = await allPages(desk.keys.service, "priority=LOW&sort=dueAt&openOnly=true&limit=3");
    expect([...byDue.ids].sort()).toEqual([...lows].sort());
  });

  it("sorts by due time with tickets waiting on the customer (no due time) last, paging through them", async () => {
    const waiting: string[] = [];
    for (let index = 0; index < 3; index++) {
      const ticket = await open(desk.keys.service, { organizationId: desk.orgB, priority: "LOW" });
      const path = `/api/v1/tickets/${ticket.body.id}`;
      await rest("POST", `${path}/replies`, { key: desk.keys.service, body: { body: "Which browser?" } });
      await rest("POST", `${path}/status`, {
        key: desk.keys.service,
        body: { status: "WAITING_ON_CUSTOMER" },
      });
      waiting.push(ticket.body.id);
    }
    const byDue = await allPages(desk.keys.service, `organizationId=${desk.orgB}&sort=dueAt&limit=2`);
    const byCreation = await allPages(desk.keys.service, `organizationId=${desk.orgB}&limit=2`);
    expect(new Set(byDue.ids).size).toBe(byDue.ids.length);
    expect([...byDue.ids].sort()).toEqual([...byCreation.ids].sort());
    expect(byDue.ids.slice(-3).sort()).toEqual([...waiting].sort());
  });

  it("shows an organisation key only its own tickets, whatever organisationId it asks for", async () => {
    const own = await allPages(desk.keys.orgB, `organizationId=${desk.orgA}&limit=100`);
    expect(own.ids.length).toBeGreaterThan(0);
    const page = await rest<Page>("GET", "/api/v1/tickets?limit=100", { key: desk.keys.orgB });
    expect(page.body.items.every((item) => item.organizationId === desk.orgB)).toBe(true);
    expect((await rest("GET", "/api/v1/tickets", { key: desk.keys.orgAWriteOnly })).status).toBe(403);
  });

  it("refuses a cursor it did not issue and a bad filter, naming them", async () => {
    const badCursor = await rest("GET", "/api/v1/tickets?cursor=bm9wZQ", { key: desk.keys.service });
    expect(envelope(badCursor)).toMatchObject({ code: "VALIDATION_FAILED", field: "cursor" });
    const forged = btoa(JSON.stringify(["yesterday", "00000000-0000-4000-8000-000000000000"]));
    const forgedCursor = await rest("GET", `/api/v1/tickets?cursor=${forged}`, { key: desk.keys.service });
    expect(envelope(forgedCursor)).toMatchObject({ code: "VALIDATION_FAILED", field: "cursor" });
    const badStatus = await rest("GET", "/api/v1/tickets?status=SLEEPING", { key: desk.keys.service });
    expect(envelope(badStatus)).toMatchObject({ code: "VALIDATION_FAILED", field: "status" });
  });
});

describe("GET /v1/tickets/open, /breached and /stats", () => {
  it("lists open and breached tickets in cursor pages, for service keys only", async () => {
    const late = await open(desk.keys.service, { organizationId: desk.orgB, priority: "CRITICAL" });
    desk.clock.advance(48 * HOUR); // past every first-response target
    const breached = await rest<Page>("GET", "/api/v1/tickets/breached?limit=100", {
      key: desk.keys.serviceRead,
    });
    expect(breached.body.items.map((item) => item.id)).toContain(late.body.id);
    const first = await rest<Page>("GET", "/api/v1/tickets/open?limit=1", { key: desk.keys.serviceRead });
    expect(first.body.items).toHaveLength(1);
    expect(first.body.items[0]?.id).toBe(late.body.id); // the most urgent due time
    const second = await rest<Page>("GET", `/api/v1/tickets/open?limit=1&cursor=${first.body.nextCursor}`, {
      key: desk.keys.serviceRead,
    });
    expect(second.body.items[0]?.id).not.toBe(late.body.id);
    expect((await rest("GET", "/api/v1/tickets/open", { key: desk.keys.orgA })).status).toBe(403);
    expect((await rest("GET", "/api/v1/tickets/breached", { key: desk.keys.serviceLicenses })).status).toBe(
      403,
    );
  });

  it("answers the support stats for a period, and 400 naming `to` when it precedes `from`", async () => {
    const stats = await rest<{ period: { created: number }; byStatus: Record<string, number> }>(
      "GET",
      "/api/v1/tickets/stats?from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z",
      { key: desk.keys.serviceRead },
    );
    expect(stats.status).toBe(200);
    expect(stats.body.period.created).toBe((await desk.counts()).tickets);
    const backwards = await rest("GET", "/api/v1/tickets/stats?from=2026-02-01&to=2026-01-01", {
      key: desk.keys.serviceRead,
    });
    expect(envelope(backwards)).toMatchObject({ code: "VALIDATION_FAILED", field: "to" });
    expect(
      (await rest("GET", "/api/v1/tickets/stats?from=2026-01-01&to=2026-02-01", { key: desk.keys.orgA }))
        .status,
    ).toBe(403);
  });
});
