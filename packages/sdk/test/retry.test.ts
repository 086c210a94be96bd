import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTesseraClient, TesseraError, unwrap } from "../src/index.ts";
import { envelope, startScriptedServer } from "./scripted-server.ts";

/** Retries, idempotency keys and errors of the SDK's client against a real HTTP server. */
let server: Awaited<ReturnType<typeof startScriptedServer>>;
let waits: number[] = [];
const license = { id: "lic-1", status: "ACTIVE" };
const client = (options: { maxRetries?: number; retryDelayCapMs?: number } = {}) =>
  createTesseraClient({
    baseUrl: server.url,
    apiKey: "tsk_test",
    sleep: async (ms) => void waits.push(ms),
    ...options,
  });
const create = (sdk = client(), headers: Record<string, string> = {}) =>
  sdk.POST("/v1/licenses", { body: { organizationId: "org-1", tier: "STARTER" } as never, headers });
const get = (sdk = client()) =>
  sdk.GET("/v1/licenses/{licenseId}", { params: { path: { licenseId: "lic-1" } } });

beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(() => server.close());
beforeEach(() => {
  waits = [];
});

describe("retries", () => {
  it("retries a POST refused with 429 after Retry-After, with the same Idempotency-Key", async () => {
    server.answer(
      { ...envelope(429, "rate_limit_error", "RATE_LIMITED"), headers: { "Retry-After": "2" } },
      { status: 201, body: { license, key: "TSR-1" } },
    );
    const { data, response } = await create();
    expect(response.status).toBe(201);
    expect(data).toEqual({ license, key: "TSR-1" });
    expect(server.seen).toHaveLength(2);
    const [first, second] = server.seen.map((request) => request.headers["idempotency-key"]);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).toBe(first);
    expect(server.seen[1]?.body).toBe(server.seen[0]?.body);
    expect(waits).toEqual([2000]);
  });

  it("retries a GET refused with 503, waiting no longer than the cap", async () => {
    server.answer(
      { ...envelope(503, "api_error", "UNAVAILABLE"), headers: { "Retry-After": "120" } },
      { status: 200, body: license },
    );
    const { data } = await get(client({ retryDelayCapMs: 5000 }));
    expect(data).toEqual(license);
    expect(server.seen.map((request) => request.method)).toEqual(["GET", "GET"]);
    expect(waits).toEqual([5000]);
  });

  it("gives up after maxRetries and returns the last refusal", async () => {
    server.answer({ ...envelope(429, "rate_limit_error", "RATE_LIMITED"), headers: { "Retry-After": "1" } });
    const { error, response } = await get(client({ maxRetries: 2 }));
    expect(response.status).toBe(429);
    expect(error?.error.code).toBe("RATE_LIMITED");
    expect(server.seen).toHaveLength(3);
  });

  it.each([
    [400, "invalid_request_error", "VALIDATION_FAILED"],
    [409, "conflict_error", "STALE_VERSION"],
    [500, "api_error", "INTERNAL"],
  ])("never retries a %i", async (status, type, code) => {
    server.answer(envelope(status, type, code), { status: 201, body: { license, key: "TSR-1" } });
    const { error, response } = await create();
    expect(response.status).toBe(status);
    expect(error?.error.code).toBe(code);
    expect(server.seen).toHaveLength(1);
  });

  it("never retries a PATCH, which carries no Idempotency-Key", async () => {
    server.answer(envelope(503, "api_error", "UNAVAILABLE"), { status: 200, body: license });
    const patch = client().PATCH as unknown as (
      path: string,
      init: object,
    ) => Promise<{ response: Response }>;
    const { response } = await patch("/v1/licenses/{licenseId}", {
      params: { path: { licenseId: "lic-1" } },
      body: { notes: "x" },
    });
    expect(response.status).toBe(503);
    expect(server.seen).toHaveLength(1);
    expect(server.seen[0]?.headers["idempotency-key"]).toBeUndefined();
  });
});

describe("keys", () => {
  it("sends the API key as Bearer, a fresh Idempotency-Key per POST, and keeps the caller's own", async () => {
    server.answer({ status: 201, body: { license, key: "TSR-1" } });
    const sdk = client();
    await create(sdk);
    await create(sdk);
    await create(sdk, { "Idempotency-Key": "billing-run-7" });
    await get(sdk);
    const keys = server.seen.map((request) => request.headers["idempotency-key"]);
    expect(keys[0]).not.toBe(keys[1]);
    expect(keys[2]).toBe("billing-run-7");
    expect(keys[3]).toBeUndefined();
    expect(server.seen.every((request) => request.headers.authorization === "Bearer tsk_test")).toBe(true);
    expect(server.seen[0]?.url).toBe("/api/v1/licenses");
  });
});

describe("unwrap", () => {
  it("returns the data of a success", async () => {
    server.answer({ status: 200, body: license });
    expect(await unwrap(get())).toEqual(license);
  });

  it("throws a TesseraError carrying the envelope", async () => {
    server.answer(envelope(400, "invalid_request_error", "VALIDATION_FAILED", "tier"));
    const thrown = await unwrap(create()).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(TesseraError);
    expect(thrown).toMatchObject({
      status: 400,
      type: "invalid_request_error",
      code: "VALIDATION_FAILED",
      field: "tier",
      message: "refused: VALIDATION_FAILED",
      requestId: "req-1",
    });
  });

  it("makes up an envelope for an answer that has none (a proxy's 502)", async () => {
    server.answer({ status: 502, body: "bad gateway", headers: { "X-Request-Id": "edge-9" } });
    const thrown = await unwrap(get(client({ maxRetries: 0 }))).catch((error: unknown) => error);
    expect(thrown).toMatchObject({ status: 502, type: "api_error", code: "HTTP_502", requestId: "edge-9" });
  });
});
