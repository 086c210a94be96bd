import type { IncomingMessage } from "node:http";
import { DomainError } from "@tessera/domain";
import type { RestOperation } from "./operation.ts";

/** A query string as an object; a repeated name becomes a list. */
export const queryObject = (search: URLSearchParams): Record<string, string | string[]> => {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of search) {
    const previous = query[name];
    query[name] = previous === undefined ? value : [...[previous].flat(), value];
  }
  return query;
};

const isJson = (req: IncomingMessage) =>
  req.headers["content-type"]?.split(";", 1)[0]?.trim().toLowerCase() === "application/json";

const sendsBody = (req: IncomingMessage) =>
  Number(req.headers["content-length"] ?? 0) > 0 || req.headers["transfer-encoding"] !== undefined;

/** A body sent must say `Content-Type: application/json`: checked before a byte is read. */
export const requireJsonMediaType = (req: IncomingMessage) => {
  if (sendsBody(req) && !isJson(req)) {
    throw new DomainError("UNSUPPORTED_MEDIA_TYPE", "Content-Type must be application/json", {
      field: "Content-Type",
    });
  }
};

/** The JSON body parsed (400 naming `body` when it does not); no body reads as `{}`. */
export const jsonBody = (text: string): unknown => {
  if (text === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new DomainError("VALIDATION_FAILED", "body is not valid JSON", { field: "body" });
  }
};

/** Path, query and body checked by the operation's schemas (a ZodError names the field). */
export const parseInput = (
  operation: RestOperation,
  parts: { params: Record<string, string>; query: Record<string, unknown>; body: unknown },
): Record<string, unknown> => ({
  ...(operation.params?.parse(parts.params) ?? {}),
  ...(operation.query?.parse(parts.query) ?? {}),
  ...((operation.body?.parse(parts.body) as Record<string, unknown> | undefined) ?? {}),
});

/** The client asked for CSV (`Accept: text/csv`) from an operation that offers it. */
export const wantsCsv = (req: IncomingMessage, operation: RestOperation) =>
  Boolean(operation.csv) && /\btext\/csv\b/i.test(req.headers.accept ?? "");
