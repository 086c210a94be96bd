import {
  AssignTicketInput,
  ChangeTicketPriorityInput,
  ChangeTicketStatusInput,
  CreateTicketInput,
  CustomerTicketListInput,
  LicenseId,
  NotificationId,
  PageInput,
  PortalCreateTicketInput,
  ReplyInput,
  StaffCreateTicketInput,
  TicketId,
  TicketOutput,
  TicketQueueInput,
  TicketSearchInput,
  UsageRange,
} from "@tessera/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { serviceContext } from "../context.ts";
import { onReplica } from "../replica/read-db.ts";
import { apiKey, customer, staff } from "../trpc.ts";
import { createTicket } from "./create-ticket.ts";
import { getCustomerContext } from "./customer-context.ts";
import { listNotifications, markAllNotificationsRead, markNotificationRead } from "./notifications.ts";
import { searchTickets } from "./search.ts";
import { getSupportStats } from "./stats.ts";
import { assignTicket, changeTicketPriority, replyToTicket, updateTicketStatus } from "./ticket-changes.ts";
import {
  getLicenseTickets,
  getOpenTickets,
  getSLABreachedTickets,
  getTicket,
  listTickets,
} from "./ticket-queries.ts";
import { listQueue } from "./views.ts";

const agents = () => staff("ADMIN", "SUPPORT");

export const supportRouter = {
  /** The platform opens tickets for its organisation with a `tickets:write` key. */
  createViaApi: apiKey("tickets:write")
    .input(CreateTicketInput)
    .output(TicketOutput)
    .mutation(({ ctx, input }) => createTicket(serviceContext(ctx), ctx.organizationId, input)),
  createForOrganization: agents()
    .input(StaffCreateTicketInput)
    .mutation(({ ctx, input }) => createTicket(serviceContext(ctx), input.organizationId, input)),
  queue: staff()
    .input(TicketQueueInput)
    .query(({ ctx, input }) => listQueue(serviceContext(ctx), input)),
  search: staff()
    .input(TicketSearchInput)
    .query(({ ctx, input }) => searchTickets(serviceContext(ctx), input)),
  customerContext: staff()
    .input(TicketId)
    .query(({ ctx, input }) => onReplica(ctx, (service) => getCustomerContext(service, input.ticketId))),
  get: staff()
    .input(TicketId)
    .query(({ ctx, input }) => getTicket(serviceContext(ctx), input.ticketId)),
  reply: agents()
    .input(ReplyInput)
    .mutation(({ ctx, input }) => replyToTicket(serviceContext(ctx), input.ticketId, input)),
  updateStatus: agents()
    .input(ChangeTicketStatusInput)
    .mutation(({ ctx, input }) => updateTicketStatus(serviceContext(ctx), input.ticketId, input.status)),
  changePriority: agents()
    .input(ChangeTicketPriorityInput)
    .mutation(({ ctx, input }) => changeTicketPriority(serviceContext(ctx), input.ticketId, input.priority)),
  assign: agents()
    .input(AssignTicketInput)
    .mutation(({ ctx, input }) => assignTicket(serviceContext(ctx), input.ticketId, input.assigneeId)),
  open: staff()
    .input(PageInput)
    .query(({ ctx, input }) => getOpenTickets(serviceContext(ctx), input)),
  breached: staff()
    .input(PageInput)
    .query(({ ctx, input }) => getSLABreachedTickets(serviceContext(ctx), input)),
  licenseTickets: staff()
    .input(LicenseId)
    .query(({ ctx, input }) => getLicenseTickets(serviceContext(ctx), input.licenseId)),
  stats: staff()
    .input(UsageRange)
    .query(({ ctx, input }) => onReplica(ctx, (service) => getSupportStats(service, input))),
  notifications: staff()
    .input(PageInput)
    .query(({ ctx, input }) => listNotifications(serviceContext(ctx), ctx.actor.userId, input)),
  markNotificationRead: staff()
    .input(NotificationId)
    .mutation(({ ctx, input }) =>
      markNotificationRead(serviceContext(ctx), ctx.actor.userId, input.notificationId),
    ),
  markAllNotificationsRead: staff().mutation(({ ctx }) =>
    markAllNotificationsRead(serviceContext(ctx), ctx.actor.userId),
  ),

  /** Customers: their organisation's tickets only. */
  create: customer()
    .input(PortalCreateTicketInput)
    .mutation(({ ctx, input }) => createTicket(serviceContext(ctx), ctx.organizationId, input)),
  mine: customer()
    .input(CustomerTicketListInput)
    .query(({ ctx, input }) => listTickets(serviceContext(ctx), input, ctx.organizationId)),
  searchMine: customer()
    .input(TicketSearchInput)
    .query(({ ctx, input }) => searchTickets(serviceContext(ctx), input, ctx.organizationId)),
  getMine: customer()
    .input(TicketId)
    .query(({ ctx, input }) => getTicket(serviceContext(ctx), input.ticketId, ctx.organizationId)),
  replyMine: customer()
    .input(ReplyInput)
    .mutation(({ ctx, input }) =>
      replyToTicket(serviceContext(ctx), input.ticketId, input, ctx.organizationId),
    ),
  updateMyStatus: customer()
    .input(ChangeTicketStatusInput)
    .mutation(({ ctx, input }) =>
      updateTicketStatus(serviceContext(ctx), input.ticketId, input.status, ctx.organizationId),
    ),
} satisfies TRPCRouterRecord;
