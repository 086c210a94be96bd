import { notifications, tickets, users } from "@tessera/db/schema";
import { ORGANIZATION_QUOTAS, QUOTA_DAY_MS } from "@tessera/domain";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../src/api-keys/service.ts";
import { addMember } from "../src/team/service.ts";
import {
  type Caller,
  createTestHarness,
  errorCode,
  errorField,
  TEST_PASSWORD,
  type TestHarness,
} from "./harness.ts";

let h: TestHarness;
beforeAll(async () => {
  h = await createTestHarness();
});
afterAll(() => h.close());

const where = () =>
  h.dbHandle.kind === "postgres" ? "racing on PostgreSQL" : "queued by PGlite, cannot race";

let owners = 0;
/** A fresh organisation (so each quota starts empty) with a signed-in OWNER and a platform key. */
const organizationWithOwner = async (): Promise<{
  caller: Caller;
  organizationId: string;
  platform: Caller;
}> => {
  const { organization } = await h.newLicensedOrganization("PROFESSIONAL");
  const user = await addMember(h.system, organization.id, {
    name: "Quota Owner",
    email: `quota${owners++}@${organization.slug}.test`,
    password: TEST_PASSWORD,
    role: "OWNER",
  });
  const { key } = await createApiKey(h.system, {
    organizationId: organization.id,
    name: "platform",
    scopes: ["tickets:write"],
  });
  return {
    caller: await h.callerWithToken(await h.sessionToken(user.id)),
    organizationId: organization.id,
    platform: await h.callerWithApiKey(key),
  };
};

/** Tickets written straight to the table, as if opened earlier. */
const fillTickets = async (
  organizationId: string,
  total: number,
  priority: "NORMAL" | "CRITICAL",
  createdAt = h.clock.now(),
) => {
  const rows = Array.from({ length: total }, () => ({
    organizationId,
    subject: "Filler",
    description: "Filler",
    priority,
    requesterLabel: "fixture",
    responseDueAt: createdAt,
    createdAt,
    updatedAt: createdAt,
  }));
  for (let start = 0; start < rows.length; start += 250)
    await h.db.insert(tickets).values(rows.slice(start, start + 250));
};

const ticket = (priority: "LOW" | "CRITICAL" = "LOW") => ({
  subject: "Help",
  description: "Please",
  priority,
});

describe("quotas: open tickets", () => {
  it("refuses the 501st open ticket with QUOTA_EXCEEDED, from the portal and from a key alike, until one is closed", async () => {
    const { caller, organizationId, platform } = await organizationWithOwner();
    await fillTickets(organizationId, ORGANIZATION_QUOTAS.OPEN_TICKETS - 1, "NORMAL");
    const last = await caller.support.create(ticket());
    expect(await errorCode(caller.support.create(ticket()))).toBe("QUOTA_EXCEEDED");
    expect(await errorCode(platform.support.createViaApi(ticket()))).toBe("QUOTA_EXCEEDED");
    await h.moveTicket(last.id, ["IN_PROGRESS", "RESOLVED"]);
    expect(await errorCode(platform.support.createViaApi(ticket()))).toBe("OK");
  });

  it("answers 409 with the quota named in the error's details", async () => {
    const { caller, organizationId } = await organizationWithOwner();
    await fillTickets(organizationId, ORGANIZATION_QUOTAS.OPEN_TICKETS, "NORMAL");
    const error = await caller.support.create(ticket()).catch((caught: { cause?: unknown }) => caught.cause);
    expect(error).toMatchObject({
      code: "QUOTA_EXCEEDED",
      status: 409,
      details: { quota: "OPEN_TICKETS", limit: 500 },
    });
  });
});

