import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { AnyTRPCRouter } from "@trpc/server";
import {
  getErrorShape,
  getTRPCErrorFromUnknown,
  jsonlStreamProducer,
} from "@trpc/server/unstable-core-do-not-import";
import type { Context } from "../context.ts";
import type { Call } from "./calls.ts";
import { type Outcome, responseItem } from "./response-item.ts";

/** httpBatchStreamLink asks with `trpc-accept: application/jsonl` (or Accept), as tRPC reads it. */
export const wantsJsonl = (req: IncomingMessage): boolean => {
  const trpcAccept = req.headers["trpc-accept"];
  if (typeof trpcAccept === "string") return trpcAccept === "application/jsonl";
  return Boolean(req.headers.accept?.split(",").some((type) => type.trim() === "application/jsonl"));
};

/**
 * A batch answered as JSON lines with tRPC's own producer: each call's result is written as
 * soon as it settles, so a fast call does not wait for the slowest one in its batch.
 */
export const writeJsonl = async (
  router: AnyTRPCRouter,
  res: ServerResponse,
  batch: { calls: Call[]; outcomes: Promise<Outcome>[]; ctx: Context | undefined },
) => {
  const config = router._def._config;
  const { calls, outcomes, ctx } = batch;
  const stream = jsonlStreamProducer({
    ...config.jsonl,
    maxDepth: Number.POSITIVE_INFINITY,
    // The producer resolves promises nested in a promise: results go in as tRPC wraps them.
    data: calls.map(async (call, index) => {
      const outcome = await (outcomes[index] as Promise<Outcome>);
      if (!outcome.ok) return responseItem(router, call, outcome, ctx);
      return { result: Promise.resolve({ data: Promise.resolve(outcome.data) }) };
    }),
    serialize: (data) => config.transformer.output.serialize(data),
    formatError: ({ error, path }) => {
      const call = calls[Number(path[0])];
      return getErrorShape({
        config,
        ctx,
        error: getTRPCErrorFromUnknown(error),
        input: call?.input(),
        path: call?.path,
        type: call?.procedure?._def.type ?? "unknown",
      });
    },
  });
  // tRPC's own adapters label a JSON-lines batch `application/json` too; the client reads it either way.
  res.writeHead(200, {
    "Content-Type": "application/json",
    Vary: "trpc-accept, accept",
  });
  await pipeline(Readable.fromWeb(stream as never), res).catch(() => res.destroy());
};
