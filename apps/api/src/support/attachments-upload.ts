import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { ticketAttachments } from "@tessera/db/schema";
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENTS_PENDING_PER_USER,
  checkAttachmentBytes,
  DomainError,
} from "@tessera/domain";
import { and, count, eq, isNull } from "drizzle-orm";
import type { Actor, ServiceContext } from "../context.ts";
import { lockOrganizationFor } from "../quotas/organization-lock.ts";
import { readBodyBytes } from "../request-body.ts";
import type { AttachmentStore } from "./attachment-store.ts";

const tooLarge = () =>
  new DomainError("PAYLOAD_TOO_LARGE", "The file must be at most 10 MiB", {
    field: "file",
    maxBytes: ATTACHMENT_MAX_BYTES,
  });

/**
 * A declared Content-Length over 10 MiB, refused as soon as the headers are in, before the
 * session is even looked up: the client learns it while it has barely started sending.
 */
export const refuseDeclaredOversize = (req: IncomingMessage) => {
  if (Number(req.headers["content-length"]) > ATTACHMENT_MAX_BYTES) throw tooLarge();
};

/**
 * The upload's bytes, at most 10 MiB: a chunked body is refused as soon as it passes the cap
 * (see `readBodyBytes`), with the rest discarded unread, naming `file`.
 */
export const readUpload = async (req: IncomingMessage): Promise<Buffer> => {
  try {
    return await readBodyBytes(req, ATTACHMENT_MAX_BYTES);
  } catch (error) {
    if (error instanceof DomainError && error.code === "PAYLOAD_TOO_LARGE") throw tooLarge();
    throw error;
  }
};

/**
 * Store an upload, unattached, for the person who sent it: type read from the bytes, and at
 * most `ATTACHMENTS_PENDING_PER_USER` of theirs waiting at once (counted under a lock per
 * user, so parallel uploads cannot all pass). A reply or new ticket then takes it by id.
 */
export const storeUpload = async (
  ctx: ServiceContext,
  store: AttachmentStore,
  actor: Actor,
  upload: { filename: string; declaredType: string; bytes: Buffer },
) => {
  const contentType = checkAttachmentBytes(upload.bytes, upload.declaredType);
  const sha256 = createHash("sha256").update(upload.bytes).digest("hex");
  return ctx.db.transaction(async (tx) => {
    await lockOrganizationFor(tx, actor.userId, "attachments:pending");
    const [pending] = await tx
      .select({ n: count() })
      .from(ticketAttachments)
      .where(and(eq(ticketAttachments.uploadedBy, actor.userId), isNull(ticketAttachments.ticketId)));
    if ((pending?.n ?? 0) >= ATTACHMENTS_PENDING_PER_USER) {
      throw new DomainError(
        "QUOTA_EXCEEDED",
        `You already hold ${ATTACHMENTS_PENDING_PER_USER} files not yet sent; send or wait an hour for them to expire`,
        { field: "file", limit: ATTACHMENTS_PENDING_PER_USER },
      );
    }
    const [row] = await tx
      .insert(ticketAttachments)
      .values({
        organizationId: actor.organizationId,
        filename: upload.filename,
        contentType,
        sizeBytes: upload.bytes.length,
        sha256,
        uploadedBy: actor.userId,
        createdAt: ctx.clock.now(),
      })
      .returning({
        id: ticketAttachments.id,
        filename: ticketAttachments.filename,
        contentType: ticketAttachments.contentType,
        sizeBytes: ticketAttachments.sizeBytes,
      });
    if (!row) throw new Error("insert returned no row");
    await store.put(tx, row.id, upload.bytes);
    return row;
  });
};
