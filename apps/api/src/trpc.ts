import { type ApiKeyScope, type CustomerRole, DomainError, type StaffRole } from "@tessera/domain";
import { initTRPC, TRPCError } from "@trpc/server";
import { getTRPCErrorFromUnknown, middlewareMarker } from "@trpc/server/unstable-core-do-not-import";
import superjson from "superjson";
import { admitOrganizationKey, type OrganizationKey, requireKey } from "./api-keys/key-guard.ts";
import type { Actor, Context } from "./context.ts";
import { describeError, toTRPCError } from "./errors.ts";
import { rememberWrite } from "./replica/read-db.ts";

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const { message, data } = describeError(error, shape.data.httpStatus);
    return { code: shape.code, message, data: { ...data, path: shape.data.path } };
  },
});

export const createCallerFactory = t.createCallerFactory;

export const router = t.router;

/** A procedure's duration series and its "ok" count, bound once per metrics registry. */
interface ProcedureMeters {
  duration: (seconds: number) => void;
  ok: () => void;
}
const METERS = new WeakMap<Context["metrics"], Map<string, ProcedureMeters>>();

const metersOf = (metrics: Context["metrics"], path: string): ProcedureMeters => {
  let byPath = METERS.get(metrics);
  if (!byPath) {
    byPath = new Map();
    METERS.set(metrics, byPath);
  }
  let meters = byPath.get(path);
  if (!meters) {
    const duration = metrics.procedureDuration.labels({ procedure: path });
    const ok = metrics.procedureCalls.labels({ procedure: path, outcome: "ok" });
    meters = { duration: (seconds) => duration.observe(seconds), ok: () => ok.inc() };
    byPath.set(path, meters);
  }
  return meters;
};

/** A failed middleware result, as tRPC's chain makes one of a thrown error. */
const failed = (cause: unknown) => ({
  ok: false as const,
  error: getTRPCErrorFromUnknown(cause),
  marker: middlewareMarker,
});

/** Service errors become tRPC errors (with Retry-After when they say when to retry). */
const mapError = <R extends { ok: false; error: TRPCError }>(ctx: Context, result: R) => {
  const mapped = toTRPCError(result.error.cause);
  if (!mapped) return result;
  const cause = mapped.cause as { details?: { retryAfterSeconds?: number } } | undefined;
  const retryAfter = cause?.details?.retryAfterSeconds;
  if (retryAfter) ctx.request.setHeader("Retry-After", String(retryAfter));
  return failed(mapped);
};

/** Signing out always works, however many changes the session made. */
const UNLIMITED_MUTATIONS = new Set(["auth.signOut"]);

/**
 * What every procedure runs first, as one middleware (each level of tRPC's chain copies its
 * options twice): every change made with a session counts against its per-minute allowance
 * (keys have their own); service errors are mapped to tRPC errors once; every call is counted
 * and timed for /metrics (outcome: ok or the error code), and the unexpected ones — those
 * that reach the client as 500 — are logged with the request id.
 */
const base = t.middleware(async ({ ctx, type, path, next }) => {
  const meters = metersOf(ctx.metrics, path);
  const started = performance.now();
  let result: Awaited<ReturnType<typeof next>>;
  try {
    if (type === "mutation" && ctx.actor && !UNLIMITED_MUTATIONS.has(path)) {
      await ctx.sessionMutationLimiter.consume(ctx.actor.sessionId);
    }
    result = await next();
  } catch (cause) {
    result = failed(cause);
  }
  if (type === "mutation" && ctx.replica && ctx.actor) {
    // Even a refused change may have written (an audit entry): the session reads its own writes.
    await rememberWrite(ctx).catch((error) => ctx.logger.warn({ err: error }, "write position not kept"));
  }
  meters.duration((performance.now() - started) / 1000);
  if (result.ok) {
    meters.ok();
    return result;
  }
  result = mapError(ctx, result);
  const { code } = describeError(result.error, 500).data;
  ctx.metrics.procedureCalls.inc({ procedure: path, outcome: code });
  if (result.error.code === "INTERNAL_SERVER_ERROR") {
    ctx.logger.error(
      { requestId: ctx.request.requestId, procedure: path, err: result.error.cause ?? result.error },
      "procedure failed",
    );
  }
  return result;
});

export const publicProcedure = t.procedure.use(base);

