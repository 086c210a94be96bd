import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { createDb } from "@tessera/db";
import {
  customizations,
  licenses,
  notifications,
  sessions,
  usageAlerts,
  users,
  webhookDeliveries,
  webhookEvents,
} from "@tessera/db/schema";
import type { CustomerRole, StaffRole } from "@tessera/domain";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { createApiKey } from "../src/api-keys/service.ts";
import { createDeps } from "../src/app.ts";
import { hashPassword } from "../src/auth/password.ts";
import { sha256 } from "../src/auth/tokens.ts";
import { fixedClock } from "../src/clock.ts";
import { loadConfig } from "../src/config.ts";
import type { AppDeps } from "../src/context.ts";
import { describeError } from "../src/errors.ts";
import { createLicense } from "../src/licenses/create.ts";
import { activateLicense, suspendLicense } from "../src/licenses/lifecycle.ts";
import { ensureSigningKey } from "../src/licenses/signing-keys.ts";
import { createOrganization } from "../src/organizations/service.ts";
import { createRequestContext } from "../src/request-context.ts";
import { appRouter } from "../src/router.ts";
import { createTicket } from "../src/support/create-ticket.ts";
import { updateTicketStatus } from "../src/support/ticket-changes.ts";
import { addMember } from "../src/team/service.ts";
import { createCallerFactory } from "../src/trpc.ts";
import { enableAPI } from "../src/white-label/api-access.ts";
import { openTestDatabase, testConnection } from "./database.ts";

export const TEST_PASSWORD = "correct-horse-battery";
export const TEST_START = new Date("2026-06-01T12:00:00.000Z");

export type Persona =
  | "anonymous"
  | "staffAdmin"
  | "staffSupport"
  | "staffViewer"
  | "ownerA"
  | "adminA"
  | "memberA"
  | "ownerB"
  | "serviceKey"
  | "orgKeyA"
  | SingleScopeKey;

/**
 * Keys holding exactly one scope, so that a scope check switched off shows: organisation A's
 * keys with `usage:write`, `license:read` or `tickets:write`, and a staff service key per scope.
 */
export const SINGLE_SCOPE_KEYS = [
  "orgKeyUsage",
  "orgKeyLicense",
  "orgKeyTickets",
  "serviceKeyRead",
  "serviceKeyWrite",
] as const;
export type SingleScopeKey = (typeof SINGLE_SCOPE_KEYS)[number];

export const PERSONAS: Persona[] = [
  "anonymous",
  "staffAdmin",
  "staffSupport",
  "staffViewer",
  "ownerA",
  "adminA",
  "memberA",
  "ownerB",
  "serviceKey",
  "orgKeyA",
];

/** Personas that call without a session: refused procedures answer them UNAUTHENTICATED. */
export const SESSIONLESS: Persona[] = ["anonymous", "serviceKey", "orgKeyA", ...SINGLE_SCOPE_KEYS];

const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;

/**
 * One database per test file, seeded with three staff users and two organisations
 * (A: owner, admin, member; B: owner), a fixed clock, and callers for any persona that
 * go through the real session lookup.
 */
