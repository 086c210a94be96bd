import { isConnectionError, sqlState, UNIQUE_VIOLATION } from "@tessera/db";
import { DomainError, type DomainErrorCode, fieldSentence } from "@tessera/domain";
import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { ZodError } from "zod";

const TRPC_CODE_BY_STATUS: Record<number, TRPC_ERROR_CODE_KEY> = {
  400: "BAD_REQUEST",
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  409: "CONFLICT",
  413: "PAYLOAD_TOO_LARGE",
  415: "UNSUPPORTED_MEDIA_TYPE",
  422: "UNPROCESSABLE_CONTENT",
  429: "TOO_MANY_REQUESTS",
  503: "SERVICE_UNAVAILABLE",
};

/** tRPC's own codes (auth, input parsing) named as our stable codes for clients. */
const DOMAIN_CODE_BY_TRPC: Partial<Record<TRPC_ERROR_CODE_KEY, DomainErrorCode>> = {
  BAD_REQUEST: "VALIDATION_FAILED",
  PARSE_ERROR: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  TOO_MANY_REQUESTS: "RATE_LIMITED",
  METHOD_NOT_SUPPORTED: "BAD_REQUEST",
};

/**
 * The one place where errors become tRPC errors. A DomainError keeps its code and details;
 * a unique violation that a service did not name becomes CONFLICT; anything else stays an
 * internal error whose message the formatter hides.
 */
export const toTRPCError = (error: unknown): TRPCError | null => {
  if (error instanceof DomainError) {
    return new TRPCError({
      code: TRPC_CODE_BY_STATUS[error.status] ?? "BAD_REQUEST",
      message: error.message,
      cause: error,
    });
  }
  if (sqlState(error) === UNIQUE_VIOLATION) {
    return new TRPCError({
      code: "CONFLICT",
      message: "That conflicts with an existing record",
      cause: new DomainError("CONFLICT", "That conflicts with an existing record"),
    });
  }
  if (isConnectionError(error)) {
    const unavailable = databaseUnavailable();
    return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: unavailable.message, cause: unavailable });
  }
  return null;
};

/** What a request gets while the database is unreachable: 503, retry in a few seconds. */
export const databaseUnavailable = () =>
  new DomainError("UNAVAILABLE", "The database is unavailable; retry in a few seconds", {
    retryAfterSeconds: 5,
  });

export interface ErrorData {
  code: DomainErrorCode | "INTERNAL";
  httpStatus: number;
  field?: string;
  fieldErrors?: Record<string, string[]>;
  retryAfterSeconds?: number;
}

const zodFieldErrors = (error: ZodError): Record<string, string[]> => {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "input";
    fields[path] = [...(fields[path] ?? []), issue.message];
  }
  return fields;
};

/**
 * Message and data that clients see for an error; never an internal message or stack. The
 * message is one sentence naming the field (`tier must be one of …`); `fieldErrors` keep the
 * bare phrases, which a form shows under the field's label.
 */
export const describeError = (error: TRPCError, httpStatus: number): { message: string; data: ErrorData } => {
  const cause = error.cause;
  if (cause instanceof ZodError) {
    const fieldErrors = zodFieldErrors(cause);
    const [field, messages] = Object.entries(fieldErrors)[0] ?? ["input", ["is invalid"]];
    return {
      message: fieldSentence(field, messages[0] ?? "is invalid"),
      data: { code: "VALIDATION_FAILED", httpStatus, field, fieldErrors },
    };
  }
  if (cause instanceof DomainError) {
    const { field, retryAfterSeconds } = cause.details;
    return {
      message: field ? fieldSentence(field, cause.message) : cause.message,
      data: {
        code: cause.code,
        httpStatus,
        ...(field ? { field, fieldErrors: { [field]: [cause.message] } } : {}),
        ...(retryAfterSeconds ? { retryAfterSeconds } : {}),
      },
    };
  }
  if (error.code === "INTERNAL_SERVER_ERROR") {
    return { message: "Internal error", data: { code: "INTERNAL", httpStatus } };
  }
  if (cause instanceof Error && cause.message === error.message) {
    // tRPC words an input it could not read (JSON, superjson) in the parser's own message:
    // internal detail, not something to show a client.
    const code = DOMAIN_CODE_BY_TRPC[error.code] ?? "BAD_REQUEST";
    return { message: "input: could not be read", data: { code, httpStatus, field: "input" } };
  }
  return {
    message: error.message,
    data: { code: DOMAIN_CODE_BY_TRPC[error.code] ?? "BAD_REQUEST", httpStatus },
  };
};
