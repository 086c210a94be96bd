import { randomBytes } from "node:crypto";
import { ticketMessages, tickets, users } from "@tessera/db/schema";
import type { ApiKeyScope } from "@tessera/domain";
import { count } from "drizzle-orm";
import { createApiKey } from "../../src/api-keys/service.ts";
import { startApp } from "../../src/app.ts";
import { fixedClock } from "../../src/clock.ts";
import { loadConfig } from "../../src/config.ts";
import { createLicense } from "../../src/licenses/create.ts";
import { activateLicense } from "../../src/licenses/lifecycle.ts";
import { createOrganization } from "../../src/organizations/service.ts";
import { enableAPI } from "../../src/white-label/api-access.ts";
import { openTestDatabase } from "../database.ts";

/**
 * A support desk for the REST ticket tests: the app on a fixed clock, a support agent, two
 * licensed organisations with API access on, and keys of every kind the operations take.
 */
export const startSupportDesk = async () => {
  const clock = fixedClock(new Date("2026-06-01T12:00:00.000Z"));
  const config = loadConfig({
    LOG_LEVEL: "silent",
    PORT: "0",
    DATA_DIR: "/tmp/tessera-rest-support-test",
    SEED_DEMO: "false",
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  });
  const app = await startApp(config, { dbHandle: await openTestDatabase(), clock, jobs: false });
  const db = app.deps.db;
  const system = { db, clock, actor: null, ip: null };
  const [agent] = await db
    .insert(users)
    .values({
      email: "agent@staff.test",
      name: "Desk Agent",
      role: "SUPPORT",
      kind: "STAFF",
      passwordHash: "-",
    })
    .returning();
  const organization = async (slug: string) => {
    const created = await createOrganization(system, {
      name: `Org ${slug}`,
      slug,
      contactName: "Desk Contact",
      contactEmail: `contact@${slug}.test`,
      metadata: {},
    });
    const { license } = await createLicense(system, {
      organizationId: created.id,
      tier: "STARTER",
      termMonths: 12,
      autoRenew: false,
    });
    await activateLicense(system, license.id);
    await enableAPI(system, created.id, true);
    return created.id;
  };
  const orgA = await organization("desk-a");
  const orgB = await organization("desk-b");
  const key = async (organizationId: string | null, name: string, scopes: ApiKeyScope[]) =>
    (await createApiKey(system, { organizationId, name, scopes })).key;
  const keys = {
    service: await key(null, "helpdesk", ["tickets:read", "tickets:write"]),
    serviceRead: await key(null, "reporting", ["tickets:read"]),
    serviceLicenses: await key(null, "billing", ["licenses:read"]),
    orgA: await key(orgA, "platform a", ["tickets:read", "tickets:write"]),
    orgAWriteOnly: await key(orgA, "platform a writer", ["tickets:write"]),
    orgB: await key(orgB, "platform b", ["tickets:read", "tickets:write"]),
  };
  const counts = async () => ({
    tickets: (await db.select({ n: count() }).from(tickets))[0]?.n ?? 0,
    messages: (await db.select({ n: count() }).from(ticketMessages))[0]?.n ?? 0,
  });
  return { app, clock, db, agentId: agent?.id ?? "", orgA, orgB, keys, counts };
};

export type SupportDesk = Awaited<ReturnType<typeof startSupportDesk>>;

export interface TicketBody {
  id: string;
  reference: string;
  organizationId: string;
  status: string;
  priority: string;
  assigneeId: string | null;
}
