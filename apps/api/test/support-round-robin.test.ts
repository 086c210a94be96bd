import { tickets, users } from "@tessera/db/schema";
import { OPEN_TICKET_STATUSES } from "@tessera/domain";
import { and, count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../src/auth/password.ts";
import { createTicket } from "../src/support/create-ticket.ts";
import { createTestHarness, TEST_PASSWORD, type TestHarness } from "./harness.ts";
import { RACES_NEED_POSTGRES, raceIt } from "./races-need-postgres.ts";

let h: TestHarness;
/** The active SUPPORT agents in id order: the round-robin turn order. */
let turnOrder: string[] = [];
let disabledAgent = "";
beforeAll(async () => {
  h = await createTestHarness();
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const staff = (name: string, extra: Partial<typeof users.$inferInsert> = {}) => ({
    email: `${name}@staff.test`,
    name,
    role: "SUPPORT" as const,
    kind: "STAFF" as const,
    passwordHash,
    ...extra,
  });
  const added = await h.db
    .insert(users)
    .values([staff("rr1"), staff("rr2"), staff("rr3"), staff("rr-gone", { disabledAt: h.clock.now() })])
    .returning({ id: users.id, name: users.name });
  disabledAgent = added.find((user) => user.name === "rr-gone")?.id ?? "";
  turnOrder = [
    h.userIds.staffSupport,
    ...added.filter((user) => user.id !== disabledAgent).map((user) => user.id),
  ].sort();
  // a heavy load on the first agent in turn: least load would pass them over, round robin must not
  await h.db
    .update(users)
    .set({ openTicketCount: 50 })
    .where(eq(users.id, turnOrder[0] ?? ""));
  await (await h.caller("staffAdmin")).supportSettings.setRouting({
    tier: "STARTER",
    mode: "ROUND_ROBIN",
    teamId: null,
  });
});
afterAll(() => h.close());

const ticket = (index: number) => ({
  subject: `Turn ${index}`,
  description: "x",
  priority: "NORMAL" as const,
});
/** Where the turn stands: the next assignee is the agent after this one. */
const positionOf = (assigneeId: string | null) => turnOrder.indexOf(assigneeId ?? "");

/** Per user: the stored open-ticket count beside the open tickets really assigned. */
const loadsMatch = async () => {
  const stored = await h.db
    .select({ id: users.id, count: users.openTicketCount })
    .from(users)
    .where(eq(users.kind, "STAFF"));
  const open = await h.db
    .select({ id: tickets.assigneeId, total: count() })
    .from(tickets)
    .where(and(inArray(tickets.status, [...OPEN_TICKET_STATUSES])))
    .groupBy(tickets.assigneeId);
  const actual = new Map(open.map((row) => [row.id, row.total]));
  // the first agent's 50 were written straight into the count
  return stored.every((row) => row.count - (row.id === turnOrder[0] ? 50 : 0) === (actual.get(row.id) ?? 0));
};

describe("round-robin routing", () => {
  it("a STARTER organisation's tickets go to each active SUPPORT agent in turn, whatever their load", async () => {
    const created = [];
    for (let index = 0; index < 8; index++)
      created.push(await createTicket(h.system, h.orgB.id, ticket(index)));
    const start = positionOf(created[0]?.assigneeId ?? null);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(created.map((row) => row.assigneeId)).toEqual(
      created.map((_, index) => turnOrder[(start + index) % turnOrder.length]),
    );
    expect(created.map((row) => row.assigneeId)).toContain(turnOrder[0]);
    const assignees = new Set(created.map((row) => row.assigneeId));
    for (const never of [disabledAgent, h.userIds.staffViewer, h.userIds.staffAdmin])
      expect(assignees).not.toContain(never);
    expect(await loadsMatch()).toBe(true);
  });

  it("an agent disabled meanwhile is skipped; the turn goes on with the next", async () => {
    const last = await createTicket(h.system, h.orgB.id, ticket(100));
    const skipped = turnOrder[(positionOf(last.assigneeId) + 1) % turnOrder.length] ?? "";
    await h.db.update(users).set({ disabledAt: h.clock.now() }).where(eq(users.id, skipped));
    const next = await createTicket(h.system, h.orgB.id, ticket(101));
    expect(next.assigneeId).toBe(turnOrder[(positionOf(last.assigneeId) + 2) % turnOrder.length]);
    await h.db.update(users).set({ disabledAt: null }).where(eq(users.id, skipped));
  });

  it("other tiers keep least-load routing: a PROFESSIONAL ticket passes over the loaded agent", async () => {
    const routed = await createTicket(h.system, h.orgA.id, ticket(200));
    expect(routed.assigneeId).not.toBe(turnOrder[0]);
    expect(turnOrder).toContain(routed.assigneeId);
  });

  raceIt(
    `12 tickets of 12 organisations created at once take turns: 3 to each of the 4 agents ${RACES_NEED_POSTGRES}`,
    async () => {
      // one organisation's creates queue on its quota locks: only different organisations race
      const organizations = await Promise.all(
        Array.from({ length: 12 }, () => h.newLicensedOrganization("STARTER")),
      );
      const before = new Map<string, number>();
      const created = await Promise.all(
        organizations.map(({ organization }, index) =>
          createTicket(h.system, organization.id, ticket(300 + index)),
        ),
      );
      for (const row of created)
        before.set(row.assigneeId ?? "", (before.get(row.assigneeId ?? "") ?? 0) + 1);
      expect(Object.fromEntries(before)).toEqual(Object.fromEntries(turnOrder.map((agent) => [agent, 3])));
      expect(await loadsMatch()).toBe(true);
    },
  );
});
