import type { ServerResponse } from "node:http";
import { DomainError } from "@tessera/domain";
import type { ServiceContext } from "../context.ts";
import { parseScimFilter } from "./filter.ts";
import { findGroup, groupMembers, patchGroup, toScimGroup } from "./group-service.ts";
import { sendScim } from "./http-response.ts";
import {
  listResponse,
  PATCH_SCHEMA,
  resourceTypes,
  SCIM_MAX_RESULTS,
  schemaDocuments,
  serviceProviderConfig,
} from "./protocol.ts";
import {
  ROLE_GROUPS,
  requireSchemas,
  toScimUser,
  USER_BODY_SCHEMAS,
  type WritableUser,
} from "./user-document.ts";
import { applyUserPatch, patchOperations } from "./user-patch.ts";
import { changeScimUser, createScimUser, deleteScimUser } from "./user-service.ts";
import { findScimUser, listScimUsers } from "./user-store.ts";

export interface ScimRequest {
  method: string;
  /** Path segments after `/scim/v2`, e.g. `["Users", "<id>"]`. */
  segments: string[];
  query: URLSearchParams;
  body: Record<string, unknown> | null;
  /** Absolute base URL for `meta.location`. */
  base: string;
  organizationId: string;
}

const notFound = (what = "Resource") => new DomainError("NOT_FOUND", `${what} not found`, { field: "path" });
const methodNotAllowed = () =>
  new DomainError("BAD_REQUEST", "This method is not supported on this resource", { field: "method" });

/** `startIndex` (1-based, at least 1) and `count` (0 to the maximum), as RFC 7644 §3.4.2.4 clamps them. */
const paging = (query: URLSearchParams) => {
  const start = Number.parseInt(query.get("startIndex") ?? "1", 10);
  const count = Number.parseInt(query.get("count") ?? String(SCIM_MAX_RESULTS), 10);
  return {
    startIndex: Number.isFinite(start) && start > 1 ? start : 1,
    count: Number.isFinite(count) ? Math.min(Math.max(count, 0), SCIM_MAX_RESULTS) : SCIM_MAX_RESULTS,
  };
};

const userDocument = (body: Record<string, unknown>) => {
  requireSchemas(body, USER_BODY_SCHEMAS);
  return body as WritableUser;
};

const patchBody = (body: Record<string, unknown>) => {
  requireSchemas(body, [PATCH_SCHEMA]);
  return patchOperations(body);
};

const handleUsers = async (ctx: ServiceContext, request: ScimRequest, res: ServerResponse) => {
  const { method, segments, organizationId, base } = request;
  const body = request.body ?? {};
  const id = segments[1];
  if (segments.length > 2) throw notFound();
  if (id === undefined) {
    if (method === "POST") {
      const created = await createScimUser(ctx, organizationId, userDocument(body));
      return sendScim(res, 201, toScimUser(created, base), `${base}/Users/${created.id}`);
    }
    if (method !== "GET") throw methodNotAllowed();
    const filter = request.query.get("filter");
    const page = paging(request.query);
    const lookup = filter ? parseScimFilter(filter, "User") : null;
    const { rows, total } = await listScimUsers(ctx.db, organizationId, { lookup, ...page });
    return sendScim(
      res,
      200,
      listResponse(
        rows.map((row) => toScimUser(row, base)),
        total,
        page.startIndex,
      ),
    );
  }
  if (method === "GET") {
    const row = await findScimUser(ctx.db, organizationId, id);
    if (!row) throw notFound("User");
    return sendScim(res, 200, toScimUser(row, base));
  }
  if (method === "PUT") {
    const document = userDocument(body);
    const updated = await changeScimUser(ctx, organizationId, id, () => document);
    return sendScim(res, 200, toScimUser(updated, base));
  }
  if (method === "PATCH") {
    const operations = patchBody(body);
    const updated = await changeScimUser(ctx, organizationId, id, (current) =>
      applyUserPatch(toScimUser(current, base), operations),
    );
    return sendScim(res, 200, toScimUser(updated, base));
  }
  if (method === "DELETE") {
    await deleteScimUser(ctx, organizationId, id);
    return sendScim(res, 204);
  }
  throw methodNotAllowed();
};

const handleGroups = async (ctx: ServiceContext, request: ScimRequest, res: ServerResponse) => {
  const { method, segments, organizationId, base } = request;
  const withMembers = !/\bmembers\b/i.test(request.query.get("excludedAttributes") ?? "");
  const id = segments[1];
  if (segments.length > 2) throw notFound();
  if (id === undefined) {
    if (method !== "GET") throw methodNotAllowed();
    const filter = request.query.get("filter");
    const lookup = filter ? parseScimFilter(filter, "Group") : null;
    const groups = ROLE_GROUPS.filter(
      (group) =>
        !lookup ||
        (lookup.attribute === "displayName" &&
          group.displayName.toLowerCase() === lookup.value.toLowerCase()) ||
        (lookup.attribute === "id" && group.id === lookup.value),
    );
    const page = paging(request.query);
    const shown = groups.slice(page.startIndex - 1, page.startIndex - 1 + page.count);
    const resources = await Promise.all(
      shown.map(async (group) =>
        toScimGroup(group, withMembers ? await groupMembers(ctx.db, organizationId, group) : null, base),
      ),
    );
    return sendScim(res, 200, listResponse(resources, groups.length, page.startIndex));
  }
  const group = findGroup(id);
  if (method === "PATCH") {
    await patchGroup(ctx, organizationId, group, patchBody(request.body ?? {}));
  } else if (method !== "GET") {
    throw methodNotAllowed();
  }
  return sendScim(
    res,
    200,
    toScimGroup(group, withMembers ? await groupMembers(ctx.db, organizationId, group) : null, base),
  );
};

/** The discovery documents, each also by its id (`/Schemas/<urn>`, `/ResourceTypes/User`). */
const discovery = (request: ScimRequest): unknown => {
  const [resource, id] = request.segments;
  if (resource === "ServiceProviderConfig" && id === undefined) return serviceProviderConfig(request.base);
  const documents =
    resource === "ResourceTypes"
      ? resourceTypes(request.base)
      : resource === "Schemas"
        ? schemaDocuments(request.base)
        : null;
  if (!documents) return null;
  if (id === undefined) return listResponse(documents, documents.length, 1);
  return documents.find((document) => document.id === id) ?? null;
};

export const routeScimRequest = async (ctx: ServiceContext, request: ScimRequest, res: ServerResponse) => {
  const resource = request.segments[0];
  if (resource === "Users") return handleUsers(ctx, request, res);
  if (resource === "Groups") return handleGroups(ctx, request, res);
  if (request.method !== "GET") throw methodNotAllowed();
  const document = discovery(request);
  if (!document) throw notFound();
  return sendScim(res, 200, document);
};
