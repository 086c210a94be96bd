import { type DomainErrorCode, ERROR_STATUS } from "@tessera/domain";
import { TRPCError } from "@trpc/server";
import { describeError } from "../../src/errors.ts";

/**
 * The refusal a call ends in, as clients see it (code, HTTP status, field, message), or null
 * when it succeeds; anything but a TRPCError is thrown on, so a crash never reads as a refusal.
 */
export const refusal = async (call: Promise<unknown>) => {
  try {
    await call;
    return null;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const { message, data } = describeError(error, 0);
    return {
      code: data.code,
      status: ERROR_STATUS[data.code as DomainErrorCode],
      field: data.field,
      message,
    };
  }
};
