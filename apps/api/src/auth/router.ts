import {
  AcceptInvitationInput,
  ChangePasswordInput,
  InvitationToken,
  RequestPasswordResetInput,
  ResetPasswordInput,
  SignInInput,
  SsoDiscoverInput,
  VerifyMfaInput,
} from "@tessera/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { type Context, serviceContext } from "../context.ts";
import { publicProcedure, signedIn } from "../trpc.ts";
import { discoverSso } from "../white-label/sso-login.ts";
import { clearedSessionCookie, sessionCookie } from "./cookie.ts";
import { acceptInvitation, describeInvitation } from "./invitations.ts";
import { mfaRouter } from "./mfa-router.ts";
import { verifyMfa } from "./mfa-sign-in.ts";
import { changePassword } from "./password-change.ts";
import { requestPasswordReset, resetPassword } from "./password-reset.ts";
import { limitPasswordResets } from "./password-reset-limiter.ts";
import { signIn, signOut, type startSession } from "./service.ts";
import { sessionsRouter } from "./sessions-router.ts";

type Session = Awaited<ReturnType<typeof startSession>>;

/** Set the session cookie and answer who signed in (and whether they must enrol in MFA first). */
const opened = (ctx: Context, session: Session) => {
  const maxAge = Math.floor((session.expiresAt.getTime() - ctx.clock.now().getTime()) / 1000);
  ctx.request.setHeader("Set-Cookie", sessionCookie(session.token, maxAge, ctx.request.secure));
  const { mfaEnrolmentRequired = false, ...user } = session.actor;
  return { mfaRequired: false, challenge: null, user, expiresAt: session.expiresAt, mfaEnrolmentRequired };
};

const requestContext = (ctx: Context) => ({
  ...serviceContext(ctx),
  userAgent: ctx.request.userAgent,
  host: ctx.request.host,
});

export const authRouter = {
  /**
   * Email and password. For a user with MFA on, no session yet: `{ mfaRequired: true,
   * challenge }`, to be sent to `verifyMfa` with a code within five minutes.
   */
  signIn: publicProcedure.input(SignInInput).mutation(async ({ ctx, input }) => {
    const result = await signIn(ctx, requestContext(ctx), input);
    if ("challenge" in result) {
      return {
        mfaRequired: true,
        challenge: result.challenge,
        user: null,
        expiresAt: result.expiresAt,
        mfaEnrolmentRequired: false,
      };
    }
    return opened(ctx, result);
  }),
  /** The code step of a sign-in: a TOTP or recovery code for the challenge; opens the session. */
  verifyMfa: publicProcedure
    .input(VerifyMfaInput)
    .mutation(async ({ ctx, input }) => opened(ctx, await verifyMfa(ctx, requestContext(ctx), input))),
  signOut: signedIn.mutation(async ({ ctx }) => {
    await signOut(serviceContext(ctx));
    ctx.request.setHeader("Set-Cookie", clearedSessionCookie(ctx.request.secure));
    return { signedOut: true };
  }),
  changePassword: signedIn
    .input(ChangePasswordInput)
    .mutation(({ ctx, input }) => changePassword(ctx, { ...serviceContext(ctx), actor: ctx.actor }, input)),
  /** Where to start single sign-on for an email, when its domain's organisation has OIDC set up. */
  discoverSso: publicProcedure
    .input(SsoDiscoverInput)
    .mutation(({ ctx, input }) => discoverSso(serviceContext(ctx), input)),
  /**
   * The signed-in user, or null: the SPA asks this first to pick console or portal, or the
   * MFA enrolment page when `mfaEnrolmentRequired`.
   */
  me: publicProcedure.query(({ ctx }) => {
    if (!ctx.actor) return null;
    const { sessionId: _sessionId, mfaEnrolmentRequired = false, ...user } = ctx.actor;
    return { ...user, mfaEnrolmentRequired };
  }),
  mfa: mfaRouter,
  sessions: sessionsRouter,
  /** Invitations and password resets: one-time links from mail, anyone may follow them. */
  invitation: publicProcedure
    .input(InvitationToken)
    .query(({ ctx, input }) => describeInvitation(serviceContext(ctx), input.token)),
  acceptInvitation: publicProcedure
    .input(AcceptInvitationInput)
    .mutation(async ({ ctx, input }) =>
      opened(
        ctx,
        await acceptInvitation(ctx, { ...serviceContext(ctx), userAgent: ctx.request.userAgent }, input),
      ),
    ),
  requestPasswordReset: publicProcedure.input(RequestPasswordResetInput).mutation(async ({ ctx, input }) => {
    await limitPasswordResets(ctx, input.email, ctx.request.ip);
    return requestPasswordReset(serviceContext(ctx), input);
  }),
  resetPassword: publicProcedure
    .input(ResetPasswordInput)
    .mutation(({ ctx, input }) => resetPassword(serviceContext(ctx), input)),
} satisfies TRPCRouterRecord;