/**
 * What a session that must enrol in MFA first may do (besides the public `auth.me`): enrol,
 * see its MFA status, sign out. Every other procedure that takes a session answers
 * MFA_ENROLMENT_REQUIRED until the user has MFA on (`mfaEnrolmentRequired`, set by
 * `resolveSession` each request, so enrolling lifts it at once).
 */
const ENROLMENT_PROCEDURES = new Set([
  "auth.signOut",
  "auth.mfa.status",
  "auth.mfa.beginEnrolment",
  "auth.mfa.confirmEnrolment",
]);

const assertFullSession = (actor: Actor, path: string) => {
  if (actor.mfaEnrolmentRequired && !ENROLMENT_PROCEDURES.has(path)) {
    throw new DomainError(
      "MFA_ENROLMENT_REQUIRED",
      "Turn on two-factor authentication for your account before you continue",
    );
  }
};

export const signedIn = publicProcedure.use(({ ctx, path, next }) => {
  if (!ctx.actor) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
  assertFullSession(ctx.actor, path);
  // Only what changes: tRPC merges it into the context (one copy, not two).
  return next({ ctx: { actor: ctx.actor } });
});

type StaffActor = Actor & { kind: "STAFF"; role: StaffRole; organizationId: null };
type CustomerActor = Actor & { kind: "CUSTOMER"; role: CustomerRole; organizationId: string };

/** Staff users; with roles given, only those roles. */
export const staff = (...roles: StaffRole[]) =>
  signedIn.use(({ ctx, next }) => {
    const { actor } = ctx;
    if (actor.kind !== "STAFF" || (roles.length > 0 && !roles.includes(actor.role as StaffRole))) {
      throw new TRPCError({ code: "FORBIDDEN", message: "Your role may not do this" });
    }
    return next({ ctx: { actor: actor as StaffActor } });
  });

/**
 * Customer users; with roles given, only those roles. Narrows `organizationId` so that
 * every customer query has its tenant filter at hand.
 */
export const customer = (...roles: CustomerRole[]) =>
  signedIn.use(({ ctx, next }) => {
    const { actor } = ctx;
    if (
      actor.kind !== "CUSTOMER" ||
      !actor.organizationId ||
      (roles.length > 0 && !roles.includes(actor.role as CustomerRole))
    ) {
      throw new TRPCError({ code: "FORBIDDEN", message: "Your role may not do this" });
    }
    const customerActor = actor as CustomerActor;
    return next({ ctx: { actor: customerActor, organizationId: customerActor.organizationId } });
  });

/**
 * Staff of `staffRoles`, or customers of `customerRoles` within their own organisation:
 * `organizationId` is the customer's (from the session) or null for staff, who act on anyone.
 */
export const staffOrCustomer = (staffRoles: StaffRole[], customerRoles: CustomerRole[]) =>
  signedIn.use(({ ctx, next }) => {
    const { actor } = ctx;
    const allowed =
      actor.kind === "STAFF"
        ? staffRoles.includes(actor.role as StaffRole)
        : Boolean(actor.organizationId) && customerRoles.includes(actor.role as CustomerRole);
    if (!allowed) throw new TRPCError({ code: "FORBIDDEN", message: "Your role may not do this" });
    return next({ ctx: { organizationId: actor.kind === "STAFF" ? null : actor.organizationId } });
  });

/** An organisation's Bearer API key with the scope; sets the tenant from the key. */
export const apiKey = (scope: ApiKeyScope) =>
  publicProcedure.use(async ({ ctx, next }) => {
    const key = requireKey(ctx, scope, "organization") as OrganizationKey;
    await admitOrganizationKey(ctx, key);
    return next({ ctx: { apiKey: key, organizationId: key.organizationId } });
  });

/**
 * Staff signed in with one of `roles` (any staff role when none given), or a staff service
 * key with `scope`: the console and internal systems (billing) share these procedures.
 */
export const staffOrService = (scope: ApiKeyScope, ...roles: StaffRole[]) =>
  publicProcedure.use(({ ctx, path, next }) => {
    const { actor } = ctx;
    if (actor) {
      assertFullSession(actor, path);
      if (actor.kind !== "STAFF" || (roles.length > 0 && !roles.includes(actor.role as StaffRole))) {
        throw new TRPCError({ code: "FORBIDDEN", message: "Your role may not do this" });
      }
      return next();
    }
    requireKey(ctx, scope, "service");
    return next();
  });
