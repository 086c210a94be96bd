import type { Outcome } from "./fuzz-coverage.ts";

/** A REST endpoint as a procedure's metadata declares it. */
export type RestEndpoint = { path: string; method: string; procedure: string; schema: unknown };

export const restEndpoints = (procedures: Record<string, unknown>): RestEndpoint[] =>
  Object.entries(procedures).flatMap(([procedure, value]) => {
    const def = (
      value as { _def: { meta?: { openapi?: { path: string; method: string } }; inputs: unknown[] } }
    )._def;
    const openapi = def.meta?.openapi;
    return openapi ? [{ path: openapi.path, method: openapi.method, procedure, schema: def.inputs[0] }] : [];
  });

/**
 * The URL path and body for an input: path parameters taken out of an object input (the
 * whole input stands in for them when it is not an object), the rest as JSON, or nothing
 * for GET.
 */
export const restRequest = (endpoint: RestEndpoint, input: unknown): { target: string; body?: string } => {
  const isRecord = typeof input === "object" && input !== null && !Array.isArray(input);
  const rest: Record<string, unknown> = isRecord ? { ...(input as Record<string, unknown>) } : {};
  const target = endpoint.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = isRecord ? rest[name] : input;
    delete rest[name];
    return encodeURIComponent(String(value));
  });
  if (endpoint.method === "GET") return { target };
  return { target, body: isRecord ? JSON.stringify(rest) : (JSON.stringify(input) ?? "") };
};

/** Refusals before the handler, as REST clients see them (`data.code`). */
const BEFORE_HANDLER = new Set([
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "VALIDATION_FAILED",
  "BAD_REQUEST",
  "RATE_LIMITED",
  "API_ACCESS_DISABLED",
]);

/**
 * A REST answer as an outcome. Over HTTP a schema refusal and a service's own
 * VALIDATION_FAILED look alike, so both count as not reached: the figure errs low.
 */
export const restOutcome = async (response: Response): Promise<Outcome> => {
  const text = await response.text();
  if (response.ok) return { status: response.status, code: "OK", reached: true, message: "" };
  let code = `HTTP_${response.status}`;
  try {
    code = (JSON.parse(text) as { data?: { code?: string } }).data?.code ?? code;
  } catch {
    // not JSON: keep the status as the code
  }
  return {
    status: response.status,
    code,
    reached: response.status < 500 && !BEFORE_HANDLER.has(code),
    message: text.slice(0, 120),
  };
};
