import { ticketSlaEvents, tickets } from "@tessera/db/schema";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSlaSweep } from "../src/support/sla-sweep.ts";
import { createTestHarness, type TestHarness } from "./harness.ts";

/**
 * The breach and at-risk lists and the queue order read the stored `response_due_at`, not the
 * computed clocks: LOW tickets (48 h before any cap) from each capped tier prove the stored
 * column carries the tier's cap — PROFESSIONAL 4 h, ENTERPRISE 1 h, CUSTOM its license's value.
 */
const HOUR = 3_600_000;
const CUSTOM_CAP_HOURS = 2;
const CAP_HOURS = { STARTER: 48, PROFESSIONAL: 4, CUSTOM: CUSTOM_CAP_HOURS, ENTERPRISE: 1 } as const;
type Tier = keyof typeof CAP_HOURS;

let h: TestHarness;
let openedFrom: Date;
/** Ticket id per tier, opened a minute apart in the reverse of their due order. */
const ids = {} as Record<Tier, string>;
const createdAt = {} as Record<Tier, Date>;

const organizationWith = async (tier: Tier) => {
  const staff = await h.caller("staffAdmin");
  const slug = `sla-${tier.toLowerCase()}`;
  const organization = await staff.organizations.create({
    name: slug,
    slug,
    contactName: "SLA",
    contactEmail: `sla@${slug}.test`,
  });
  const { license } = await staff.licenses.create(
    tier === "CUSTOM"
      ? {
          organizationId: organization.id,
          tier,
          termMonths: 12,
          customLimits: { ACTIVE_USERS: 10, COURSES: 10, API_CALLS: 1000, STORAGE_BYTES: 1e9 },
          supportResponseCapHours: CUSTOM_CAP_HOURS,
        }
      : { organizationId: organization.id, tier, termMonths: 12 },
  );
  await staff.licenses.activate({ licenseId: license.id });
  return organization.id;
};

beforeAll(async () => {
  h = await createTestHarness();
  const organizations = {} as Record<Tier, string>;
  for (const tier of Object.keys(CAP_HOURS) as Tier[]) organizations[tier] = await organizationWith(tier);
  h.clock.advance(24 * HOUR); // past every ticket the harness seeds
  openedFrom = h.clock.now();
  const staff = await h.caller("staffSupport");
  for (const tier of ["STARTER", "PROFESSIONAL", "CUSTOM", "ENTERPRISE"] as const) {
    const ticket = await staff.support.createForOrganization({
      organizationId: organizations[tier],
      subject: `${tier} question`,
      description: "x",
      priority: "LOW",
    });
    ids[tier] = ticket.id;
    createdAt[tier] = ticket.createdAt;
    h.clock.advance(60_000);
  }
}, 60_000);
afterAll(() => h.close());

const at = (tier: Tier, hours: number) => new Date(createdAt[tier].getTime() + hours * HOUR);
const ours = (listed: { id: string }[]) => {
  const byId = new Map(Object.entries(ids).map(([tier, id]) => [id, tier]));
  return listed.flatMap((ticket) => byId.get(ticket.id) ?? []);
};
const asOf = async <T>(now: Date, read: () => Promise<T>): Promise<T> => {
  const before = h.clock.now();
  h.clock.set(now);
  try {
    return await read();
  } finally {
    h.clock.set(before);
  }
};

describe("the stored first-response due time carries the tier cap", () => {
  it.each(Object.entries(CAP_HOURS))(
    "%s: due %i h after opening, resolution three times that",
    async (tier, hours) => {
      const [row] = await h.db
        .select()
        .from(tickets)
        .where(eq(tickets.id, ids[tier as Tier]));
      expect(row?.responseDueAt).toEqual(at(tier as Tier, hours));
      expect(row?.resolutionDueAt).toEqual(at(tier as Tier, 3 * hours));
    },
  );

  it("the queue sorted by due time puts ENTERPRISE, CUSTOM, PROFESSIONAL, STARTER in that order", async () => {
    const staff = await h.caller("staffAdmin");
    const queue = await staff.support.queue({ sort: "dueAt", createdFrom: openedFrom, pageSize: 100 });
    expect(ours(queue.items)).toEqual(["ENTERPRISE", "CUSTOM", "PROFESSIONAL", "STARTER"]);
    const open = await staff.support.open({ pageSize: 100 });
    expect(ours(open.items)).toEqual(["ENTERPRISE", "CUSTOM", "PROFESSIONAL", "STARTER"]);
  });

  it.each([
    [0.85, ["ENTERPRISE"]], // opened 3 min after STARTER: 0.2 h of 1 h left
    [1.6, ["CUSTOM"]], // about 0.43 h of 2 h left; ENTERPRISE is past due, no longer at risk
    [3.2, ["PROFESSIONAL"]], // 0.8 h of 4 h left
  ])("at %f h only %j is at risk", async (hours, expected) => {
    const now = at("STARTER", hours);
    const listed = await asOf(now, async () =>
      (await h.caller("staffAdmin")).support.queue({
        sla: "AT_RISK",
        createdFrom: openedFrom,
        pageSize: 100,
      }),
    );
    expect(ours(listed.items)).toEqual(expected);
  });

  it.each([
    [1.1, ["ENTERPRISE"]],
    [2.1, ["ENTERPRISE", "CUSTOM"]],
    [4.1, ["ENTERPRISE", "CUSTOM", "PROFESSIONAL"]],
  ])("at %f h the breached list holds %j, and the sweep records those breaches", async (hours, expected) => {
    const now = at("STARTER", hours);
    const breached = await asOf(now, async () =>
      (await h.caller("staffAdmin")).support.breached({ pageSize: 100 }),
    );
    expect(ours(breached.items)).toEqual(expected);
    const queued = await asOf(now, async () =>
      (await h.caller("staffAdmin")).support.queue({
        sla: "BREACHED",
        createdFrom: openedFrom,
        pageSize: 100,
      }),
    );
    expect(ours(queued.items)).toEqual(expected);
    await runSlaSweep(h.deps, now);
    const events = await h.db
      .select({ ticketId: ticketSlaEvents.ticketId })
      .from(ticketSlaEvents)
      .where(
        and(
          inArray(ticketSlaEvents.ticketId, Object.values(ids)),
          eq(ticketSlaEvents.kind, "BREACHED"),
          eq(ticketSlaEvents.clock, "FIRST_RESPONSE"),
        ),
      );
    expect(new Set(ours(events.map((event) => ({ id: event.ticketId }))))).toEqual(new Set(expected));
  });
});
