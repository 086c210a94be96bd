import { AuditFilter } from "@tessera/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { onReplica } from "../replica/read-db.ts";
import { customer, staff } from "../trpc.ts";
import { listAuditEvents } from "./service.ts";

export const auditRouter = {
  /** Staff: the whole log, filterable by organisation, action, actor, target and time. */
  list: staff()
    .input(AuditFilter)
    .query(({ ctx, input }) => onReplica(ctx, (service) => listAuditEvents(service, input, null))),
  /** Customer admins: their organisation's log only. */
  listOwn: customer("OWNER", "ADMIN")
    .input(AuditFilter)
    .query(({ ctx, input }) =>
      onReplica(ctx, (service) => listAuditEvents(service, input, ctx.organizationId)),
    ),
} satisfies TRPCRouterRecord;
