import fc from "fast-check";
import type { z } from "zod";
import { ErrorEnvelope } from "../../src/rest/envelope.ts";
import type { RestOperation } from "../../src/rest/operation.ts";
import type { Outcome } from "./fuzz-coverage.ts";
import { anyHostile, hostileFor } from "./hostile-input.ts";
import type { RestAnswer } from "./rest-client.ts";
import { restTarget } from "./rest-world.ts";
import { type FieldValues, oneHostileSlot, validFor } from "./valid-input.ts";

/** An operation as the coverage table names it. */
export const operationLabel = (operation: RestOperation) => `${operation.method} ${operation.path}`;

/**
 * Counts the calls that reached each operation's `handle` (past route, key, scope and input
 * schema), by wrapping the handlers in place: exact, where reading it off the answer would
 * confuse a schema refusal with a service's own VALIDATION_FAILED. `restore` unwraps them.
 */
export const trackHandlerReaches = (operations: RestOperation[]) => {
  const reached = new Map<RestOperation, number>();
  const originals = operations.map((operation) => operation.handle);
  for (const operation of operations) {
    const handle = operation.handle;
    operation.handle = (call, input) => {
      reached.set(operation, (reached.get(operation) ?? 0) + 1);
      return handle(call, input);
    };
  }
  return {
    count: (operation: RestOperation) => reached.get(operation) ?? 0,
    restore: () => {
      for (const [index, operation] of operations.entries())
        operation.handle = originals[index] ?? operation.handle;
    },
  };
};

type Parts = { params: Record<string, unknown>; query: unknown; body: unknown };
const PARTS = ["params", "query", "body"] as const;

/** Valid params, query and body for an operation, from its schemas and the fixture values. */
export const validParts = (operation: RestOperation, values: FieldValues, unique: number): Parts => ({
  params: (validFor(operation.params, values, unique) ?? {}) as Record<string, unknown>,
  query: operation.query ? withoutCursor(validFor(operation.query, values, unique)) : undefined,
  body: operation.body ? validFor(operation.body, values, unique) : undefined,
});

/** A cursor is valid only as the API issued it: a valid call asks for the first page. */
const withoutCursor = (query: unknown) => {
  if (!query || typeof query !== "object") return query;
  const { cursor: _cursor, ...rest } = query as Record<string, unknown>;
  return rest;
};

/** The valid parts with one slot of one part hostile (the parts taken in turn). */
export const oneHostilePart = (operation: RestOperation, valid: Parts, seed: number): Parts => {
  const present = PARTS.filter((part) => operation[part]);
  const part = present[seed % Math.max(1, present.length)];
  if (!part) return { ...valid, body: fc.sample(anyHostile, { numRuns: 1, seed })[0] };
  const schema = operation[part] as z.ZodType;
  const [slot] = fc.sample(oneHostileSlot(schema, valid[part]), { numRuns: 1, seed });
  return { ...valid, [part]: part === "params" ? { ...valid.params, ...(slot as object) } : slot };
};

/** Every part hostile, shaped by its schema now and then. */
export const hostileParts = (operation: RestOperation, seed: number): Parts => {
  const sample = (schema: unknown, offset: number) =>
    fc.sample(schema ? hostileFor(schema) : anyHostile, { numRuns: 1, seed: seed + offset })[0];
  const params = sample(operation.params, 1);
  return {
    params: (params && typeof params === "object" ? params : {}) as Record<string, unknown>,
    query: sample(operation.query, 2),
    body: sample(operation.body, 3),
  };
};

/** Target URL and raw body text for a request made of these parts. */
export const requestOf = (operation: RestOperation, parts: Parts) => {
  const params = Object.fromEntries(
    (operation.path.match(/\{[^}]+\}/g) ?? []).map((name) => {
      const key = name.slice(1, -1);
      return [key, parts.params?.[key] ?? "x"];
    }),
  );
  const target = restTarget(operation, params, parts.query);
  if (operation.method === "GET" || operation.method === "DELETE") return { target };
  return { target, rawBody: JSON.stringify(parts.body ?? {}) ?? "{}" };
};

/** What is wrong with a refusal's body: not the envelope, or not carrying the request id. */
export const envelopeProblem = (answer: RestAnswer): string | null => {
  const parsed = ErrorEnvelope.safeParse(answer.body);
  if (!parsed.success) return `not the error envelope: ${answer.text.slice(0, 120)}`;
  const requestId = answer.headers.get("x-request-id");
  if (!parsed.data.error.requestId || parsed.data.error.requestId !== requestId) {
    return `requestId ${parsed.data.error.requestId} is not the X-Request-Id ${requestId}`;
  }
  return null;
};

/** A REST answer as a coverage outcome; `reached` comes from the handler count. */
export const restOutcome = (answer: RestAnswer, reached: boolean): Outcome => {
  const code =
    answer.status < 300 ? "OK" : ((answer.body as ErrorEnvelope)?.error?.code ?? `HTTP_${answer.status}`);
  return { status: answer.status, code, reached, message: answer.text.slice(0, 120) };
};
