import type { ApiKeyScope, CustomerRole, StaffRole } from "@tessera/domain";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { admitOrganizationKey, type OrganizationKey, requireKey } from "./api-keys/key-guard.ts";
import type { Actor, Context } from "./context.ts";
import { describeError, toTRPCError } from "./errors.ts";

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const { message, data } = describeError(error, shape.data.httpStatus);
    return { code: shape.code, message, data: { ...data, path: shape.data.path } };
  },
});

export const createCallerFactory = t.createCallerFactory;

export const router = t.router;

/** Maps service errors to tRPC errors once, for every procedure. */
const mapErrors = t.middleware(async ({ ctx, next }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = toTRPCError(result.error.cause);
    if (mapped) {
      const cause = mapped.cause as { details?: { retryAfterSeconds?: number } } | undefined;
      const retryAfter = cause?.details?.retryAfterSeconds;
      if (retryAfter) ctx.request.setHeader("Retry-After", String(retryAfter));
      throw mapped;
    }
  }
  return result;
});

/**
 * Count and time every call for /metrics (outcome: ok or the error code), and log the
 * unexpected ones — those that reach the client as 500 — with the request id.
 */
const observe = t.middleware(async ({ ctx, path, next }) => {
  const stopTimer = ctx.metrics.procedureDuration.startTimer({ procedure: path });
  const result = await next();
  stopTimer();
  if (result.ok) {
    ctx.metrics.procedureCalls.inc({ procedure: path, outcome: "ok" });
    return result;
  }
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

/** Signing out always works, however many changes the session made. */
const UNLIMITED_MUTATIONS = new Set(["auth.signOut"]);

/** Every change made with a session counts against its per-minute allowance (keys have their own). */
const limitSessionMutations = t.middleware(async ({ ctx, type, path, next }) => {
  if (type === "mutation" && ctx.actor && !UNLIMITED_MUTATIONS.has(path)) {
    await ctx.sessionMutationLimiter.consume(ctx.actor.sessionId);
  }
  return next();
});

export const publicProcedure = t.procedure.use(observe).use(mapErrors).use(limitSessionMutations);

export const signedIn = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.actor) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
  return next({ ctx: { ...ctx, actor: ctx.actor } });
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
    return next({ ctx: { ...ctx, actor: actor as StaffActor } });
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
    return next({ ctx: { ...ctx, actor: customerActor, organizationId: customerActor.organizationId } });
  });

/** An organisation's Bearer API key with the scope; sets the tenant from the key. */
export const apiKey = (scope: ApiKeyScope) =>
  publicProcedure.use(async ({ ctx, next }) => {
    const key = requireKey(ctx, scope, "organization") as OrganizationKey;
    await admitOrganizationKey(ctx, key);
    return next({ ctx: { ...ctx, apiKey: key, organizationId: key.organizationId } });
  });

/**
 * Staff signed in with one of `roles` (any staff role when none given), or a staff service
 * key with `scope`: the console and internal systems (billing) share these procedures.
 */
export const staffOrService = (scope: ApiKeyScope, ...roles: StaffRole[]) =>
  publicProcedure.use(({ ctx, next }) => {
    const { actor } = ctx;
    if (actor) {
      if (actor.kind !== "STAFF" || (roles.length > 0 && !roles.includes(actor.role as StaffRole))) {
        throw new TRPCError({ code: "FORBIDDEN", message: "Your role may not do this" });
      }
      return next({ ctx });
    }
    requireKey(ctx, scope, "service");
    return next({ ctx });
  });
