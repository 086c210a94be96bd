import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { licenseKeyFromBytes } from "@tessera/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRequestHandler } from "../src/http.ts";
import { createTestHarness, errorCode, type TestHarness } from "./harness.ts";

/**
 * Guessing license keys costs something: NOT_FOUND answers have a small budget per address,
 * and the per-key limit counts per (key, address) so a key holder elsewhere cannot use up
 * the platform's own validations.
 */
let h: TestHarness;
let server: Server;
let base = "";
beforeAll(async () => {
  h = await createTestHarness({ VALIDATE_MAX_NOT_FOUND_PER_IP: "5", VALIDATE_MAX_PER_KEY: "3" });
  server = createServer(createRequestHandler(h.deps));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await h.close();
});

/** A well-formed key (right shape, right check character) that no license has. */
const randomKey = () => licenseKeyFromBytes(randomBytes(16));

const validate = async (ip: string, key: string) => {
  const caller = await h.callerWithToken(null, ip);
  try {
    return (await caller.licenses.validate({ key })).code;
  } catch (error) {
    return errorCode(Promise.reject(error));
  }
};

describe("security", () => {
  it("an address gets 5 NOT_FOUND answers a window; then every key from it is RATE_LIMITED, other addresses unaffected", async () => {
    const ip = "198.51.100.21";
    const codes: string[] = [];
    for (let guess = 0; guess < 8; guess++) codes.push(await validate(ip, randomKey()));
    expect(codes).toEqual([...Array(5).fill("NOT_FOUND"), ...Array(3).fill("RATE_LIMITED")]);
    expect(await validate(ip, h.keyA)).toBe("RATE_LIMITED");
    expect(await validate("203.0.113.21", h.keyA)).toBe("VALID");
  });

  it("parallel guesses get no more NOT_FOUND answers than the budget", async () => {
    const codes = await Promise.all(Array.from({ length: 30 }, () => validate("198.51.100.22", randomKey())));
    expect(codes.filter((code) => code === "NOT_FOUND").length).toBeLessThanOrEqual(5);
    expect(codes.filter((code) => code === "RATE_LIMITED").length).toBeGreaterThanOrEqual(25);
  });

  it("a key holder hammering from elsewhere does not use up the platform's validations of that key", async () => {
    const { key } = await h.newLicensedOrganization();
    const hammering = [];
    for (let call = 0; call < 4; call++) hammering.push(await validate("198.51.100.23", key));
    expect(hammering).toEqual(["VALID", "VALID", "VALID", "RATE_LIMITED"]);
    expect(await validate("203.0.113.23", key)).toBe("VALID");
  });

  it("REST: unknown keys past the budget answer 429 with Retry-After", async () => {
    const post = (key: string) =>
      fetch(`${base}/api/v1/licenses/validate`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ key }),
      });
    const statuses: number[] = [];
    for (let guess = 0; guess < 5; guess++) statuses.push((await post(randomKey())).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const refused = await post(randomKey());
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({
      error: { type: "rate_limit_error", code: "RATE_LIMITED", requestId: expect.any(String) },
    });
    expect((await post(h.keyB)).status).toBe(429);
  });
});
