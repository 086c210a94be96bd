import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { ErrorEnvelope } from "./envelope.ts";
import type { RestOperation } from "./operation.ts";

/**
 * The OpenAPI 3.1 document, written from the operations themselves: every status an operation
 * can answer, with the error envelope on each refusal, so the contract cannot drift from the
 * code (the contract test checks every answer of the test suite against it).
 */
const STATUS_TEXT: Record<number, string> = {
  400: "The input is invalid: `field` names it",
  401: "No API key, or one that is unknown, revoked or expired",
  403: "The key's kind or scopes do not allow this, or the organisation's API access is off",
  404: "No such resource (or not one this key may see)",
  409: "A conflict: stale `expectedVersion`, a transition the state forbids, or an idempotent request still running",
  413: "The body is larger than this operation accepts",
  415: "The body is not application/json",
  422: "The Idempotency-Key was used with a different request",
  429: "Too many requests: retry after `Retry-After` seconds",
  431: "The request line and headers are over 16 KiB (a very long id or query string)",
  500: "A fault of ours, logged under the requestId",
  503: "The database is unavailable: retry after `Retry-After` seconds",
};

const RetryAfter = z.string().meta({ description: "seconds to wait before retrying", example: "30" });

const errorStatuses = (operation: RestOperation): number[] => {
  const hasBody = operation.method !== "GET" && operation.method !== "DELETE";
  return [
    400,
    ...(operation.auth === "public" ? [] : [401, 403]),
    404,
    ...(hasBody ? [409, 413, 415] : []),
    ...(operation.method === "POST" && operation.auth !== "public" ? [422] : []),
    429,
    431,
    500,
    503,
  ];
};

/** What a client sees for each status: an example envelope. */
const EXAMPLE_ERRORS: Record<number, { type: string; code: string; message: string; field?: string }> = {
  400: {
    type: "invalid_request_error",
    code: "VALIDATION_FAILED",
    message: "tier must be one of STARTER, PROFESSIONAL, ENTERPRISE, CUSTOM",
    field: "tier",
  },
  401: {
    type: "authentication_error",
    code: "UNAUTHENTICATED",
    message: "Send an API key as Authorization: Bearer",
  },
  403: { type: "permission_error", code: "FORBIDDEN", message: "The API key lacks the licenses:write scope" },
  404: { type: "not_found_error", code: "NOT_FOUND", message: "License not found" },
  409: {
    type: "conflict_error",
    code: "STALE_VERSION",
    message: "The license changed since you read it; reload and try again",
  },
  413: {
    type: "invalid_request_error",
    code: "PAYLOAD_TOO_LARGE",
    message: "must be at most 1 MiB",
    field: "body",
  },
  415: {
    type: "invalid_request_error",
    code: "UNSUPPORTED_MEDIA_TYPE",
    message: "Content-Type must be application/json",
    field: "Content-Type",
  },
  422: {
    type: "idempotency_error",
    code: "IDEMPOTENCY_KEY_REUSED",
    message: "Idempotency-Key was already used with a different request; send a new key",
    field: "Idempotency-Key",
  },
  429: { type: "rate_limit_error", code: "RATE_LIMITED", message: "Too many requests; retry in 12 seconds" },
  431: {
    type: "invalid_request_error",
    code: "PAYLOAD_TOO_LARGE",
    message: "the request line and headers must be at most 16 KiB",
    field: "headers",
  },
  500: { type: "api_error", code: "INTERNAL", message: "Internal error" },
  503: {
    type: "api_error",
    code: "UNAVAILABLE",
    message: "The database is unavailable; retry in a few seconds",
  },
};

const errorResponse = (status: number) => ({
  description: STATUS_TEXT[status] ?? "Error",
  content: {
    "application/json": {
      schema: ErrorEnvelope,
      example: { error: { ...EXAMPLE_ERRORS[status], requestId: "4f6a0c1e-7d2b-4c55-9a8e-2b1f3c4d5e6f" } },
    },
  },
  ...(status === 429 || status === 503 ? { headers: z.object({ "Retry-After": RetryAfter }) } : {}),
});

const successResponse = (operation: RestOperation) => {
  const status = operation.status ?? 200;
  const content = {
    "application/json": { schema: operation.response },
    ...(operation.csv
      ? { "text/csv": { schema: z.string().meta({ description: "with Accept: text/csv" }) } }
      : {}),
  };
  const headers = z.object({
    ...(operation.location ? { Location: z.string().meta({ description: "the new resource's path" }) } : {}),
    ...(operation.method === "POST"
      ? { "Idempotent-Replayed": z.literal("true").optional().meta({ description: "a stored answer" }) }
      : {}),
  });
  return { [status]: { description: status === 201 ? "Created" : "OK", content, headers } };
};

const IdempotencyKey = z.string().min(1).max(255).optional().meta({
  description: "Send the same key to retry safely: within 24 h the first answer is replayed",
  example: "9f1c2e54-billing-run-2026-11",
});

const describeOperation = (operation: RestOperation): ZodOpenApiOperationObject => ({
  operationId: operation.operationId,
  summary: operation.summary,
  ...(operation.description ? { description: operation.description } : {}),
  tags: [operation.tag],
  ...(operation.deprecated ? { deprecated: true } : {}),
  security: operation.auth === "public" ? [] : [{ bearer: [] }],
  requestParams: {
    ...(operation.params ? { path: operation.params } : {}),
    ...(operation.query ? { query: operation.query } : {}),
    ...(operation.method === "POST" && operation.auth !== "public"
      ? { header: z.object({ "Idempotency-Key": IdempotencyKey }) }
      : {}),
  },
  ...(operation.body
    ? {
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: operation.body,
              ...(operation.example ? { example: operation.example } : {}),
            },
          },
        },
      }
    : {}),
  responses: {
    ...successResponse(operation),
    ...Object.fromEntries(errorStatuses(operation).map((status) => [status, errorResponse(status)])),
  },
});

const SCOPES_TEXT =
  "Authenticate with `Authorization: Bearer <key>`. Staff service keys (scopes per resource, read or write) reach every organisation; an organisation's key reaches only its own data. Errors answer `{ error: { type, code, message, field, fieldErrors, requestId } }`. Lists take `limit` and `cursor` and answer `nextCursor`. Every POST takes an `Idempotency-Key`.";

export const buildDocument = (operations: RestOperation[], serverUrl: string) => {
  const paths: ZodOpenApiPathsObject = {};
  for (const operation of operations) {
    const item = (paths[operation.path] ?? {}) as Record<string, ZodOpenApiOperationObject>;
    item[operation.method.toLowerCase()] = describeOperation(operation);
    paths[operation.path] = item;
  }
  return createDocument(
    {
      openapi: "3.1.0",
      info: { title: "Tessera enterprise API", version: "1.0.0", description: SCOPES_TEXT },
      servers: [{ url: serverUrl }],
      tags: [...new Set(operations.map((operation) => operation.tag))].map((name) => ({ name })),
      components: {
        securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "tsk_… API key" } },
      },
      paths,
    },
    {
      override: ({ jsonSchema, zodSchema }) => {
        // Dates travel as ISO 8601 text both ways.
        if (zodSchema._zod.def.type === "date") {
          jsonSchema.type = "string";
          jsonSchema.format = "date-time";
        }
      },
    },
  );
};

let served: ReturnType<typeof createDocument> | null = null;

/** The document served at /api/openapi.json, written once per process. */
export const restDocument = (operations: RestOperation[]) => {
  served ??= buildDocument(operations, "/api");
  return served;
};
