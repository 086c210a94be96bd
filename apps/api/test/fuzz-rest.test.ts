import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RestOperation } from "../src/rest/operation.ts";
import { REST_OPERATIONS } from "../src/rest/operations/index.ts";
import { Coverage } from "./support/fuzz-coverage.ts";
import { brokenInvariants, changedTables, snapshot, unauditedChange } from "./support/fuzz-invariants.ts";
import {
  envelopeProblem,
  hostileParts,
  oneHostilePart,
  operationLabel,
  requestOf,
  restOutcome,
  trackHandlerReaches,
  validParts,
} from "./support/fuzz-rest.ts";
import { type RestAnswer, useRestClient } from "./support/rest-client.ts";
import { missingFixtures, type RestWorld, startRestWorld, type Tenant } from "./support/rest-world.ts";

/**
 * The REST half of the fuzzer: every operation in REST_OPERATIONS × every kind of caller, with
 * valid input (real fixture ids, from the operation's own params/query/body schemas), valid
 * input with one hostile slot, and wholly hostile input. No answer may be a 5xx; every refusal
 * is the error envelope carrying the request id; a refusal writes nothing; a success leaves
 * the database's invariants true and its change audited. Every exchange is also checked against
 * the served OpenAPI document. Fails when fewer than REACHED_FLOOR of operations reach a handler.
 */
const SEED = 20261130;
const REACHED_FLOOR = 0.9;

let world: RestWorld;
const rest = useRestClient("fuzz-rest.test.ts", () => world.app.url);
const tracker = trackHandlerReaches(REST_OPERATIONS);
beforeAll(async () => {
  world = await startRestWorld("fuzz-rest");
  // A key's first use stamps it as used: done here, so that no refused call below is blamed for it.
  const licenseId = world.tenants.S.ids.licenseId;
  for (const key of [world.keys.service, world.keys.orgA, world.keys.orgB]) {
    await rest("GET", `/api/v1/licenses/${licenseId}`, { key });
  }
}, 60_000);
afterAll(async () => {
  tracker.restore();
  await world?.close();
});

/** [name, Authorization header, whose ids the valid input carries, whether the key is real] */
type Credential = [string, string | undefined, Tenant, boolean];
const credentials = (): Credential[] => [
  ["no key", undefined, "S", false],
  ["unknown key", "Bearer tsk_nope_nope", "S", false],
  ["revoked key", `Bearer ${world.keys.revoked}`, "S", false],
  ["basic", "Basic YTpi", "S", false],
  ["long bearer", `Bearer ${"x".repeat(4_000)}`, "S", false],
  ["service key", `Bearer ${world.keys.service}`, "S", true],
  ["organisation key", `Bearer ${world.keys.orgA}`, "A", true],
  // Another organisation's key with A's ids: tenancy must refuse without writing.
  ["B's key on A's ids", `Bearer ${world.keys.orgB}`, "A", true],
];

describe("fuzzing every REST operation over HTTP", () => {
  const failures: string[] = [];
  const coverage = new Coverage();

  const send = async (
    operation: RestOperation,
    request: ReturnType<typeof requestOf>,
    headers: Record<string, string>,
  ) => {
    try {
      return await rest(operation.method, request.target, {
        ...(request.rawBody === undefined ? {} : { rawBody: request.rawBody }),
        headers,
      });
    } catch (error) {
      failures.push(`${operation.method} ${request.target}: ${(error as Error).message.slice(-300)}`);
      return null;
    }
  };

  /** One exchange: its outcome recorded, the envelope and the database checked against it. */
  const exchange = async (
    operation: RestOperation,
    request: ReturnType<typeof requestOf>,
    headers: Record<string, string>,
    who: string,
  ) => {
    const before = await snapshot(world.dbHandle);
    const reachedBefore = tracker.count(operation);
    const answer = await send(operation, request, headers);
    if (!answer) return;
    coverage.record(operationLabel(operation), restOutcome(answer, tracker.count(operation) > reachedBefore));
    await check(answer, `${operation.method} ${request.target} with ${who}`, before);
  };

  const check = async (answer: RestAnswer, where: string, before: Map<string, string>) => {
    if (answer.status >= 500) failures.push(`${where}: ${answer.status} ${answer.text.slice(0, 120)}`);
    const ok = answer.status < 300;
    const problem = ok ? null : envelopeProblem(answer);
    if (problem) failures.push(`${where}: ${problem}`);
    const changed = changedTables(before, await snapshot(world.dbHandle));
    if (!ok && changed.length > 0)
      failures.push(`${where}: refused (${answer.status}) but changed ${changed}`);
    if (!ok || changed.length === 0) return;
    const unaudited = unauditedChange(changed);
    if (unaudited) failures.push(`${where}: changed ${unaudited.join(", ")} with no audit event`);
    for (const broken of await brokenInvariants(world.dbHandle)) failures.push(`${where}: broke "${broken}"`);
  };

  it("has a fixture id for every path parameter", () => {
    expect(missingFixtures(REST_OPERATIONS, world.tenants.A.ids)).toEqual([]);
  });

  it(`calls each of ${REST_OPERATIONS.length} operations with every kind of key: valid, one hostile slot, hostile`, async () => {
    let unique = 0;
    for (const [o, operation] of REST_OPERATIONS.entries()) {
      for (const [c, [who, authorization, owner, real]] of credentials().entries()) {
        const seed = SEED + o * 101 + c;
        const valid = validParts(operation, await world.valuesOf(owner), unique++);
        const hostile = requestOf(operation, hostileParts(operation, seed));
        const auth: Record<string, string> = authorization ? { authorization } : {};
        // Only a real key can get past the key check: the others get the valid and hostile tries.
        const tries = real ? [valid, oneHostilePart(operation, valid, seed)] : [valid];
        for (const parts of tries) await exchange(operation, requestOf(operation, parts), auth, who);
        // Malformed JSON or another media type now and then, instead of the hostile body.
        const raw = hostile.rawBody !== undefined && c % 3 === 2;
        const headers: Record<string, string> =
          raw && c % 2 ? { ...auth, "content-type": "text/plain" } : auth;
        await exchange(operation, raw ? { ...hostile, rawBody: "{not json" } : hostile, headers, who);
      }
    }
    console.info(`fuzz: REST over HTTP (seed ${SEED})\n${coverage.report()}`);
    expect(failures).toEqual([]);
    expect(coverage.procedures).toBe(REST_OPERATIONS.length);
    expect(coverage.share, `unreached: ${coverage.unreached.join(", ")}`).toBeGreaterThanOrEqual(
      REACHED_FLOOR,
    );
  }, 600_000);
});
