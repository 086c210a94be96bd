import type { ApiKeyScope } from "@tessera/domain";
import type { z } from "zod";
import type { ApiKeyPrincipal } from "../api-keys/principal.ts";
import type { Context, ServiceContext } from "../context.ts";

/**
 * One REST operation: where it lives, who may call it, the shapes it takes and answers (which
 * also write the OpenAPI document), and the service call it makes. Operations are plain data
 * in `operations/*.ts`; `handler.ts` serves them and `document.ts` describes them.
 */
export type RestMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type RestTag = "licenses" | "usage" | "support" | "organizations" | "white-label" | "audit";

/**
 * Which keys may call: a staff service key with `service`, an organisation key with
 * `organization` (its own data only), or both. `public` needs no key.
 */
export type RestAuth = { service?: ApiKeyScope; organization?: ApiKeyScope } | "public";

/** What a handler gets: the request's context, the service view of it, and who is calling. */
export interface RestCall {
  ctx: Context;
  service: ServiceContext;
  key: ApiKeyPrincipal | null;
  /** Set for an organisation key: the only organisation the call may touch. */
  organizationId: string | null;
}

type AnyObject = z.ZodObject;
type Out<S> = S extends z.ZodType ? z.output<S> : unknown;

export interface RestOperation<
  P extends AnyObject | undefined = AnyObject | undefined,
  Q extends AnyObject | undefined = AnyObject | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  R extends z.ZodType = z.ZodType,
> {
  /** Stable name for SDKs and logs, e.g. `licenses.suspend`. */
  operationId: string;
  method: RestMethod;
  /** Under /api, with `{name}` path parameters, e.g. `/v1/licenses/{licenseId}`. */
  path: `/${string}`;
  tag: RestTag;
  summary: string;
  description?: string;
  /** Kept for callers of an older path; the document marks it deprecated. */
  deprecated?: boolean;
  auth: RestAuth;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  /** 201 for operations that create; `location` then names the new resource's path. */
  status?: 200 | 201;
  location?: (result: z.output<R>) => string;
  /** Offered as text/csv when the request's Accept prefers it. */
  csv?: (result: z.output<R>) => string;
  /** Bytes of body accepted (default 1 MiB): the hot, small ones ask for less. */
  bodyLimit?: number;
  /** A request example for the document (the body, or the query of a GET). */
  example?: Record<string, unknown>;
  handle: (call: RestCall, input: Out<P> & Out<Q> & Out<B>) => Promise<z.input<R>>;
}

/** Declares an operation with its handler's input typed from its schemas. */
export const defineOperation = <
  P extends AnyObject | undefined = undefined,
  Q extends AnyObject | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends z.ZodType = z.ZodType,
>(
  operation: RestOperation<P, Q, B, R>,
): RestOperation => operation as unknown as RestOperation;
