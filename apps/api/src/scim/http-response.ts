import type { ServerResponse } from "node:http";
import type { DomainError } from "@tessera/domain";
import { writeJson } from "../json-response.ts";
import { ERROR_SCHEMA, SCIM_CONTENT_TYPE } from "./protocol.ts";

export const sendScim = (res: ServerResponse, status: number, body?: unknown, location?: string) => {
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (location) headers.Location = location;
  if (body === undefined) {
    res.writeHead(status, headers);
    return void res.end();
  }
  writeJson(res, status, body, { ...headers, "Content-Type": SCIM_CONTENT_TYPE });
};

/** The scimType RFC 7644 §3.12 gives a refusal, when the service did not name one. */
const scimTypeOf = (error: DomainError): string | undefined => {
  const named = error.details.scimType;
  if (typeof named === "string") return named;
  if (error.code === "EMAIL_TAKEN") return "uniqueness";
  if (error.code === "VALIDATION_FAILED" && error.details.field === "body") return "invalidSyntax";
  if (error.code === "VALIDATION_FAILED") return "invalidValue";
  return undefined;
};

/** SCIM's error envelope: `{"schemas":[Error],"status":"409","scimType":"uniqueness","detail":…}`. */
const scimErrorBody = (error: DomainError) => {
  const scimType = scimTypeOf(error);
  return {
    schemas: [ERROR_SCHEMA],
    status: String(error.status),
    ...(scimType ? { scimType } : {}),
    detail: error.details.field ? `${error.details.field}: ${error.message}` : error.message,
  };
};

export const sendScimError = (res: ServerResponse, error: DomainError) => {
  const retryAfter = error.details.retryAfterSeconds;
  if (typeof retryAfter === "number") res.setHeader("Retry-After", String(retryAfter));
  if (error.status === 401) res.setHeader("WWW-Authenticate", 'Bearer realm="scim"');
  sendScim(res, error.status, scimErrorBody(error));
};
