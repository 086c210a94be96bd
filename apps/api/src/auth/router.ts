import {
  AcceptInvitationInput,
  InvitationToken,
  RequestPasswordResetInput,
  ResetPasswordInput,
  SignInInput,
  SsoDiscoverInput,
} from "@tessera/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { type Context, serviceContext } from "../context.ts";
import { publicProcedure, signedIn } from "../trpc.ts";
import { discoverSso } from "../white-label/sso-login.ts";
import { clearedSessionCookie, sessionCookie } from "./cookie.ts";
import { acceptInvitation, describeInvitation } from "./invitations.ts";
import { requestPasswordReset, resetPassword } from "./password-reset.ts";
import { limitPasswordResets } from "./password-reset-limiter.ts";
import { signIn, signOut } from "./service.ts";

export const authRouter = {
  signIn: publicProcedure
    .input(SignInInput)
    .mutation(async ({ ctx, input }) =>
      withSessionCookie(
        ctx,
        await signIn(
          ctx,
          { ...serviceContext(ctx), userAgent: ctx.request.userAgent, host: ctx.request.host },
          input,
        ),
      ),
    ),
  signOut: signedIn.mutation(async ({ ctx }) => {
    await signOut(serviceContext(ctx));
    ctx.request.setHeader("Set-Cookie", clearedSessionCookie(ctx.request.secure));
    return { signedOut: true };
  }),
  /** Where to start single sign-on for an email, when its domain's organisation has OIDC set up. */
  discoverSso: publicProcedure
    .input(SsoDiscoverInput)
    .mutation(({ ctx, input }) => discoverSso(serviceContext(ctx), input)),
  /** The signed-in user, or null: the SPA asks this first to pick console or portal. */
  me: publicProcedure.query(({ ctx }) => {
    if (!ctx.actor) return null;
    const { sessionId: _sessionId, ...user } = ctx.actor;
    return user;
  }),
  /** Invitations and password resets: one-time links from mail, anyone may follow them. */
  invitation: publicProcedure
    .input(InvitationToken)
    .query(({ ctx, input }) => describeInvitation(serviceContext(ctx), input.token)),
  acceptInvitation: publicProcedure
    .input(AcceptInvitationInput)
    .mutation(async ({ ctx, input }) =>
      withSessionCookie(
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

/** Set the new session's cookie, as every way of signing in answers. */
const withSessionCookie = (ctx: Context, result: Awaited<ReturnType<typeof signIn>>) => {
  const maxAge = Math.floor((result.expiresAt.getTime() - ctx.clock.now().getTime()) / 1000);
  ctx.request.setHeader("Set-Cookie", sessionCookie(result.token, maxAge, ctx.request.secure));
  return { user: result.actor, expiresAt: result.expiresAt };
};
