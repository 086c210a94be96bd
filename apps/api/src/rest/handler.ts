import type { IncomingMessage, ServerResponse } from "node:http";
import { DomainError } from "@tessera/domain";
import type { AppDeps } from "../context.ts";
import { writeJson } from "../json-response.ts";
import { admitRequestBody, MAX_BODY_BYTES } from "../request-body.ts";
import { contextFromNodeRequest, REQUEST_IDS } from "../request-context.ts";
import { authorize } from "./auth.ts";
import { toRestFailure } from "./envelope.ts";
import {
  claimIdempotencyKey,
  type IdempotencyScope,
  idempotencyKeyOf,
  releaseIdempotencyKey,
  requestFingerprint,
  storeIdempotentResult,
} from "./idempotency.ts";
import type { RestCall, RestOperation } from "./operation.ts";
import { REST_OPERATIONS } from "./operations/index.ts";
import { jsonBody, parseInput, queryObject, requireJsonMediaType, wantsCsv } from "./request-input.ts";
import { compileRoutes, matchRoute, methodsAt } from "./routes.ts";

export const REST_BASE = "/api";

interface Answer {
  status: number;
  body: unknown;
  location: string | null;
}

const sendJson = (res: ServerResponse, answer: Answer, headers: Record<string, string> = {}) => {
  if (answer.location) res.setHeader("Location", answer.location);
  writeJson(res, answer.status, answer.body, {
    "Content-Type": "application/json; charset=utf-8",
    ...headers,
  });
};

/** Runs the operation and shapes its answer by the response schema (extra fields never leak). */
const run = async (
  operation: RestOperation,
  call: RestCall,
  input: Record<string, unknown>,
): Promise<Answer> => {
  const result = operation.response.parse(await operation.handle(call, input as never));
  const location = operation.location ? `${REST_BASE}${operation.location(result)}` : null;
  return { status: operation.status ?? 200, body: result, location };
};

/** The idempotency scope of a POST that names a key, else null. */
const idempotencyScope = (
  req: IncomingMessage,
  call: RestCall,
  url: URL,
  body: unknown,
): IdempotencyScope | null => {
  const key = idempotencyKeyOf(req.headers["idempotency-key"]);
  if (req.method !== "POST" || key === undefined || !call.key) return null;
  const fingerprint = requestFingerprint("POST", url.pathname, { query: url.search, body });
  return { principalId: call.key.id, key, fingerprint };
};

/** Runs once per idempotency key: a retry gets the stored answer, marked as replayed. */
const runIdempotently = async (
  deps: AppDeps,
  scope: IdempotencyScope,
  exchange: { res: ServerResponse; requestId: string },
  execute: () => Promise<Answer>,
): Promise<Answer> => {
  const claim = await claimIdempotencyKey(deps, scope);
  if (claim.kind === "replay") {
    exchange.res.setHeader("Idempotent-Replayed", "true");
    return claim;
  }
  try {
    const answer = await execute();
    await storeIdempotentResult(deps, scope, answer);
    return answer;
  } catch (error) {
    const { status, body } = toRestFailure(error, exchange.requestId);
    // Refusals a retry would meet again are kept; a rate limit, outage or fault is not.
    if (status < 500 && status !== 429)
      await storeIdempotentResult(deps, scope, { status, body, location: null });
    else await releaseIdempotencyKey(deps, scope);
    throw error;
  }
};

/** The REST API under /api: route, body gate, key, input, idempotency, answer or envelope. */
export const createRestHandler = (deps: AppDeps, operations: RestOperation[] = REST_OPERATIONS) => {
  const routes = compileRoutes(operations);
  return async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const requestId = REQUEST_IDS.get(req) ?? "";
    const path = url.pathname.slice(REST_BASE.length);
    try {
      const match = matchRoute(routes, req.method ?? "GET", path);
      if (!match) {
        const allowed = methodsAt(routes, path);
        const hint = allowed.length > 0 ? `; this path answers ${allowed.join(", ")}` : "";
        throw new DomainError("NOT_FOUND", `No operation ${req.method} ${url.pathname}${hint}`);
      }
      const { operation, params } = match;
      requireJsonMediaType(req);
      const limit = operation.bodyLimit ?? MAX_BODY_BYTES;
      const text = await admitRequestBody(req, res, { url, flavour: "rest", limit });
      if (text === null) return; // refused and answered by the body gate
      const body = jsonBody(text);
      // Keys only: a cookie that comes along is not looked up.
      const ctx = await contextFromNodeRequest(deps, req, res, { session: false });
      const call = await authorize(ctx, operation.auth);
      const input = parseInput(operation, { params, query: queryObject(url.searchParams), body });
      const scope = idempotencyScope(req, call, url, body);
      const execute = () => run(operation, call, input);
      const answer = scope
        ? await runIdempotently(deps, scope, { res, requestId }, execute)
        : await execute();
      if (answer.status < 300 && wantsCsv(req, operation) && operation.csv) {
        res.writeHead(answer.status, { "Content-Type": "text/csv; charset=utf-8" });
        return void res.end(operation.csv(answer.body as never));
      }
      sendJson(res, answer);
    } catch (error) {
      const failure = toRestFailure(error, requestId);
      if (failure.unexpected) {
        deps.logger.error({ requestId, path: url.pathname, err: error }, "REST operation failed");
      }
      if (res.headersSent) return void res.end();
      const headers: Record<string, string> = failure.retryAfterSeconds
        ? { "Retry-After": String(failure.retryAfterSeconds) }
        : {};
      sendJson(res, { status: failure.status, body: failure.body, location: null }, headers);
    }
  };
};
