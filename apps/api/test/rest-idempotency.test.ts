import { randomBytes } from "node:crypto";
import { idempotencyRequests, licenses } from "@tessera/db/schema";
import { DomainError } from "@tessera/domain";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JOBS } from "../src/jobs/scheduler.ts";
import { createOrganization } from "../src/organizations/service.ts";
import type { ErrorEnvelope } from "../src/rest/envelope.ts";
import { IDEMPOTENCY_WINDOW_MS } from "../src/rest/idempotency.ts";
import type { RestOperation } from "../src/rest/operation.ts";
import { REST_OPERATIONS } from "../src/rest/operations/index.ts";
import { RACES_NEED_POSTGRES, raceIt } from "./races-need-postgres.ts";
import { useRestClient } from "./support/rest-client.ts";
import { type RestWorld, startRestWorld } from "./support/rest-world.ts";

/**
 * Idempotency-Key on REST POSTs: a retry gets the stored answer (successes and refusals a retry
 * would meet again), never a second effect; the key is the caller's own, lives 24 h, and is
 * pruned after. Concurrent first requests with one key act once (PostgreSQL).
 */
let world: RestWorld;
const rest = useRestClient("rest-idempotency.test.ts", () => world.app.url);
beforeAll(async () => {
  world = await startRestWorld("rest-idempotency");
}, 60_000);
afterAll(() => world?.close());

type Created = { license: { id: string; version: number } };
const error = (answer: { body: unknown }) => (answer.body as ErrorEnvelope).error;
const newOrganization = async () => {
  const slug = `idem-${randomBytes(4).toString("hex")}`;
  const organization = await createOrganization(world.system, {
    name: slug,
    slug,
    contactName: "I",
    contactEmail: `i@${slug}.test`,
    metadata: {},
  });
  return organization.id;
};
const create = (organizationId: string, idempotencyKey: string, key = world.keys.service, tier = "STARTER") =>
  rest<Created>("POST", "/api/v1/licenses", {
    key,
    body: { organizationId, tier },
    headers: { "Idempotency-Key": idempotencyKey },
  });
const licensesOf = async (organizationId: string) =>
  (
    await world.app.deps.db
      .select({ n: count() })
      .from(licenses)
      .where(eq(licenses.organizationId, organizationId))
  )[0]?.n;

/** Makes one operation's next call throw `error`, as a service deep inside it would. */
const failNextCall = (operationId: string, failure: Error) => {
  const operation = REST_OPERATIONS.find((one) => one.operationId === operationId) as RestOperation;
  const handle = operation.handle;
  operation.handle = async () => {
    operation.handle = handle;
    throw failure;
  };
};

