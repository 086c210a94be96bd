import type { IncomingMessage } from "node:http";
import { MAX_BATCH_CALLS } from "@tessera/domain";
import { type AnyTRPCProcedure, type AnyTRPCRouter, TRPCError } from "@trpc/server";
import { getProcedureAtPath } from "@trpc/server/unstable-core-do-not-import";

/** One procedure named in a request, with its raw (still transformed) input at hand. */
export interface Call {
  index: number;
  path: string;
  procedure: AnyTRPCProcedure | null;
  /** The deserialised input; throws tRPC's BAD_REQUEST when the input text is not JSON. */
  getRawInput: () => Promise<unknown>;
  /** The input once read, for the error formatter (undefined before, as in tRPC). */
  input: () => unknown;
}

export interface CallList {
  isBatch: boolean;
  calls: Call[];
  type: "query" | "mutation" | "subscription" | "unknown";
}

const mediaType = (req: IncomingMessage) =>
  req.headers["content-type"]?.split(";", 1)[0]?.trim().toLowerCase();

/**
 * The content-type rules of tRPC's fetch adapter: JSON (or nothing, on GET) is read here;
 * form data and octet streams are POST-only there, and no procedure of ours takes them.
 */
const checkMediaType = (req: IncomingMessage) => {
  const type = mediaType(req);
  if (type === "application/json") return;
  if (type === "multipart/form-data" || type === "application/octet-stream") {
    const kind = type === "multipart/form-data" ? type : "application/octet-stream";
    if (req.method !== "POST") {
      throw new TRPCError({
        code: "METHOD_NOT_SUPPORTED",
        message: `Only POST requests are supported for ${kind} requests`,
      });
    }
    throw new TRPCError({ code: "UNSUPPORTED_MEDIA_TYPE", message: `Unsupported content-type "${kind}` });
  }
  if (req.method === "GET") return;
  const header = req.headers["content-type"];
  throw new TRPCError({
    code: "UNSUPPORTED_MEDIA_TYPE",
    message: header !== undefined ? `Unsupported content-type "${header}` : "Missing content-type header",
  });
};

const decodePath = (path: string) => {
  try {
    return decodeURIComponent(path);
  } catch (cause) {
    throw new TRPCError({ code: "BAD_REQUEST", message: `Invalid URL-encoding in path "${path}"`, cause });
  }
};

type Deserialize = (value: unknown) => unknown;

/**
 * Reads the inputs once, lazily (as tRPC does: a call refused before its input is read never
 * parses it): `?input=` on GET, the body otherwise; a batch's inputs keyed by position.
 */
const inputReader = (text: string | undefined, isBatch: boolean, deserialize: Deserialize) => {
  let inputs: Record<number, unknown> | undefined;
  let failure: TRPCError | undefined;
  const read = (): Record<number, unknown> => {
    if (inputs) return inputs;
    if (failure) throw failure;
    try {
      // A body is always JSON (an empty one is not); a GET may leave `input` out.
      const parsed: unknown = text === undefined ? undefined : JSON.parse(text);
      inputs = {};
      if (parsed === undefined) return inputs;
      if (!isBatch) inputs[0] = deserialize(parsed);
      else if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: '"input" needs to be an object when doing a batch call',
        });
      } else {
        for (const [key, value] of Object.entries(parsed)) {
          if (value !== undefined) inputs[Number(key)] = deserialize(value);
        }
      }
      return inputs;
    } catch (cause) {
      inputs = undefined;
      failure =
        cause instanceof TRPCError
          ? cause
          : new TRPCError({
              code: "BAD_REQUEST",
              message: cause instanceof Error ? cause.message : "Invalid input",
              cause,
            });
      throw failure;
    }
  };
  return { read, peek: () => inputs };
};

/**
 * The procedures a `/trpc/<a.b,c.d>` request names and their inputs, by tRPC's rules: batch
 * only with `?batch=1` (at most MAX_BATCH_CALLS), one procedure type per request.
 */
export const readCalls = async (
  router: AnyTRPCRouter,
  req: IncomingMessage,
  request: { url: URL; body: string },
): Promise<CallList> => {
  const { url, body } = request;
  const isBatch = url.searchParams.get("batch") === "1";
  const path = decodePath(url.pathname.slice("/trpc/".length));
  const paths = isBatch ? path.split(",") : [path];
  if (isBatch && paths.length > MAX_BATCH_CALLS) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "Batch call exceeds maximum size" });
  }
  checkMediaType(req);
  const text = req.method === "GET" ? url.searchParams.get("input") || undefined : body;
  const deserialize: Deserialize = router._def._config.transformer.input.deserialize;
  const inputs = inputReader(text, isBatch, deserialize);
  const calls: Call[] = [];
  const types = new Set<CallList["type"]>();
  for (const [index, name] of paths.entries()) {
    const procedure = (await getProcedureAtPath(router, name)) as AnyTRPCProcedure | null;
    if (procedure) types.add(procedure._def.type);
    calls.push({
      index,
      path: name,
      procedure,
      getRawInput: async () => inputs.read()[index],
      input: () => inputs.peek()?.[index],
    });
  }
  if (types.size > 1) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `Cannot mix procedure types in call: ${[...types].join(", ")}`,
    });
  }
  return { isBatch, calls, type: types.values().next().value ?? "unknown" };
};
