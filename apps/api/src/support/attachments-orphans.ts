import { ticketAttachments } from "@tessera/db/schema";
import { ATTACHMENT_ORPHAN_HOURS } from "@tessera/domain";
import { and, asc, inArray, isNull, lt } from "drizzle-orm";
import type { AppDeps } from "../context.ts";
import { type AttachmentStore, databaseAttachmentStore } from "./attachment-store.ts";

/** Orphans deleted per run at most; the next run takes the rest. */
const BATCH = 500;

/**
 * Delete uploads that no message took within the hour, bytes and metadata. Safe beside other
 * instances and against a reply taking one at that moment: candidates are locked (SKIP LOCKED,
 * so two instances split them), and a reply's conditional update waits on the lock and then
 * finds the upload gone, refusing with `attachmentIds`.
 */
export const pruneOrphanAttachments = async (
  deps: Pick<AppDeps, "db">,
  now: Date,
  store: AttachmentStore = databaseAttachmentStore,
) => {
  const cutoff = new Date(now.getTime() - ATTACHMENT_ORPHAN_HOURS * 3_600_000);
  const deleted = await deps.db.transaction(async (tx) => {
    const candidates = await tx
      .select({ id: ticketAttachments.id })
      .from(ticketAttachments)
      .where(and(isNull(ticketAttachments.ticketId), lt(ticketAttachments.createdAt, cutoff)))
      .orderBy(asc(ticketAttachments.createdAt))
      .limit(BATCH)
      .for("update", { skipLocked: true });
    const ids = candidates.map((row) => row.id);
    if (ids.length === 0) return 0;
    await store.delete(tx, ids);
    await tx.delete(ticketAttachments).where(inArray(ticketAttachments.id, ids));
    return ids.length;
  });
  return { deleted };
};
