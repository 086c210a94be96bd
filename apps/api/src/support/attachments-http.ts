import type { IncomingMessage, ServerResponse } from "node:http";
import { ATTACHMENT_MAX_BYTES, DomainError, sanitizeFilename } from "@tessera/domain";
import { type Actor, type AppDeps, serviceContext } from "../context.ts";
import { writeJson } from "../json-response.ts";
import { contextFromNodeRequest } from "../request-context.ts";
import { type AttachmentStore, databaseAttachmentStore } from "./attachment-store.ts";
import { ATTACHMENTS_ROUTE, findDownloadable } from "./attachments-thread.ts";
import { readUpload, refuseDeclaredOversize, storeUpload } from "./attachments-upload.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `/support/attachments` (upload) and `/support/attachments/<id>` (download). */
export const isAttachmentsPath = (pathname: string) =>
  pathname === ATTACHMENTS_ROUTE || pathname.startsWith(`${ATTACHMENTS_ROUTE}/`);

/** A session, and one that may do more than enrol in MFA. */
const requireActor = (actor: Actor | null): Actor => {
  if (!actor) throw new DomainError("UNAUTHENTICATED", "Sign in first");
  if (actor.mfaEnrolmentRequired)
    throw new DomainError("MFA_ENROLMENT_REQUIRED", "Turn on two-factor authentication first");
  return actor;
};

/** RFC 6266: an ASCII fallback, and the exact name in UTF-8 for every current browser. */
const contentDisposition = (filename: string) => {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const exact = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${exact}`;
};

const serveAttachment = async (
  deps: AppDeps,
  store: AttachmentStore,
  actor: Actor,
  attachmentId: string,
  res: ServerResponse,
) => {
  const found = await findDownloadable(deps.db, actor, attachmentId);
  const bytes = await store.get(deps.db, found.id);
  if (!bytes) throw new DomainError("NOT_FOUND", "Attachment not found", { field: "attachmentId" });
  res.writeHead(200, {
    "Content-Type": found.contentType === "text/plain" ? "text/plain; charset=utf-8" : found.contentType,
    "Content-Length": String(bytes.length),
    // Always a download, never rendered as our origin; were it opened anyway, it runs nothing.
    "Content-Disposition": contentDisposition(found.filename),
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "sandbox; default-src 'none'",
    "Cache-Control": "private, no-store",
  });
  res.end(bytes);
};

/** A refusal as JSON; an upload's unread rest is discarded. */
const refuse = (req: IncomingMessage, res: ServerResponse, error: DomainError) => {
  if (res.headersSent) return void res.end();
  // read and drop what the client still sends, never buffered
  if (req.method === "POST") req.resume();
  const retryAfter = error.details.retryAfterSeconds;
  if (typeof retryAfter === "number") res.setHeader("Retry-After", String(retryAfter));
  // a declared oversize closes the connection (the client has barely started); a body cut
  // off mid-stream is read to its end and dropped instead, as closing then resets the
  // connection before the client reads this answer
  const close = Number(req.headers["content-length"]) > ATTACHMENT_MAX_BYTES;
  const body = { error: { code: error.code, message: error.message, ...error.details } };
  writeJson(res, error.status, body, close ? { Connection: "close" } : {});
};

/**
 * Uploads and downloads of ticket attachments, with the session cookie (the SPA's), after
 * http.ts's cross-site check. POST takes the raw file: its type in Content-Type (checked
 * against the bytes), its name in `?filename=`; it answers the new upload's id.
 */
export const createAttachmentsHandler = (deps: AppDeps, store: AttachmentStore = databaseAttachmentStore) => {
  return async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    try {
      if (req.method === "POST") refuseDeclaredOversize(req);
      const ctx = await contextFromNodeRequest(deps, req, res);
      const actor = requireActor(ctx.actor);
      if (url.pathname === ATTACHMENTS_ROUTE && req.method === "POST") {
        await deps.sessionMutationLimiter.consume(actor.sessionId);
        const filename = sanitizeFilename(url.searchParams.get("filename") ?? "");
        const bytes = await readUpload(req);
        const stored = await storeUpload(serviceContext(ctx), store, actor, {
          filename,
          declaredType: req.headers["content-type"] ?? "",
          bytes,
        });
        return writeJson(res, 201, { ...stored, url: `${ATTACHMENTS_ROUTE}/${stored.id}` });
      }
      const attachmentId = url.pathname.slice(ATTACHMENTS_ROUTE.length + 1);
      if (req.method === "GET" && UUID.test(attachmentId))
        return await serveAttachment(deps, store, actor, attachmentId, res);
      throw new DomainError("NOT_FOUND", "Not found");
    } catch (error) {
      if (error instanceof DomainError) return refuse(req, res, error);
      throw error;
    }
  };
};
