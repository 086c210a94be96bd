import type { components } from "./schema.ts";

type Envelope = components["schemas"]["Error"];
export type TesseraErrorType = Envelope["error"]["type"];

const isEnvelope = (value: unknown): value is Envelope =>
  typeof value === "object" &&
  value !== null &&
  "error" in value &&
  typeof (value as { error: unknown }).error === "object";

const typeOfStatus = (status: number): TesseraErrorType => {
  if (status === 401) return "authentication_error";
  if (status === 403) return "permission_error";
  if (status === 404) return "not_found_error";
  if (status === 409) return "conflict_error";
  if (status === 429) return "rate_limit_error";
  return status >= 500 ? "api_error" : "invalid_request_error";
};

/**
 * A refused request, from the API's error envelope: branch on `type` (the family) or `code`
 * (the domain code), show `message`, quote `requestId` to support.
 */
export class TesseraError extends Error {
  readonly status: number;
  readonly type: TesseraErrorType;
  readonly code: string;
  readonly field: string | undefined;
  readonly fieldErrors: Record<string, string[]> | undefined;
  readonly requestId: string;

  constructor(status: number, error: Envelope["error"]) {
    super(error.message);
    this.name = "TesseraError";
    this.status = status;
    this.type = error.type;
    this.code = error.code;
    this.field = error.field;
    this.fieldErrors = error.fieldErrors;
    this.requestId = error.requestId;
  }

  /** From any failed answer; one that is not an envelope (a proxy's page, say) gets one made up. */
  static from(response: Response, body: unknown): TesseraError {
    if (isEnvelope(body)) return new TesseraError(response.status, body.error);
    return new TesseraError(response.status, {
      type: typeOfStatus(response.status),
      code: `HTTP_${response.status}`,
      message: typeof body === "string" && body !== "" ? body : response.statusText,
      requestId: response.headers.get("X-Request-Id") ?? "",
    });
  }
}

interface Answer {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The data of a successful call, or a thrown TesseraError: `await unwrap(client.GET(...))`. */
export const unwrap = async <R extends Answer>(
  answer: R | Promise<R>,
): Promise<Exclude<R["data"], undefined>> => {
  const { data, error, response } = await answer;
  if (error !== undefined || !response.ok) throw TesseraError.from(response, error);
  return data as Exclude<R["data"], undefined>;
};
