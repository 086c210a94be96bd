import { SetSupportRoutingInput, SupportTeamInput, UpdateSupportTeamInput } from "@tessera/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { serviceContext } from "../context.ts";
import { staff } from "../trpc.ts";
import {
  createSupportTeam,
  getSupportSettings,
  setSupportRouting,
  updateSupportTeam,
} from "./support-settings.ts";

/** Support → Settings: teams with their business hours, and routing per tier. Staff read; admins change. */
export const supportSettingsRouter = {
  get: staff().query(({ ctx }) => getSupportSettings(serviceContext(ctx))),
  createTeam: staff("ADMIN")
    .input(SupportTeamInput)
    .mutation(({ ctx, input }) => createSupportTeam(serviceContext(ctx), input)),
  updateTeam: staff("ADMIN")
    .input(UpdateSupportTeamInput)
    .mutation(({ ctx, input }) => updateSupportTeam(serviceContext(ctx), input)),
  setRouting: staff("ADMIN")
    .input(SetSupportRoutingInput)
    .mutation(({ ctx, input }) => setSupportRouting(serviceContext(ctx), input)),
} satisfies TRPCRouterRecord;
