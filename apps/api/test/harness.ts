import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { sessions, users } from "@tessera/db/schema";
import type { CustomerRole, StaffRole } from "@tessera/domain";
import { TRPCError } from "@trpc/server";
import { createDeps } from "../src/app.ts";
import { hashPassword } from "../src/auth/password.ts";
import { sha256 } from "../src/auth/tokens.ts";
import { fixedClock } from "../src/clock.ts";
import { loadConfig } from "../src/config.ts";
import type { AppDeps } from "../src/context.ts";
import { describeError } from "../src/errors.ts";
import { createRequestContext } from "../src/http.ts";
import { createOrganization } from "../src/organizations/service.ts";
import { appRouter } from "../src/router.ts";
import { addMember } from "../src/team/service.ts";
import { createCallerFactory } from "../src/trpc.ts";
import { openTestDatabase } from "./database.ts";

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
  | "ownerB";

export const PERSONAS: Persona[] = [
  "anonymous",
  "staffAdmin",
  "staffSupport",
  "staffViewer",
  "ownerA",
  "adminA",
  "memberA",
  "ownerB",
];

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
    DATA_DIR: `${tmpdir()}/tessera-test`,
    SEED_DEMO: "false",
    ...configOverrides,
  });
  const deps: AppDeps = createDeps(config, dbHandle, clock);
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

  const newOrganization = async (slug: string, ownerEmail: string) =>
    createOrganization(system, {
      name: `Org ${slug}`,
      slug,
      contactName: "Contact Person",
      contactEmail: `contact@${slug}.test`,
      metadata: {},
      owner: { name: `Owner ${slug}`, email: ownerEmail, password: TEST_PASSWORD },
    });
  const orgA = await newOrganization("org-a", "owner@a.test");
  const orgB = await newOrganization("org-b", "owner@b.test");
  const member = (organizationId: string, email: string, role: CustomerRole) =>
    addMember(system, organizationId, { name: `${role} ${email}`, email, password: TEST_PASSWORD, role });
  const adminA = await member(orgA.id, "admin@a.test", "ADMIN");
  const memberA = await member(orgA.id, "member@a.test", "MEMBER");

  const userIds: Record<Exclude<Persona, "anonymous">, string> = {
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
  const callerWithToken = async (token: string | null, ip = "203.0.113.7") =>
    createCaller(
      await createRequestContext(deps, {
        ip,
        userAgent: "vitest",
        secure: false,
        cookieHeader: token ? `tessera_session=${token}` : undefined,
        setHeader: (name, value) => {
          headers[name.toLowerCase()] = value;
        },
      }),
    );

  const tokens = new Map<Persona, string>();
  /** A caller acting as the persona, on a session made once per persona. */
  const caller = async (persona: Persona): Promise<Caller> => {
    if (persona === "anonymous") return callerWithToken(null);
    let token = tokens.get(persona);
    if (!token) {
      token = await sessionToken(userIds[persona]);
      tokens.set(persona, token);
    }
    return callerWithToken(token);
  };

  return {
    deps,
    db: deps.db,
    dbHandle,
    clock,
    config,
    orgA,
    orgB,
    userIds,
    /** The last headers a caller's procedures set (Set-Cookie, Retry-After). */
    headers,
    caller,
    callerWithToken,
    sessionToken,
    close: () => dbHandle.close(),
  };
};

export type TestHarness = Awaited<ReturnType<typeof createTestHarness>>;

const describe = (error: unknown) =>
  error instanceof TRPCError ? describeError(error, 0).data : { code: "UNKNOWN", field: undefined };

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
