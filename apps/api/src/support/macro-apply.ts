import type { Executor } from "@tessera/db";
import { organizations, users } from "@tessera/db/schema";
import {
  type ApplyMacroInput,
  assertTicketTransition,
  DomainError,
  formatTicketNumber,
  type MacroValues,
  renderMacro,
  statusAfterReply,
  type TicketStatus,
} from "@tessera/domain";
import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { ServiceContext } from "../context.ts";
import { findLiveMacro } from "./macros.ts";
import { addReply, changeTicket } from "./ticket-changes.ts";
import { findTicket } from "./ticket-queries.ts";
import type { TicketRow } from "./ticket-view.ts";

/** A reply's limit (ReplyInput): a rendered macro may not exceed it either. */
const MAX_REPLY = 20_000;

/** The placeholders' values for this ticket; a key-opened ticket greets its organisation. */
const macroValues = async (
  executor: Executor,
  ticket: TicketRow,
  agentName: string,
): Promise<MacroValues> => {
  const [facts] = await executor
    .select({
      organizationName: organizations.name,
      requesterName: sql<
        string | null
      >`(select ${users.name} from ${users} where ${users.id} = ${ticket.requesterUserId})`,
    })
    .from(organizations)
    .where(eq(organizations.id, ticket.organizationId));
  const organizationName = facts?.organizationName ?? "";
  return {
    "customer.name": facts?.requesterName ?? organizationName,
    "organization.name": organizationName,
    "ticket.number": formatTicketNumber(ticket.number),
    "ticket.subject": ticket.subject,
    "agent.name": agentName,
  };
};

/**
 * One click: the macro's rendered public reply and its status and priority, in one
 * transaction under the reply's and the status flow's rules. The version the agent saw must
 * still be the ticket's, so a second click (or a change in between) posts nothing.
 */
export const applyMacro = async (ctx: ServiceContext, input: z.output<typeof ApplyMacroInput>) => {
  // changeTicket answers the ticket's view (clocks in its team's calendar)
  return ctx.db.transaction(async (tx) => {
    const macro = await findLiveMacro(tx, input.macroId);
    const current = await findTicket(tx, input.ticketId);
    if (current.version !== input.version) {
      throw new DomainError(
        "STALE_VERSION",
        "The ticket changed since you opened it (a reply, or this macro applied already); reload it and try again",
        { field: "version" },
      );
    }
    // Every rule is checked before the first write, so a refusal leaves nothing behind.
    const afterReply = statusAfterReply(current.status as TicketStatus, "STAFF");
    const moveTo = macro.setStatus && macro.setStatus !== afterReply ? macro.setStatus : null;
    if (moveTo) assertTicketTransition(afterReply, moveTo, "STAFF");
    const body = renderMacro(macro.body, await macroValues(tx, current, ctx.actor?.name ?? "Support"));
    if (body.length > MAX_REPLY) {
      throw new DomainError("VALIDATION_FAILED", "body is over 20,000 characters once filled in", {
        field: "body",
      });
    }
    const replied = await addReply(tx, ctx, current, { body, internal: false }, { macroId: macro.id });
    const moved = moveTo
      ? await changeTicket(tx, ctx, replied, { status: moveTo }, "ticket.status_changed", {
          macroId: macro.id,
        })
      : replied;
    return macro.setPriority && macro.setPriority !== moved.priority
      ? changeTicket(tx, ctx, moved, { priority: macro.setPriority }, "ticket.priority_changed", {
          macroId: macro.id,
        })
      : moved;
  });
};
