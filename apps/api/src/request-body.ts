import type { IncomingMessage, ServerResponse } from "node:http";
import { DomainError, MAX_BATCH_CALLS } from "@tessera/domain";
import type { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import { describeError, toTRPCError } from "./errors.ts";
import { writeJson } from "./json-response.ts";
import { REQUEST_IDS } from "./request-context.ts";
import { toRestFailure } from "./rest/envelope.ts";

/** The largest legitimate body: a 256 KiB logo upload is ~342 KiB of base64 inside JSON. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Validation sends a key, a feature and a metric: 16 KiB is generous. */
export const MAX_VALIDATE_BODY_BYTES = 16 * 1024;
/**
 * Nesting of arrays and objects in a JSON input. JSON.parse copes with any depth, but the
 * recursive passes after it (superjson, zod) overflow the stack on very deep documents.
 */
const MAX_JSON_DEPTH = 64;

/** Who answers a refusal: tRPC clients expect its envelope, REST clients the REST one. */
type BodyFlavour = "trpc" | "rest";

const sizeLabel = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : `${Math.round(bytes / 1024)} KiB`;

const tooLarge = (limit: number) =>
  new DomainError("PAYLOAD_TOO_LARGE", `must be at most ${sizeLabel(limit)}`, { field: "body" });

/**
 * The body's bytes, read up to `limit`. A declared Content-Length over the limit is
 * refused before a byte is read; a chunked body is refused as soon as it passes the limit,
 * and the rest is discarded unread, so memory stays bounded whatever the client sends.
 */
export const readBodyBytes = (req: IncomingMessage, limit: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    if (Number(req.headers["content-length"]) > limit) return reject(tooLarge(limit));
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("close", onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      stop();
      reject(tooLarge(limit));
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    const onClose = () => onError(new Error("client closed the request"));
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("close", onClose);
  });

/** The body as text, read up to `limit` bytes (see `readBodyBytes`). */
export const readBody = async (req: IncomingMessage, limit: number): Promise<string> =>
  (await readBodyBytes(req, limit)).toString("utf8");

/** Deepest nesting of `[` and `{` in JSON text, in one pass that skips strings; stops past `max`. */
const jsonNestingExceeds = (text: string, max: number): boolean => {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c)
        i++; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) {
      if (++depth > max) return true;
    } else if (char === 0x5d || char === 0x7d) depth--;
  }
  return false;
};

const tooDeep = (field: string) =>
  new DomainError("VALIDATION_FAILED", `must not nest arrays or objects more than ${MAX_JSON_DEPTH} deep`, {
    field,
  });

/** A JSON body must be an object: `null`, arrays and bare values are refused at the door. */
const isObjectText = (text: string) => text.trimStart().startsWith("{");

/**
 * A JSON object body as text ("" when empty), refused with a DomainError when over `limit`,
 * nested too deep or not an object. SCIM answers those refusals in its own envelope.
 */
export const readJsonObjectText = async (req: IncomingMessage, limit: number): Promise<string> => {
  const text = await readBody(req, limit);
  if (text.trim() === "") return "";
  if (jsonNestingExceeds(text, MAX_JSON_DEPTH)) throw tooDeep("body");
  if (!isObjectText(text))
    throw new DomainError("VALIDATION_FAILED", "must be a JSON object", { field: "body" });
  return text;
};

/** Number of procedures a tRPC request names: `a,b,c` with `?batch=1`. */
const batchCalls = (url: URL) =>
  url.searchParams.get("batch") === "1" ? url.pathname.slice("/trpc/".length).split(",").length : 1;

/** The refusal in tRPC's envelope, or the REST error envelope. */
const refusalBody = (flavour: BodyFlavour, error: TRPCError, status: number, requestId: string) => {
  if (flavour === "rest") return toRestFailure(error, requestId).body;
  const { message, data } = describeError(error, status);
  return { error: { json: { message, code: TRPC_ERROR_CODES_BY_KEY[error.code], data } } };
};

/** Answers a refused request in the envelope its client reads, and closes the connection. */
const sendRefusal = (res: ServerResponse, flavour: BodyFlavour, refusal: DomainError, requestId = "") => {
  const error = toTRPCError(refusal);
  if (!error || res.headersSent) return void res.end();
  const status = getHTTPStatusCodeFromError(error);
  const body = refusalBody(flavour, error, status, requestId);
  // Connection: close, so a client still sending learns to stop; Node discards what it sends
  // meanwhile (the request is resumed) instead of resetting before the answer is read.
  writeJson(res, status, body, { Connection: "close" });
};

/**
 * The one gate for request bodies on /trpc and /api: batch size, byte cap, nesting depth and
 * shape are checked before any parser or schema sees the input. Returns the body text (empty
 * when there is none), or null once it has answered the refusal itself.
 */
export const admitRequestBody = async (
  req: IncomingMessage,
  res: ServerResponse,
  options: { url: URL; flavour: BodyFlavour; limit: number },
): Promise<string | null> => {
  const { url, flavour, limit } = options;
  try {
    if (flavour === "trpc" && batchCalls(url) > MAX_BATCH_CALLS) {
      throw new DomainError("PAYLOAD_TOO_LARGE", `must hold at most ${MAX_BATCH_CALLS} calls`, {
        field: "batch",
      });
    }
    const queryInput = url.searchParams.get("input");
    if (queryInput && jsonNestingExceeds(queryInput, MAX_JSON_DEPTH)) throw tooDeep("input");
    if (req.method === "GET" || req.method === "HEAD") return "";
    return await readJsonObjectText(req, limit);
  } catch (error) {
    if (!(error instanceof DomainError)) {
      req.destroy(); // the client went away mid-body: nobody is left to answer
      return null;
    }
    req.resume();
    sendRefusal(res, flavour, error, REQUEST_IDS.get(req));
    return null;
  }
};