export const createTestHarness = async (configOverrides: Record<string, string> = {}) => {
  const dbHandle = await openTestDatabase();
  const clock = fixedClock(TEST_START);
  const config = loadConfig({
    LOG_LEVEL: "silent",
    DATA_DIR: `${tmpdir()}/tessera-test`,
    SEED_DEMO: "false",
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    // Tests drive one session far faster than a person; the limit's own test sets it low.
    SESSION_MUTATIONS_PER_MINUTE: "1000000",
    ...configOverrides,
  });
  const deps: AppDeps = createDeps(config, dbHandle, clock);
  await ensureSigningKey(deps);
  const system = { db: deps.db, clock, actor: null, ip: null };
  const passwordHash = await hashPassword(TEST_PASSWORD);

  const insertStaff = async (email: string, role: StaffRole) => {
    const [user] = await deps.db
      .insert(users)
      .values({ email, name: `Staff ${role}`, role, kind: "STAFF", passwordHash })
      .returning();
    if (!user) throw new Error("no staff user");
    return user;
  };
  const staffAdmin = await insertStaff("admin@staff.test", "ADMIN");
  const staffSupport = await insertStaff("support@staff.test", "SUPPORT");
  const staffViewer = await insertStaff("viewer@staff.test", "VIEWER");

  const member = (organizationId: string, email: string, role: CustomerRole) =>
    addMember(system, organizationId, { name: `${role} ${email}`, email, password: TEST_PASSWORD, role });
  // Personas get known passwords directly; the first owner becomes the organisation's admin.
  const newOrganization = async (slug: string, ownerEmail: string) => {
    const organization = await createOrganization(system, {
      name: `Org ${slug}`,
      slug,
      contactName: "Contact Person",
      contactEmail: `contact@${slug}.test`,
      metadata: {},
    });
    const owner = await addMember(system, organization.id, {
      name: `Owner ${slug}`,
      email: ownerEmail,
      password: TEST_PASSWORD,
      role: "OWNER",
    });
    return { ...organization, adminUserId: owner.id };
  };
  const orgA = await newOrganization("org-a", "owner@a.test");
  const orgB = await newOrganization("org-b", "owner@b.test");
  const adminA = await member(orgA.id, "admin@a.test", "ADMIN");
  const memberA = await member(orgA.id, "member@a.test", "MEMBER");

  const userIds: Record<Exclude<Persona, "anonymous" | "serviceKey" | "orgKeyA" | SingleScopeKey>, string> = {
    staffAdmin: staffAdmin.id,
    staffSupport: staffSupport.id,
    staffViewer: staffViewer.id,
    ownerA: orgA.adminUserId ?? "",
    adminA: adminA.id,
    memberA: memberA.id,
    ownerB: orgB.adminUserId ?? "",
  };

  /** A new session row for the user, as sign-in would make; returns the cookie token. */
  const sessionToken = async (userId: string) => {
    const token = randomBytes(32).toString("base64url");
    await deps.db.insert(sessions).values({
      tokenHash: sha256(token),
      userId,
      expiresAt: new Date(clock.now().getTime() + config.SESSION_TTL_HOURS * 3600_000),
      lastSeenAt: clock.now(),
    });
    return token;
  };

  const headers: Record<string, string | string[]> = {};
  const callerWithToken = async (token: string | null, ip = "203.0.113.7", bearer?: string) =>
    createCaller(
      await createRequestContext(deps, {
        authorizationHeader: bearer ? `Bearer ${bearer}` : undefined,
        ip,
        userAgent: "vitest",
        secure: false,
        cookieHeader: token ? `tessera_session=${token}` : undefined,
        setHeader: (name, value) => {
          headers[name.toLowerCase()] = value;
        },
      }),
    );

  /** An organisation with a license of the tier, ACTIVE unless asked otherwise; the key is shown once. */
  let fixtures = 0;
  const newLicensedOrganization = async (
    tier: "STARTER" | "PROFESSIONAL" | "ENTERPRISE" = "STARTER",
    status: "PENDING" | "ACTIVE" | "SUSPENDED" = "ACTIVE",
  ) => {
    fixtures++;
    const organization = await createOrganization(system, {
      name: `Fixture ${fixtures}`,
      slug: `fixture-${fixtures}-${randomBytes(3).toString("hex")}`,
      contactName: "Fixture Contact",
      contactEmail: `fixture${fixtures}@fixture.test`,
      metadata: {},
    });
    const { license, key } = await createLicense(system, {
      organizationId: organization.id,
      tier,
      termMonths: 12,
      autoRenew: false,
    });
    if (status !== "PENDING") await activateLicense(system, license.id);
    await enableAPI(system, organization.id, true);
    if (status === "SUSPENDED") await suspendLicense(system, license.id, "fixture");
    return { organization, license, key };
  };
  const licensed = async (organizationId: string, tier: "STARTER" | "PROFESSIONAL") => {
    const { license, key } = await createLicense(system, {
      organizationId,
      tier,
      termMonths: 12,
      autoRenew: false,
    });
    await activateLicense(system, license.id);
    return { license, key };
  };
  const licenseA = await licensed(orgA.id, "PROFESSIONAL");
  const licenseB = await licensed(orgB.id, "STARTER");
  await enableAPI(system, orgA.id, true);
  const serviceKey = await createApiKey(system, {
    organizationId: null,
    name: "billing",
    scopes: ["licenses:write", "licenses:read"],
  });

  /** A caller that authenticates with a Bearer API key only. */
  const callerWithApiKey = (key: string, ip = "203.0.113.8") => callerWithToken(null, ip, key);

  const orgKeyA = await createApiKey(system, {
    organizationId: orgA.id,
    name: "platform",
    scopes: ["usage:write", "license:read", "tickets:write"],
  });

  const singleScopeKeys: Record<SingleScopeKey, string> = {
    orgKeyUsage: (
      await createApiKey(system, { organizationId: orgA.id, name: "usage only", scopes: ["usage:write"] })
    ).key,
    orgKeyLicense: (
      await createApiKey(system, { organizationId: orgA.id, name: "license only", scopes: ["license:read"] })
    ).key,
    orgKeyTickets: (
      await createApiKey(system, { organizationId: orgA.id, name: "tickets only", scopes: ["tickets:write"] })
    ).key,
    serviceKeyRead: (
      await createApiKey(system, { organizationId: null, name: "reader", scopes: ["licenses:read"] })
    ).key,
    serviceKeyWrite: (
      await createApiKey(system, { organizationId: null, name: "writer", scopes: ["licenses:write"] })
    ).key,
  };

  /** An unacknowledged usage alert on the organisation's license, as ingestion would raise. */
  let alerts = 0;
  const newAlert = async (organizationId: string) => {
    const [license] = await deps.db
      .select()
      .from(licenses)
      .where(eq(licenses.organizationId, organizationId))
      .limit(1);
    if (!license) throw new Error("organisation has no license");
    const [alert] = await deps.db
      .insert(usageAlerts)
      .values({
        licenseId: license.id,
        organizationId,
        metric: "COURSES",
        threshold: 80,
        period: `fixture-${alerts++}`,
        used: 8,
        limit: 10,
      })
      .returning({ id: usageAlerts.id });
    return alert?.id ?? "";
  };

  /** An open ticket of the organisation, as its platform would open it. */
  const newTicket = async (
    organizationId: string,
    priority: "LOW" | "NORMAL" | "HIGH" | "CRITICAL" = "NORMAL",
  ) =>
    (
      await createTicket(system, organizationId, {
        subject: "Fixture ticket",
        description: "Something is off",
        priority,
      })
    ).id;

  /** Move a ticket through statuses as staff would. */
  const moveTicket = async (
    ticketId: string,
    statuses: ("IN_PROGRESS" | "WAITING_ON_CUSTOMER" | "RESOLVED" | "CLOSED")[],
  ) => {
    for (const status of statuses) await updateTicketStatus(system, ticketId, status);
  };
  /** A notification for the persona's user. */
  const newNotification = async (persona: Persona) => {
    // sessionless personas get the staff admin's notice: their call is refused before it is read
    const userId = userIds[persona as keyof typeof userIds] ?? userIds.staffAdmin;
    const [notice] = await deps.db
      .insert(notifications)
      .values({ userId, kind: "test", title: "Fixture notice" })
      .returning({ id: notifications.id });
    return notice?.id ?? "";
  };

  /** A white-label record written straight to the table (whatever the tier), for tests of who may touch it. */
  let records = 0;
  const newCustomization = async (
    organizationId: string,
    type: "FEATURE" | "INTEGRATION" = "FEATURE",
    value: Record<string, unknown> = { enabled: true, description: null },
  ) => {
    const [row] = await deps.db
      .insert(customizations)
      .values({
        organizationId,
        type,
        key: `fixture-${records++}`,
        value:
          type === "INTEGRATION"
            ? {
                name: "Fixture hook",
                url: "https://hooks.example.com/x",
                events: ["ticket.created"],
                enabled: true,
              }
            : value,
        secretCiphertext: type === "INTEGRATION" ? deps.secrets.seal("whsec_fixture") : null,
      })
      .returning({ id: customizations.id });
    return row?.id ?? "";
  };
  /** A DEAD webhook delivery of the organisation, with its event and integration. */
  const newDelivery = async (organizationId: string) => {
    const integrationId = await newCustomization(organizationId, "INTEGRATION");
    const [event] = await deps.db
      .insert(webhookEvents)
      .values({ organizationId, type: "ticket.created", payload: { type: "ticket.created" } })
      .returning({ id: webhookEvents.id });
    const [delivery] = await deps.db
      .insert(webhookDeliveries)
      .values({
        eventId: event?.id ?? "",
        integrationId,
        organizationId,
        status: "DEAD",
        attempts: 7,
        nextAttemptAt: clock.now(),
      })
      .returning({ id: webhookDeliveries.id });
    return { integrationId, deliveryId: delivery?.id ?? "" };
  };

  const tokens = new Map<Persona, string>();
  /** A caller acting as the persona, on a session made once per persona. */
  const caller = async (persona: Persona): Promise<Caller> => {
    if (persona === "anonymous") return callerWithToken(null);
    if (persona === "serviceKey") return callerWithApiKey(serviceKey.key);
    if (persona === "orgKeyA") return callerWithApiKey(orgKeyA.key);
    if (persona in singleScopeKeys) return callerWithApiKey(singleScopeKeys[persona as SingleScopeKey]);
    let token = tokens.get(persona);
    if (!token) {
      token = await sessionToken(userIds[persona as keyof typeof userIds]);
      tokens.set(persona, token);
    }
    return callerWithToken(token);
  };

  /** A caller on a session of its own, for a call that may end the session it runs on (sign-out). */
  const freshCaller = async (persona: Persona): Promise<Caller> =>
    persona in userIds
      ? callerWithToken(await sessionToken(userIds[persona as keyof typeof userIds]))
      : caller(persona);

  /**
   * A second API instance on the same database: its own connection pool (on PostgreSQL),
   * limiters and cache, as another process would have. Anonymous callers only.
   */
  const secondInstance = async () => {
    const url = (dbHandle as { url?: string }).url;
    const handle = url ? await createDb(testConnection(url)) : dbHandle;
    const second = createDeps(config, handle, clock);
    return {
      deps: second,
      caller: async () =>
        createCaller(
          await createRequestContext(second, {
            ip: "203.0.113.9",
            userAgent: "vitest-2",
            secure: false,
            cookieHeader: undefined,
            setHeader: () => {},
          }),
        ),
      close: async () => {
        await second.mailer.close();
        if (handle !== dbHandle) await handle.close();
      },
    };
  };

  return {
    deps,
    secondInstance,
    callerWithApiKey,
    db: deps.db,
    dbHandle,
    clock,
    config,
    orgA,
    orgB,
    licenseA: licenseA.license,
    keyA: licenseA.key,
    licenseB: licenseB.license,
    keyB: licenseB.key,
    serviceKey,
    orgKeyA,
    newAlert,
    newTicket,
    moveTicket,
    newNotification,
    newCustomization,
    newDelivery,
    system,
    newLicensedOrganization,
    userIds,
    /** The last headers a caller's procedures set (Set-Cookie, Retry-After). */
    headers,
    caller,
    freshCaller,
    callerWithToken,
    sessionToken,
    close: async () => {
      await deps.svgSanitizer.close();
      await deps.samlXml.close();
      await deps.mailer.close();
      await dbHandle.close();
    },
  };
};

export type TestHarness = Awaited<ReturnType<typeof createTestHarness>>;

const describe = (error: unknown) =>
  error instanceof TRPCError ? describeError(error, 0).data : { code: "UNKNOWN", field: undefined };

/** Call a procedure by its dotted path ("licenses.create") on a caller. */
export const callPath = (caller: Caller, path: string, input: unknown): Promise<unknown> => {
  // Nested routers too ("auth.mfa.disable"): walk every segment.
  const procedure = path
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], caller);
  if (typeof procedure !== "function") throw new Error(`no procedure ${path}`);
  return (procedure as (input: unknown) => Promise<unknown>)(input);
};

/** The stable error code a failed call carries, as clients see it; "OK" when it succeeded. */
export const errorCode = async (call: Promise<unknown>): Promise<string> => {
  try {
    await call;
    return "OK";
  } catch (error) {
    return describe(error).code;
  }
};

/** The field a failed call's error names, or undefined. */
export const errorField = async (call: Promise<unknown>): Promise<string | undefined> => {
  try {
    await call;
    return undefined;
  } catch (error) {
    return describe(error).field;
  }
};