describe("REST Idempotency-Key", () => {
  it("replays the stored status, body and Location, marked Idempotent-Replayed, without acting again", async () => {
    const organizationId = await newOrganization();
    const first = await create(organizationId, "replay-1");
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const retry = await create(organizationId, "replay-1");
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get("location")).toBe(first.headers.get("location"));
    expect(await licensesOf(organizationId)).toBe(1);
  });

  it("refuses the key with another body: 422 IDEMPOTENCY_KEY_REUSED naming the header", async () => {
    const organizationId = await newOrganization();
    await create(organizationId, "reuse-1");
    const other = await create(organizationId, "reuse-1", world.keys.service, "PROFESSIONAL");
    expect(other.status).toBe(422);
    expect(error(other)).toMatchObject({
      type: "idempotency_error",
      code: "IDEMPOTENCY_KEY_REUSED",
      field: "Idempotency-Key",
    });
    expect(await licensesOf(organizationId)).toBe(1);
  });

  it("replays a refusal (409 STALE_VERSION) too", async () => {
    const licenseId = world.tenants.S.ids.licenseId;
    const renew = () =>
      rest("POST", `/api/v1/licenses/${licenseId}/renew`, {
        key: world.keys.service,
        body: { expectedVersion: 999 },
        headers: { "Idempotency-Key": "stale-1" },
      });
    const first = await renew();
    expect(first.status).toBe(409);
    expect(error(first).code).toBe("STALE_VERSION");
    const retry = await renew();
    expect(retry.status).toBe(409);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body).toEqual(first.body);
  });

  it("does not keep a 429 or a fault: the retry runs", async () => {
    for (const [name, failure] of [
      ["429", new DomainError("RATE_LIMITED", "slow down", { retryAfterSeconds: 7 })],
      ["500", new Error("fault")],
    ] as const) {
      const organizationId = await newOrganization();
      failNextCall("licenses.create", failure);
      const refused = await create(organizationId, `not-kept-${name}`);
      expect(refused.status).toBe(Number(name));
      const retry = await create(organizationId, `not-kept-${name}`);
      expect({ name, status: retry.status, replayed: retry.headers.get("idempotent-replayed") }).toEqual({
        name,
        status: 201,
        replayed: null,
      });
    }
  });

  it("keeps keys apart per API key: the same Idempotency-Key from two keys acts twice", async () => {
    const [one, two] = [await newOrganization(), await newOrganization()];
    const otherKey = (await world.keyWith("service", ["licenses:write"])).key;
    const first = await create(one, "shared-1");
    const second = await create(two, "shared-1", otherKey);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.headers.get("idempotent-replayed")).toBeNull();
    expect(second.body.license.id).not.toBe(first.body.license.id);
  });

  it("frees a key after 24 hours, and the pruning job removes it", async () => {
    const organizationId = await newOrganization();
    const first = await create(organizationId, "window-1");
    await create(await newOrganization(), "prune-1");
    world.clock.advance(IDEMPOTENCY_WINDOW_MS - 1_000);
    expect((await create(organizationId, "window-1")).headers.get("idempotent-replayed")).toBe("true");
    world.clock.advance(2_000);
    // Past the window: the same key with another request is a new request, not a reuse.
    const later = await create(organizationId, "window-1", world.keys.service, "PROFESSIONAL");
    expect(later.status).not.toBe(422);
    expect(later.headers.get("idempotent-replayed")).toBeNull();
    expect(later.text).not.toBe(first.text);
    const { db } = world.app.deps;
    const keyRows = () =>
      db.select({ n: count() }).from(idempotencyRequests).where(eq(idempotencyRequests.key, "prune-1"));
    expect((await keyRows())[0]?.n).toBe(1);
    const prune = JOBS.find((job) => job.name === "idempotency-key-pruning");
    await prune?.run(world.app.deps, world.clock.now());
    expect((await keyRows())[0]?.n).toBe(0);
    const [kept] = await db.select().from(idempotencyRequests).where(eq(idempotencyRequests.key, "window-1"));
    expect(kept?.fingerprint).toBeDefined(); // claimed again just now: still within its window
  });

  it("treats a claim left unanswered for 5 minutes (its process died) as free again", async () => {
    const organizationId = await newOrganization();
    await create(organizationId, "abandoned-1");
    // The first request's process died between claiming the key and storing the answer.
    await world.app.deps.db
      .update(idempotencyRequests)
      .set({ status: null, responseBody: null })
      .where(eq(idempotencyRequests.key, "abandoned-1"));
    expect(error(await create(organizationId, "abandoned-1")).code).toBe("IDEMPOTENCY_IN_PROGRESS");
    world.clock.advance(5 * 60 * 1000 + 1_000);
    const retried = await create(organizationId, "abandoned-1");
    expect(retried.headers.get("idempotent-replayed")).toBeNull();
    expect(retried.body).not.toMatchObject({ error: { code: "IDEMPOTENCY_IN_PROGRESS" } });
  });

  it("answers 400 naming Idempotency-Key to a key of 300 characters, acting on nothing", async () => {
    const organizationId = await newOrganization();
    const answer = await create(organizationId, "k".repeat(300));
    expect(answer.status).toBe(400);
    expect(error(answer)).toMatchObject({ code: "VALIDATION_FAILED", field: "Idempotency-Key" });
    expect(error(answer).message).toMatch(/^Idempotency-Key /);
    expect(await licensesOf(organizationId)).toBe(0);
  });

  raceIt(
    `8 concurrent identical creates with one key create one license ${RACES_NEED_POSTGRES}`,
    async () => {
      const organizationId = await newOrganization();
      const answers = await Promise.all(Array.from({ length: 8 }, () => create(organizationId, "race-1")));
      expect(await licensesOf(organizationId)).toBe(1);
      const [created] = answers.filter((answer) => answer.status === 201);
      for (const answer of answers) {
        if (answer.status === 201) {
          expect(answer.body.license.id).toBe(created?.body.license.id);
        } else {
          expect(answer.status).toBe(409);
          expect(error(answer).code).toBe("IDEMPOTENCY_IN_PROGRESS");
          expect(Number(answer.headers.get("retry-after"))).toBeGreaterThan(0);
        }
      }
      expect(
        answers.filter((answer) => answer.status === 201 && !answer.headers.get("idempotent-replayed")),
      ).toHaveLength(1);
    },
  );
});
