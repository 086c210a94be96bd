import { SetNotificationPreferenceInput } from "@tessera/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { signedIn } from "../trpc.ts";
import { notificationPreferences, setNotificationPreference } from "./preferences.ts";

/** The signed-in person's own mail choices, staff or customer alike. */
export const notificationPreferencesRouter = {
  get: signedIn.query(({ ctx }) => notificationPreferences(ctx.db, ctx.actor.userId)),
  set: signedIn.input(SetNotificationPreferenceInput).mutation(async ({ ctx, input }) => {
    await setNotificationPreference(ctx.db, ctx.clock.now(), ctx.actor.userId, {
      // the schema refuses SECURITY, naming `category`
      category: input.category as Exclude<typeof input.category, "SECURITY">,
      email: input.email,
    });
    return notificationPreferences(ctx.db, ctx.actor.userId);
  }),
} satisfies TRPCRouterRecord;
