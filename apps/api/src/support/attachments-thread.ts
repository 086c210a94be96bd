import type { Executor, Transaction } from "@tessera/db";
import { ticketAttachments, ticketMessages } from "@tessera/db/schema";
import { DomainError } from "@tessera/domain";
import { and, asc, eq, inArray, isNotNull, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Actor, ServiceContext } from "../context.ts";

export const ATTACHMENTS_ROUTE = "/support/attachments";
const attachmentPath = (attachmentId: string) => `${ATTACHMENTS_ROUTE}/${attachmentId}`;

/**
 * Attach uploads to a ticket's message (null: its description) in the caller's transaction.
 * Only the uploader's own uploads, not yet attached, and of the ticket's organisation (a
 * staff upload has none yet) are taken, by one conditional update: an id that is anyone
 * else's, already attached, or deleted as an orphan refuses the whole message.
 */
export const claimAttachments = async (
  tx: Transaction,
  ctx: ServiceContext,
  target: { ticketId: string; messageId: string | null; organizationId: string },
  attachmentIds: readonly string[],
) => {
  if (attachmentIds.length === 0) return;
  const uploader = ctx.actor?.userId;
  if (!uploader) {
    throw new DomainError("VALIDATION_FAILED", "attachmentIds: only a signed-in person attaches files", {
      field: "attachmentIds",
    });
  }
  const claimed = await tx
    .update(ticketAttachments)
    .set({
      ticketId: target.ticketId,
      messageId: target.messageId,
      organizationId: target.organizationId,
      attachedAt: ctx.clock.now(),
    })
    .where(
      and(
        inArray(ticketAttachments.id, [...attachmentIds]),
        eq(ticketAttachments.uploadedBy, uploader),
        isNull(ticketAttachments.ticketId),
        or(
          isNull(ticketAttachments.organizationId),
          eq(ticketAttachments.organizationId, target.organizationId),
        ),
      ),
    )
    .returning({ id: ticketAttachments.id });
  if (claimed.length !== attachmentIds.length) {
    throw new DomainError(
      "VALIDATION_FAILED",
      "attachmentIds must name files you uploaded within the last hour and not yet sent",
      { field: "attachmentIds" },
    );
  }
};

/** Not on an internal note: the description's files, or a public message's. */
const notOnInternalNote = (): SQL =>
  or(
    isNull(ticketAttachments.messageId),
    sql`exists (select 1 from ${ticketMessages} where ${ticketMessages.id} = ${ticketAttachments.messageId} and not ${ticketMessages.internal})`,
  ) as SQL;

/** A ticket's files for its thread, each with its message (null: the description). */
export const ticketAttachmentList = async (executor: Executor, ticketId: string, forCustomer: boolean) => {
  const rows = await executor
    .select({
      id: ticketAttachments.id,
      messageId: ticketAttachments.messageId,
      filename: ticketAttachments.filename,
      contentType: ticketAttachments.contentType,
      sizeBytes: ticketAttachments.sizeBytes,
    })
    .from(ticketAttachments)
    .where(
      forCustomer
        ? and(eq(ticketAttachments.ticketId, ticketId), notOnInternalNote())
        : eq(ticketAttachments.ticketId, ticketId),
    )
    .orderBy(asc(ticketAttachments.attachedAt), asc(ticketAttachments.createdAt), asc(ticketAttachments.id));
  return rows.map((row) => ({ ...row, url: attachmentPath(row.id) }));
};

/**
 * An attachment the actor may download: staff any attached file; a customer only their
 * organisation's, never one on an internal note; either their own upload not yet attached.
 * Anything else is as if it did not exist.
 */
export const findDownloadable = async (executor: Executor, actor: Actor, attachmentId: string) => {
  const notFound = new DomainError("NOT_FOUND", "Attachment not found", { field: "attachmentId" });
  const organizationId = actor.organizationId;
  if (actor.kind !== "STAFF" && !organizationId) throw notFound;
  const ownPending = and(isNull(ticketAttachments.ticketId), eq(ticketAttachments.uploadedBy, actor.userId));
  const visible =
    actor.kind === "STAFF"
      ? or(isNotNull(ticketAttachments.ticketId), ownPending)
      : and(
          eq(ticketAttachments.organizationId, organizationId as string),
          or(and(isNotNull(ticketAttachments.ticketId), notOnInternalNote()), ownPending),
        );
  const [row] = await executor
    .select({
      id: ticketAttachments.id,
      filename: ticketAttachments.filename,
      contentType: ticketAttachments.contentType,
    })
    .from(ticketAttachments)
    .where(and(eq(ticketAttachments.id, attachmentId), visible));
  if (!row) throw notFound;
  return row;
};
