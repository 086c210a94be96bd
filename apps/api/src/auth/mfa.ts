import { mfaRecoveryCodes, organizations, users } from "@tessera/db/schema";
import {
  type ConfirmMfaEnrolmentInput,
  type DisableMfaInput,
  DomainError,
  type RegenerateRecoveryCodesInput,
} from "@tessera/domain";
import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { Actor, AppDeps, ServiceContext } from "../context.ts";
import { recordEvent } from "../events/record-event.ts";
import { acceptTotp, mfaRequiredFor } from "./mfa-codes.ts";
import { assertCurrentPassword, invalidCode, throttledCheck } from "./reauth.ts";
import { recoveryCodesLeft, replaceRecoveryCodes } from "./recovery-codes.ts";
import { newTotpSecret, totpStep, totpUri } from "./totp.ts";

type MfaDeps = Pick<AppDeps, "secrets" | "loginLimiter" | "config">;
type SignedIn = ServiceContext & { actor: Actor };

const currentUser = async (ctx: SignedIn) => {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, ctx.actor.userId));
  if (!user) throw new DomainError("NOT_FOUND", "User not found");
  return user;
};

const userEvent = (user: typeof users.$inferSelect, action: string, after?: Record<string, unknown>) => ({
  action,
  organizationId: user.organizationId,
  targetType: "user",
  targetId: user.id,
  after,
});

/** Whether the signed-in user has MFA on, must have it, and how many recovery codes are left. */
export const mfaStatus = async (deps: Pick<AppDeps, "config">, ctx: SignedIn) => {
  const user = await currentUser(ctx);
  return {
    enabled: user.mfaEnabledAt !== null,
    enabledAt: user.mfaEnabledAt,
    required: await mfaRequiredFor(ctx.db, deps.config, user),
    recoveryCodesLeft: user.mfaEnabledAt ? await recoveryCodesLeft(ctx.db, user.id) : 0,
  };
};

/**
 * A new TOTP secret, stored sealed as pending until `confirmEnrolment` sees a code from it:
 * the otpauth:// URI, the secret for typing in, and the URI as a QR code (PNG data URL).
 */
export const beginEnrolment = async (deps: MfaDeps, ctx: SignedIn) => {
  const user = await currentUser(ctx);
  if (user.mfaEnabledAt) {
    throw new DomainError(
      "CONFLICT",
      "Two-factor authentication is already on: turn it off to enrol another app",
    );
  }
  const secret = newTotpSecret();
  const uri = totpUri(secret, user.email);
  const { default: QRCode } = await import("qrcode"); // enrolment is rare: not loaded at start
  const qrCode = await QRCode.toDataURL(uri, { margin: 1, width: 240, errorCorrectionLevel: "M" });
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ mfaPendingSecret: deps.secrets.seal(secret), updatedAt: now })
      .where(eq(users.id, user.id));
    await recordEvent(tx, ctx, userEvent(user, "auth.mfa_enrolment_started"));
  });
  return { uri, secret, qrCode };
};

/** A code from the pending secret switches MFA on and answers ten recovery codes, shown this once. */
export const confirmEnrolment = async (
  deps: MfaDeps,
  ctx: SignedIn,
  input: z.output<typeof ConfirmMfaEnrolmentInput>,
) => {
  const user = await currentUser(ctx);
  const pending = user.mfaPendingSecret;
  if (user.mfaEnabledAt) throw new DomainError("CONFLICT", "Two-factor authentication is already on");
  if (!pending) {
    throw new DomainError(
      "BAD_REQUEST",
      "Start the enrolment first: there is no secret to check the code against",
      {
        field: "code",
      },
    );
  }
  const now = ctx.clock.now();
  const step = await throttledCheck(
    deps,
    { email: user.email, ip: ctx.ip },
    async () => totpStep(deps.secrets.open(pending), input.code, now),
    invalidCode,
  );
  return ctx.db.transaction(async (tx) => {
    // Only the secret the code was checked against, and only once (a parallel begin or confirm loses).
    const switched = await tx
      .update(users)
      .set({
        mfaSecret: pending,
        mfaPendingSecret: null,
        mfaEnabledAt: now,
        mfaLastStep: step,
        updatedAt: now,
      })
      .where(and(eq(users.id, user.id), eq(users.mfaPendingSecret, pending), isNull(users.mfaEnabledAt)))
      .returning({ id: users.id });
    if (switched.length === 0) {
      throw new DomainError("CONFLICT", "The enrolment changed meanwhile: start again", { field: "code" });
    }
    const recoveryCodes = await replaceRecoveryCodes(tx, user.id, now);
    await recordEvent(tx, ctx, userEvent(user, "auth.mfa_enabled"));
    return { recoveryCodes };
  });
};

