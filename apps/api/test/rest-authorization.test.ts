import { type ApiKeyScope, ORGANIZATION_KEY_SCOPES, SERVICE_KEY_SCOPES } from "@tessera/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RestOperation, RestTag } from "../src/rest/operation.ts";
import { REST_OPERATIONS } from "../src/rest/operations/index.ts";
import { changedTables, snapshot } from "./support/fuzz-invariants.ts";
import { requestOf, validParts } from "./support/fuzz-rest.ts";
import { useRestClient } from "./support/rest-client.ts";
import { type RestWorld, startRestWorld, type Tenant } from "./support/rest-world.ts";

/**
 * Who may call each REST operation, table-driven over REST_OPERATIONS so that a new operation
 * is covered without an entry here: no key, an unknown or revoked key → 401; a key of the
 * other kind, or of the right kind without the scope → 403; a key with just the scope → past
 * both; an organisation key with another organisation's ids → 404 (or, for a read, nothing of
 * theirs), writing nothing. The declared scopes must follow the tag and method (GET reads).
 */
type Kind = "service" | "organization";
const KINDS: Kind[] = ["service", "organization"];
const KEY_NAME: Record<Kind, string> = { service: "a service key", organization: "an organisation key" };
const ALL_SCOPES: Record<Kind, readonly ApiKeyScope[]> = {
  service: SERVICE_KEY_SCOPES,
  organization: ORGANIZATION_KEY_SCOPES,
};
/** The resource each tag's scopes name, per kind of key. */
const RESOURCE: Partial<Record<RestTag, Record<Kind, string>>> = {
  licenses: { service: "licenses", organization: "license" },
  usage: { service: "usage", organization: "usage" },
  support: { service: "tickets", organization: "tickets" },
  organizations: { service: "organizations", organization: "organization" },
  "white-label": { service: "organizations", organization: "organization" },
  audit: { service: "audit", organization: "audit" },
};
/** Operations any caller may use: the license key in the body is the credential. */
const PUBLIC = new Set(["licenses.validate", "licenses.validateLegacy"]);

/**
 * POSTs that change nothing or that the reading key is meant for, named with the reason:
 * a license check is a question; the platform refreshes its offline token with its
 * `license:read` key (staff issue tokens with `licenses:write`).
 */
const READ_BY_POST: Record<string, Kind[]> = {
  "organizations.license.check": ["service", "organization"],
  "organizations.license.token": ["organization"],
};

const expectedScope = (operation: RestOperation, kind: Kind) => {
  const reads = operation.method === "GET" || READ_BY_POST[operation.operationId]?.includes(kind);
  const resource = RESOURCE[operation.tag]?.[kind] ?? `(no scope convention for tag ${operation.tag})`;
  return `${resource}:${reads ? "read" : "write"}`;
};

const keyed = REST_OPERATIONS.filter((operation) => operation.auth !== "public");
const scopeOf = (operation: RestOperation, kind: Kind) =>
  operation.auth === "public" ? undefined : operation.auth[kind];
const label = (operation: RestOperation) =>
  `${operation.operationId} (${operation.method} ${operation.path})`;

/** Fields naming an organisation or a resource, in the path, query or body. */
const idFields = (operation: RestOperation): string[] =>
  [operation.params, operation.query, operation.body].flatMap((schema) => {
    const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
    return shape ? Object.keys(shape).filter((field) => /Id$/.test(field)) : [];
  });

let world: RestWorld;
const rest = useRestClient("rest-authorization.test.ts", () => world.app.url);
const keys = new Map<string, string>();
let unique = 0;
beforeAll(async () => {
  world = await startRestWorld("rest-authorization");
}, 60_000);
afterAll(() => world?.close());

/** A key of one kind holding these scopes (made once, organisation keys for A). */
const keyWith = async (kind: Kind, scopes: readonly ApiKeyScope[]) => {
  const name = `${kind}:${[...scopes].sort().join(",")}`;
  const existing = keys.get(name);
  if (existing) return existing;
  const { key } = await world.keyWith(kind, [...scopes]);
  keys.set(name, key);
  return key;
};

/** The operation called with valid input on a tenant's data, as `key`. */
const call = async (operation: RestOperation, key: string | null, owner: Tenant) => {
  const parts = validParts(operation, await world.valuesOf(owner), unique++);
  const { target, rawBody } = requestOf(operation, parts);
  return rest<{ error?: { code: string } }>(operation.method, target, {
    key,
    ...(rawBody === undefined ? {} : { rawBody }),
  });
};
const ownerOf = (kind: Kind): Tenant => (kind === "service" ? "S" : "A");

describe.each(keyed.map((operation) => [label(operation), operation] as const))("%s", (_, operation) => {
  it("declares the scope its tag and method call for", () => {
    const declared = KINDS.filter((kind) => scopeOf(operation, kind));
    expect(declared.length).toBeGreaterThan(0);
    for (const kind of declared) expect(scopeOf(operation, kind)).toBe(expectedScope(operation, kind));
  });

  it("answers 401 UNAUTHENTICATED without a key, with an unknown key and with a revoked key", async () => {
    for (const key of [null, "tsk_00000000_unknownunknownunknown", world.keys.revoked]) {
      const answer = await call(operation, key, "S");
      expect({ key, status: answer.status, code: answer.body.error?.code }).toEqual({
        key,
        status: 401,
        code: "UNAUTHENTICATED",
      });
    }
  });

  for (const kind of KINDS) {
    const scope = scopeOf(operation, kind);
    it(`answers 403 to ${KEY_NAME[kind]} ${scope ? "without the scope" : "(wrong kind)"}`, async () => {
      const scopes = ALL_SCOPES[kind].filter((one) => one !== scope);
      const answer = await call(operation, await keyWith(kind, scopes), ownerOf(kind));
      expect(answer.status).toBe(403);
      expect(answer.body.error?.code).toBe("FORBIDDEN");
    });
    if (scope) {
      it(`lets ${KEY_NAME[kind]} with just ${scope} past the key check`, async () => {
        const answer = await call(operation, await keyWith(kind, [scope]), ownerOf(kind));
        expect([401, 403], `${answer.status} ${answer.text.slice(0, 200)}`).not.toContain(answer.status);
      });
    }
  }

  const tenancy = Boolean(scopeOf(operation, "organization")) && idFields(operation).length > 0;
  if (tenancy)
    it("answers A's key with B's ids 404 (or nothing of B's) and writes nothing", async () => {
      const before = await snapshot(world.dbHandle);
      const answer = await call(operation, world.keys.orgA, "B");
      const leaked = Object.values(world.tenants.B.ids).filter((id) => answer.text.includes(id));
      if (answer.status !== 404) {
        expect(operation.method, `answered ${answer.status}: ${answer.text.slice(0, 200)}`).toBe("GET");
        expect(answer.status, answer.text.slice(0, 300)).toBe(200);
      }
      expect(leaked).toEqual([]);
      // api_keys: the calling key's own last-used stamp.
      const changed = changedTables(before, await snapshot(world.dbHandle)).filter(
        (table) => table !== "api_keys",
      );
      expect(changed).toEqual([]);
    });
});

describe("operations without a key", () => {
  it("are only the ones whose input is its own credential", () => {
    const open = REST_OPERATIONS.filter((operation) => operation.auth === "public");
    expect(open.map((operation) => operation.operationId).filter((id) => !PUBLIC.has(id))).toEqual([]);
  });
});
