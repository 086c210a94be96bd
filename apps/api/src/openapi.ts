import type { IncomingMessage, ServerResponse } from "node:http";
import { DomainError } from "@tessera/domain";
import { createOpenApiNodeHttpHandler, generateOpenApiDocument } from "trpc-to-openapi";
import type { AppDeps } from "./context.ts";
import { MAX_BODY_BYTES, sendRefusal } from "./request-body.ts";
import { contextFromNodeRequest } from "./request-context.ts";
import { appRouter } from "./router.ts";

export const REST_BASE = "/api";

let document: ReturnType<typeof generateOpenApiDocument> | null = null;

/** The OpenAPI 3 document, generated once from the procedures' zod schemas. */
export const openApiDocument = () => {
  document ??= generateOpenApiDocument(appRouter, {
    title: "Tessera enterprise API",
    description:
      "Licenses for the learning platform. Authenticate with `Authorization: Bearer <key>`: a staff service key for license management; validation is public. Errors answer `{ message, code, data: { code, field, fieldErrors } }`.",
    version: "1.0.0",
    baseUrl: REST_BASE,
    securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "tsk_… API key" } },
  });
  return document;
};

const isJson = (req: IncomingMessage) =>
  req.headers["content-type"]?.split(";", 1)[0]?.trim().toLowerCase() === "application/json";

/**
 * REST for integrators: the same procedures, at the paths their metadata names under /api.
 * `bodyText` was read and capped by the body gate; the adapter takes it parsed as `req.body`.
 */
export const createRestHandler = (deps: AppDeps) => {
  const handler = createOpenApiNodeHttpHandler({
    router: appRouter,
    createContext: ({ req, res }) => contextFromNodeRequest(deps, req, res),
    maxBodySize: MAX_BODY_BYTES,
  });
  return (req: IncomingMessage & { body?: unknown }, res: ServerResponse, bodyText: string) => {
    try {
      req.body = bodyText && isJson(req) ? JSON.parse(bodyText) : undefined;
    } catch {
      return sendRefusal(res, "rest", new DomainError("BAD_REQUEST", "is not valid JSON", { field: "body" }));
    }
    req.url = (req.url ?? "/").slice(REST_BASE.length) || "/";
    return handler(req, res);
  };
};
