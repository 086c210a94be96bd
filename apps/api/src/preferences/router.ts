import { DatePreferencesInput } from "@tessera/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { signedIn } from "../trpc.ts";
import { datePreferences, setDatePreferences } from "./date-preferences.ts";

/** The signed-in person's own time zone and date format, staff or customer alike. */
export const datePreferencesRouter = {
  get: signedIn.query(({ ctx }) => datePreferences(ctx.db, ctx.actor.userId)),
  set: signedIn
    .input(DatePreferencesInput)
    .mutation(({ ctx, input }) => setDatePreferences(ctx.db, ctx.clock.now(), ctx.actor.userId, input)),
} satisfies TRPCRouterRecord;
