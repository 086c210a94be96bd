import type { IncomingMessage, ServerResponse } from "node:http";
import { type AnyTRPCRouter, TRPCError } from "@trpc/server";
import type { TRPCResponse } from "@trpc/server/rpc";
import {
  getErrorShape,
  getHTTPStatusCode,
  getTRPCErrorFromUnknown,
  transformTRPCResponse,
} from "@trpc/server/unstable-core-do-not-import";
import type { AppDeps, Context } from "../context.ts";
import { writeJson } from "../json-response.ts";
import { contextFromNodeRequest } from "../request-context.ts";
import { type Call, type CallList, readCalls } from "./calls.ts";
import { type Outcome, responseItem } from "./response-item.ts";
import { wantsJsonl, writeJsonl } from "./stream.ts";

/** Which methods call which procedures: tRPC's default (no method override). */
const ACCEPTED_METHODS: Record<string, string> = { query: "GET", mutation: "POST", subscription: "GET" };

/** One call through tRPC's own procedure caller (middlewares, input parsing and all). */
const runCall = async (
  call: Call,
  exchange: { method: string; ctx: Context | undefined; ctxError: TRPCError | undefined },
): Promise<Outcome> => {
  try {
    const { procedure } = call;
    if (!procedure) {
      throw new TRPCError({ code: "NOT_FOUND", message: `No procedure found on path "${call.path}"` });
    }
    const { type } = procedure._def;
    if (ACCEPTED_METHODS[type] !== exchange.method) {
      throw new TRPCError({
        code: "METHOD_NOT_SUPPORTED",
        message: `Unsupported ${exchange.method}-request to ${type} procedure at path "${call.path}"`,
      });
    }
    if (exchange.ctxError) throw exchange.ctxError;
    const data: unknown = await procedure({
      path: call.path,
      getRawInput: call.getRawInput,
      ctx: exchange.ctx,
      type,
      signal: undefined,
      batchIndex: call.index,
    });
    return { ok: true, data };
  } catch (cause) {
    return { ok: false, error: getTRPCErrorFromUnknown(cause) };
  }
};

/**
 * A request refused as a whole goes out as tRPC's fetch adapter sent it, a Response without a
 * content type of its own: text/plain, though the body is the JSON envelope.
 */
const REQUEST_ERROR_TYPE = "text/plain;charset=UTF-8";

const send = (
  router: AnyTRPCRouter,
  res: ServerResponse,
  items: TRPCResponse | TRPCResponse[],
  contentType = "application/json",
) => {
  const status = getHTTPStatusCode(items);
  const body = transformTRPCResponse(router._def._config, items);
  writeJson(res, status, body, { "Content-Type": contentType, Vary: "trpc-accept, accept" });
};

/** A request refused as a whole (bad path, media type, batch): one error item, no path. */
const sendRequestError = (
  router: AnyTRPCRouter,
  res: ServerResponse,
  cause: unknown,
  known: { list: CallList | undefined; ctx: Context | undefined },
) => {
  const error = getTRPCErrorFromUnknown(cause);
  const shape = getErrorShape({
    config: router._def._config,
    ctx: known.ctx,
    error,
    input: undefined,
    path: undefined,
    type: known.list?.type ?? "unknown",
  });
  send(router, res, { error: shape }, REQUEST_ERROR_TYPE);
};

/**
 * `/trpc/*` on node:http directly: the same wire format as tRPC's fetch adapter (envelope,
 * error shape through our formatter, 207 for mixed batches, jsonl when asked), without
 * copying the request into a fetch Request and the answer out of a fetch Response.
 * `body` is the text the body gate admitted.
 */
export const createTrpcHandler = (deps: AppDeps, router: AnyTRPCRouter) => {
  return async (req: IncomingMessage, res: ServerResponse, url: URL, body: string) => {
    if (req.method === "HEAD") {
      res.writeHead(204);
      return void res.end();
    }
    let list: CallList | undefined;
    let ctx: Context | undefined;
    try {
      list = await readCalls(router, req, { url, body });
      const streaming = wantsJsonl(req);
      if (streaming && !list.isBatch) {
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: "Streaming requests must be batched (you can do a batch of 1)",
        });
      }
      let ctxError: TRPCError | undefined;
      try {
        ctx = await contextFromNodeRequest(deps, req, res);
      } catch (cause) {
        ctxError = getTRPCErrorFromUnknown(cause);
      }
      const exchange = { method: req.method ?? "GET", ctx, ctxError };
      const outcomes = list.calls.map((call) => runCall(call, exchange));
      if (streaming) return await writeJsonl(router, res, { calls: list.calls, outcomes, ctx });
      const settled = await Promise.all(outcomes);
      const { calls } = list;
      const items = settled.map((outcome, index) => responseItem(router, calls[index] as Call, outcome, ctx));
      send(router, res, list.isBatch ? items : (items[0] as TRPCResponse));
    } catch (cause) {
      if (res.headersSent) return void res.end();
      sendRequestError(router, res, cause, { list, ctx });
    }
  };
};