describe("quotas: CRITICAL tickets per 24 hours", () => {
  it("refuses the 21st CRITICAL ticket of a day, naming priority, and notifies no one of it; lower priorities still open", async () => {
    const { caller, organizationId } = await organizationWithOwner();
    await fillTickets(organizationId, ORGANIZATION_QUOTAS.CRITICAL_TICKETS_PER_DAY - 1, "CRITICAL");
    expect(await errorCode(caller.support.create(ticket("CRITICAL")))).toBe("OK");
    const noticesBefore = await h.db.select({ total: count() }).from(notifications);
    expect(await errorCode(caller.support.create(ticket("CRITICAL")))).toBe("QUOTA_EXCEEDED");
    expect(await errorField(caller.support.create(ticket("CRITICAL")))).toBe("priority");
    expect(await h.db.select({ total: count() }).from(notifications)).toEqual(noticesBefore);
    expect(await errorCode(caller.support.create(ticket("LOW")))).toBe("OK");
  });

  it("counts the last 24 hours only", async () => {
    const { caller, organizationId } = await organizationWithOwner();
    const yesterday = new Date(h.clock.now().getTime() - QUOTA_DAY_MS - 1_000);
    await fillTickets(organizationId, ORGANIZATION_QUOTAS.CRITICAL_TICKETS_PER_DAY, "CRITICAL", yesterday);
    expect(await errorCode(caller.support.create(ticket("CRITICAL")))).toBe("OK");
  });

  it("of 6 concurrent CRITICAL tickets for the last place of the day, one is opened", async () => {
    const { caller, organizationId } = await organizationWithOwner();
    await fillTickets(organizationId, ORGANIZATION_QUOTAS.CRITICAL_TICKETS_PER_DAY - 1, "CRITICAL");
    const results = await Promise.all(
      Array.from({ length: 6 }, () => errorCode(caller.support.create(ticket("CRITICAL")))),
    );
    expect(results.sort(), where()).toEqual(["OK", ...Array(5).fill("QUOTA_EXCEEDED")]);
    const [row] = await h.db
      .select({ total: count() })
      .from(tickets)
      .where(eq(tickets.organizationId, organizationId));
    expect(row?.total).toBe(ORGANIZATION_QUOTAS.CRITICAL_TICKETS_PER_DAY);
  });
});

describe("quotas: API keys and team members", () => {
  it("a revoked key frees its place", async () => {
    const { caller, organizationId } = await organizationWithOwner();
    for (let index = 1; index < ORGANIZATION_QUOTAS.API_KEYS; index++) {
      await createApiKey(h.system, { organizationId, name: `key ${index}`, scopes: ["usage:write"] });
    }
    expect(
      await errorCode(caller.apiKeys.createMine({ name: "one too many", scopes: ["usage:write"] })),
    ).toBe("QUOTA_EXCEEDED");
    const [oldest] = await caller.apiKeys.mine();
    if (!oldest) throw new Error("no keys");
    await caller.apiKeys.revokeMine({ apiKeyId: oldest.id });
    expect(
      await errorCode(caller.apiKeys.createMine({ name: "in its place", scopes: ["usage:write"] })),
    ).toBe("OK");
  });

  it("refuses the 1,001st member, and answers an address held elsewhere the same way", async () => {
    const { caller, organizationId } = await organizationWithOwner();
    const [members] = await h.db
      .select({ total: count() })
      .from(users)
      .where(eq(users.organizationId, organizationId));
    const missing = ORGANIZATION_QUOTAS.TEAM_MEMBERS - (members?.total ?? 0) - 1;
    await h.db.insert(users).values(
      Array.from({ length: missing }, (_, index) => ({
        email: `filler${index}@${organizationId}.test`,
        name: "Filler",
        passwordHash: "not-a-hash",
        kind: "CUSTOMER" as const,
        role: "MEMBER" as const,
        organizationId,
      })),
    );
    const add = (email: string) => caller.team.invite({ name: "Newcomer", email });
    expect(await errorCode(add("last-place@quota.test"))).toBe("OK");
    expect(await errorCode(add("one-more@quota.test"))).toBe("QUOTA_EXCEEDED");
    expect(await errorCode(add("owner@b.test"))).toBe("QUOTA_EXCEEDED");
  });
});
