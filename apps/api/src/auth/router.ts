import { SignInInput, SsoDiscoverInput } from "@tessera/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { serviceContext } from "../context.ts";
import { publicProcedure, signedIn } from "../trpc.ts";
import { discoverSso } from "../white-label/sso-login.ts";
import { clearedSessionCookie, sessionCookie } from "./cookie.ts";
import { signIn, signOut } from "./service.ts";

export const authRouter = {
  signIn: publicProcedure.input(SignInInput).mutation(async ({ ctx, input }) => {
    const result = await signIn(
      ctx,
      { ...serviceContext(ctx), userAgent: ctx.request.userAgent, host: ctx.request.host },
      input,
    );
    const maxAge = Math.floor((result.expiresAt.getTime() - ctx.clock.now().getTime()) / 1000);
    ctx.request.setHeader("Set-Cookie", sessionCookie(result.token, maxAge, ctx.request.secure));
    return { user: result.actor, expiresAt: result.expiresAt };
  }),
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
} satisfies TRPCRouterRecord;
