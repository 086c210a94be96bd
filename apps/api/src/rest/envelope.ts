import { DomainError } from "@tessera/domain";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { z } from "zod";
import { describeError, toTRPCError } from "../errors.ts";

/**
 * The one error body of the REST API, on every 4xx and 5xx (Stripe's shape): `type` is the
 * family a client branches on, `code` the domain code, `message` one sentence naming the field.
 */
const ERROR_TYPES = [
  "invalid_request_error",
  "authentication_error",
  "permission_error",
  "not_found_error",
  "conflict_error",
  "idempotency_error",
  "rate_limit_error",
  "api_error",
] as const;
type ErrorType = (typeof ERROR_TYPES)[number];

export const ErrorEnvelope = z
  .object({
    error: z.object({
      type: z.enum(ERROR_TYPES),
      code: z.string().describe("the domain code, e.g. VALIDATION_FAILED, STALE_VERSION, RATE_LIMITED"),
      message: z.string().describe("one sentence for people, naming the field at fault"),
      field: z.string().optional().describe("dotted path of the input at fault, e.g. tier or body"),
      fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
      requestId: z.string().describe("quote it to support; also sent as X-Request-Id"),
    }),
  })
  .meta({ id: "Error" });
export type ErrorEnvelope = z.output<typeof ErrorEnvelope>;

const typeOf = (status: number, code: string): ErrorType => {
  if (code.startsWith("IDEMPOTENCY_")) return "idempotency_error";
  if (status === 401) return "authentication_error";
  if (status === 403) return "permission_error";
  if (status === 404) return "not_found_error";
  if (status === 409) return "conflict_error";
  if (status === 429) return "rate_limit_error";
  return status >= 500 ? "api_error" : "invalid_request_error";
};

interface RestFailure {
  status: number;
  body: ErrorEnvelope;
  retryAfterSeconds?: number;
  /** Not a refusal but a fault of ours: logged with the request id. */
  unexpected: boolean;
}

/** Any error a REST request can end in, as its status and envelope. */
export const toRestFailure = (error: unknown, requestId: string): RestFailure => {
  const known =
    error instanceof TRPCError
      ? error
      : error instanceof z.ZodError
        ? new TRPCError({ code: "BAD_REQUEST", cause: error })
        : toTRPCError(error);
  const trpcError = known ?? new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: error });
  const status = getHTTPStatusCodeFromError(trpcError);
  const { message, data } = describeError(trpcError, status);
  const body: ErrorEnvelope = {
    error: {
      type: typeOf(status, data.code),
      code: data.code,
      message,
      ...(data.field ? { field: data.field } : {}),
      ...(data.fieldErrors ? { fieldErrors: data.fieldErrors } : {}),
      requestId,
    },
  };
  return {
    status,
    body,
    unexpected: status >= 500 && data.code === "INTERNAL",
    ...(data.retryAfterSeconds ? { retryAfterSeconds: data.retryAfterSeconds } : {}),
  };
};

/** A refusal raised by the REST layer itself (route, media type, idempotency). */
export const refusal = (
  code: ConstructorParameters<typeof DomainError>[0],
  message: string,
  field?: string,
) => new DomainError(code, message, field ? { field } : {});
