import type { AnyTRPCRouter, TRPCError } from "@trpc/server";
import type { TRPCResponse } from "@trpc/server/rpc";
import { getErrorShape } from "@trpc/server/unstable-core-do-not-import";
import type { Context } from "../context.ts";
import type { Call } from "./calls.ts";

export type Outcome = { ok: true; data: unknown } | { ok: false; error: TRPCError };

/** The response item tRPC's links read: `{ result: { data } }` or `{ error: shape }`. */
export const responseItem = (
  router: AnyTRPCRouter,
  call: Call,
  outcome: Outcome,
  ctx: Context | undefined,
): TRPCResponse => {
  if (outcome.ok) return { result: { data: outcome.data } };
  const error = getErrorShape({
    config: router._def._config,
    ctx,
    error: outcome.error,
    input: call.input(),
    path: call.path,
    type: call.procedure?._def.type ?? "unknown",
  });
  return { error };
};
