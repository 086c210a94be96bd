import { AuditFilter } from "@tessera/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { serviceContext } from "../context.ts";
import { customer, staff } from "../trpc.ts";
import { listAuditEvents } from "./service.ts";

export const auditRouter = {
  /** Staff: the whole log, filterable by organisation, action, actor, target and time. */
  list: staff()
    .input(AuditFilter)
    .query(({ ctx, input }) => listAuditEvents(serviceContext(ctx), input, null)),
  /** Customer admins: their organisation's log only. */
  listOwn: customer("OWNER", "ADMIN")
    .input(AuditFilter)
    .query(({ ctx, input }) => listAuditEvents(serviceContext(ctx), input, ctx.organizationId)),
} satisfies TRPCRouterRecord;
