import type { IncomingMessage, ServerResponse } from "node:http";
import { ValidateLicenseInput } from "@tessera/domain";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { AppDeps } from "../context.ts";
import { describeError, toTRPCError } from "../errors.ts";
import { clientIp } from "../request-context.ts";
import { checkLicenseValidity } from "./validation.ts";

const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
};

/**
 * `POST /api/enterprise/licenses/validate` without the generic REST adapter: the platform
 * calls it on every sign-in. Same schema, same service, same error shape as the adapter
 * (`{ message, code, data: { code, field, fieldErrors } }`) — only less work per request. The
 * body gate in http.ts has already read it, capped at 16 KiB.
 */
export const handleValidateRequest = async (
  deps: AppDeps,
  req: IncomingMessage,
  res: ServerResponse,
  bodyText: string,
) => {
  try {
    let body: unknown;
    try {
      body = JSON.parse(bodyText);
    } catch {
      throw new TRPCError({ code: "PARSE_ERROR", message: "Body is not JSON" });
    }
    const input = ValidateLicenseInput.safeParse(body);
    if (!input.success)
      throw new TRPCError({ code: "BAD_REQUEST", message: "Input validation failed", cause: input.error });
    send(res, 200, await checkLicenseValidity(deps, input.data, clientIp(req, deps.config.trustedProxies)));
  } catch (cause) {
    const error =
      cause instanceof TRPCError
        ? cause
        : (toTRPCError(cause) ?? new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause }));
    const status = getHTTPStatusCodeFromError(error);
    const { message, data } = describeError(error, status);
    send(
      res,
      status,
      { message, code: error.code, data },
      data.retryAfterSeconds ? { "retry-after": String(data.retryAfterSeconds) } : {},
    );
  }
};