/** MFA off, with the current password; refused while the user's organisation (or staff policy) requires it. */
export const disableMfa = async (deps: MfaDeps, ctx: SignedIn, input: z.output<typeof DisableMfaInput>) => {
  const user = await currentUser(ctx);
  if (!user.mfaEnabledAt) throw new DomainError("CONFLICT", "Two-factor authentication is not on");
  if (await mfaRequiredFor(ctx.db, deps.config, user)) {
    throw new DomainError(
      "FORBIDDEN",
      "Two-factor authentication is required for your account: it cannot be turned off",
    );
  }
  await assertCurrentPassword(deps, user, ctx.ip, input.password, "password");
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ mfaSecret: null, mfaPendingSecret: null, mfaEnabledAt: null, mfaLastStep: null, updatedAt: now })
      .where(eq(users.id, user.id));
    await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, user.id));
    await recordEvent(tx, ctx, userEvent(user, "auth.mfa_disabled"));
  });
  return { enabled: false };
};

/** Ten new recovery codes (the old ones stop working), for a current TOTP code. */
export const regenerateRecoveryCodes = async (
  deps: MfaDeps,
  ctx: SignedIn,
  input: z.output<typeof RegenerateRecoveryCodesInput>,
) => {
  const user = await currentUser(ctx);
  if (!user.mfaEnabledAt) throw new DomainError("CONFLICT", "Two-factor authentication is not on");
  const now = ctx.clock.now();
  const recoveryCodes = await throttledCheck(
    deps,
    { email: user.email, ip: ctx.ip },
    () =>
      ctx.db.transaction(async (tx) => {
        if (!(await acceptTotp(tx, deps.secrets, user, input.code, now))) return null;
        const codes = await replaceRecoveryCodes(tx, user.id, now);
        await recordEvent(tx, ctx, userEvent(user, "auth.recovery_codes_regenerated"));
        return codes;
      }),
    invalidCode,
  );
  return { recoveryCodes };
};

/**
 * "Require MFA for our people", set by the organisation's owners and admins. Requiring it asks
 * the admin to have MFA on first, so nobody turns on a rule they have not tried themselves.
 */
export const setOrganizationMfaRequirement = async (
  ctx: SignedIn & { organizationId: string },
  input: { required: boolean },
) => {
  if (input.required && !(await currentUser(ctx)).mfaEnabledAt) {
    throw new DomainError("MFA_ENROLMENT_REQUIRED", "Turn on two-factor authentication for yourself first", {
      field: "required",
    });
  }
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select({ requireMfa: organizations.requireMfa })
      .from(organizations)
      .where(eq(organizations.id, ctx.organizationId))
      .for("update");
    if (!before) throw new DomainError("NOT_FOUND", "Organisation not found");
    if (before.requireMfa !== input.required) {
      await tx
        .update(organizations)
        .set({ requireMfa: input.required, updatedAt: ctx.clock.now() })
        .where(eq(organizations.id, ctx.organizationId));
      await recordEvent(tx, ctx, {
        action: "auth.mfa_required_changed",
        organizationId: ctx.organizationId,
        targetType: "organization",
        targetId: ctx.organizationId,
        before: { requireMfa: before.requireMfa },
        after: { requireMfa: input.required },
      });
    }
    return { required: input.required };
  });
};

/** The organisation's setting, for its settings page. */
export const organizationMfaRequirement = async (ctx: ServiceContext & { organizationId: string }) => {
  const [row] = await ctx.db
    .select({ requireMfa: organizations.requireMfa })
    .from(organizations)
    .where(eq(organizations.id, ctx.organizationId));
  return { required: row?.requireMfa ?? false };
};
