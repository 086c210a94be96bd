import { auditEvents, sessions, users } from "@tessera/db/schema";
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cancelLicense } from "../src/licenses/lifecycle.ts";
import { createScimToken } from "../src/scim/token-service.ts";
import { addMember } from "../src/team/service.ts";
import { errorCode, TEST_PASSWORD } from "./harness.ts";
import { ERROR_SCHEMA, oktaUser, patchOp, startScimServer, USER_SCHEMA } from "./support/scim-client.ts";
import { fingerprintOf } from "./support/tenant-data.ts";

/** Who may provision, what is refused, and that a refusal writes nothing. */
let world: Awaited<ReturnType<typeof startScimServer>>;
let tokenA = "";
let tokenC = "";
let orgC = "";
beforeAll(async () => {
  world = await startScimServer();
  tokenA = (await createScimToken(world.h.system, world.h.orgA.id, { name: "Okta" })).token;
  const other = await world.h.newLicensedOrganization("PROFESSIONAL");
  orgC = other.organization.id;
  await addMember(world.h.system, orgC, {
    name: "Owner C",
    email: "owner@c.test",
    password: TEST_PASSWORD,
    role: "OWNER",
  });
  tokenC = (await createScimToken(world.h.system, orgC, { name: "Entra" })).token;
  // The first use records lastUsedAt (the clock is fixed, so only once): not a write of a refusal.
  for (const token of [tokenA, tokenC]) await world.scim(token, "GET", "/ServiceProviderConfig");
});
afterAll(() => world.close());

const expectScimError = (
  answer: { status: number; body: { schemas: string[]; status: string; scimType?: string } },
  status: number,
  scimType?: string,
) => {
  expect(answer.status).toBe(status);
  expect(answer.body.schemas).toEqual([ERROR_SCHEMA]);
  expect(answer.body.status).toBe(String(status));
  if (scimType) expect(answer.body.scimType).toBe(scimType);
};

describe("tokens", () => {
  it("are shown once, listed without the secret, and refused once revoked", async () => {
    const owner = await world.h.caller("ownerA");
    const created = await owner.scimTokens.create({ name: "Okta production" });
    expect(created.token).toMatch(/^scim_[0-9a-f]{8}_/);
    expect((await world.scim(created.token, "GET", "/Users")).status).toBe(200);
    const listed = await owner.scimTokens.list();
    const row = listed.find((token) => token.id === created.id);
    expect(row).toMatchObject({
      name: "Okta production",
      prefix: created.token.slice(0, 13),
      revokedAt: null,
    });
    expect(row?.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(created.token);
    expect(row).not.toHaveProperty("tokenHash");
    await owner.scimTokens.revoke({ scimTokenId: created.id });
    expectScimError(await world.scim(created.token, "GET", "/Users"), 401);
  });

  it("need a tier with SSO and an owner or admin", async () => {
    expect(await errorCode((await world.h.caller("ownerB")).scimTokens.create({ name: "x" }))).toBe(
      "TIER_FEATURE_REQUIRED",
    );
    expect(await errorCode((await world.h.caller("memberA")).scimTokens.create({ name: "x" }))).toBe(
      "FORBIDDEN",
    );
    const foreign = await createScimToken(world.h.system, orgC, { name: "C's" });
    expect(
      await errorCode((await world.h.caller("ownerA")).scimTokens.revoke({ scimTokenId: foreign.id })),
    ).toBe("NOT_FOUND");
  });

  it("stop working once the license no longer includes SSO (403)", async () => {
    const lapsed = await world.h.newLicensedOrganization("PROFESSIONAL");
    const { token } = await createScimToken(world.h.system, lapsed.organization.id, { name: "Okta" });
    expect((await world.scim(token, "GET", "/Users")).status).toBe(200);
    await cancelLicense(world.h.system, lapsed.license.id, "customer left");
    expectScimError(await world.scim(token, "GET", "/Users"), 403);
  });

  it("answer 401 without a token or with an unknown one", async () => {
    const none = await world.scim(null, "GET", "/Users");
    expectScimError(none, 401);
    expect(none.headers.get("www-authenticate")).toContain("Bearer");
    expectScimError(
      await world.scim("scim_00000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "GET", "/Users"),
      401,
    );
    expectScimError(await world.scim(world.h.orgKeyA.key, "GET", "/ServiceProviderConfig"), 401);
  });
});

describe("refusals write nothing", () => {
  const refusedWithoutWrites = async (
    answer: () => ReturnType<typeof world.scim>,
    status: number,
    scimType?: string,
  ) => {
    const before = await fingerprintOf(world.h, world.h.orgA.id);
    expectScimError(await answer(), status, scimType);
    expect(await fingerprintOf(world.h, world.h.orgA.id)).toEqual(before);
  };
  const post = (body: unknown, headers?: Record<string, string>) => () =>
    world.scim(tokenA, "POST", "/Users", body, headers);

  it("409 uniqueness for a userName taken anywhere or an externalId taken in the organisation", async () => {
    await refusedWithoutWrites(post(oktaUser("OWNER@b.test", "x-1")), 409, "uniqueness");
    await world.scim(tokenA, "POST", "/Users", oktaUser("first@a.test", "dup"));
    await refusedWithoutWrites(post(oktaUser("second@a.test", "dup")), 409, "uniqueness");
  });

  it("400 for an unknown schema, a missing or malformed userName, bad JSON", async () => {
    await refusedWithoutWrites(
      post({ ...oktaUser("s@a.test", "s"), schemas: ["urn:example:Custom"] }),
      400,
      "invalidSyntax",
    );
    await refusedWithoutWrites(
      post({ schemas: [USER_SCHEMA], name: { givenName: "No" } }),
      400,
      "invalidValue",
    );
    await refusedWithoutWrites(post(oktaUser("not-an-email", "n")), 400, "invalidValue");
    await refusedWithoutWrites(post("{not json"), 400);
  });

  it("400 invalidFilter for filters beyond equality on known attributes", async () => {
    for (const filter of [
      'title co "x"',
      'userName sw "a"',
      'userName eq "a" or userName eq "b"',
      "userName eq",
    ]) {
      const answer = await world.scim(tokenA, "GET", `/Users?filter=${encodeURIComponent(filter)}`);
      expectScimError(answer, 400, "invalidFilter");
    }
  });

  it("413 for a body over 64 KiB, 415 for a body that is not JSON", async () => {
    const big = { ...oktaUser("big@a.test", "big"), padding: "x".repeat(70 * 1024) };
    await refusedWithoutWrites(post(big), 413);
    await refusedWithoutWrites(post(oktaUser("t@a.test", "t"), { "content-type": "text/plain" }), 415);
  });
});

describe("quota", () => {
  it("creating beyond the team quota is refused with a clear detail, writing nothing", async () => {
    const full = await world.h.newLicensedOrganization("PROFESSIONAL");
    const organizationId = full.organization.id;
    await world.h.db.insert(users).values(
      Array.from({ length: 1000 }, (_, index) => ({
        email: `seat-${index}@full.test`,
        name: `Seat ${index}`,
        passwordHash: "x",
        kind: "CUSTOMER" as const,
        role: index === 0 ? ("OWNER" as const) : ("MEMBER" as const),
        organizationId,
      })),
    );
    const { token } = await createScimToken(world.h.system, organizationId, { name: "Okta" });
    await world.scim(token, "GET", "/ServiceProviderConfig");
    const before = await fingerprintOf(world.h, organizationId);
    const refused = await world.scim(token, "POST", "/Users", oktaUser("one-more@full.test", "over"));
    expectScimError(refused, 409);
    expect(refused.body.detail).toMatch(/team members/);
    expect(await fingerprintOf(world.h, organizationId)).toEqual(before);
  });
});

describe("tenancy", () => {
  it("another organisation's token cannot see, change or delete A's users: 404, and filters find nothing", async () => {
    const victim = world.h.userIds.memberA;
    const before = await fingerprintOf(world.h, world.h.orgA.id);
    expectScimError(await world.scim(tokenC, "GET", `/Users/${victim}`), 404);
    expectScimError(
      await world.scim(
        tokenC,
        "PATCH",
        `/Users/${victim}`,
        patchOp({ op: "replace", value: { active: false } }),
      ),
      404,
    );
    expectScimError(
      await world.scim(tokenC, "PUT", `/Users/${victim}`, oktaUser("member@a.test", "steal")),
      404,
    );
    expectScimError(await world.scim(tokenC, "DELETE", `/Users/${victim}`), 404);
    const filtered = await world.scim(
      tokenC,
      "GET",
      `/Users?filter=${encodeURIComponent('userName eq "member@a.test"')}`,
    );
    expect(filtered.body.totalResults).toBe(0);
    const all = await world.scim(tokenC, "GET", "/Users");
    expect(all.body.Resources.map((user: { userName: string }) => user.userName)).toEqual(["owner@c.test"]);
    const groups = await world.scim(tokenC, "GET", "/Groups");
    expect(JSON.stringify(groups.body)).not.toContain(victim);
    expect(await fingerprintOf(world.h, world.h.orgA.id)).toEqual(before);
  });
});

describe("deactivation", () => {
  it("ends an open session at once, and is audited as the SCIM token", async () => {
    const cookie = await world.signIn("member@a.test", TEST_PASSWORD);
    expect(await world.teamListStatus(cookie)).toBe(200);
    const userId = world.h.userIds.memberA;
    const off = await world.scim(
      tokenA,
      "PATCH",
      `/Users/${userId}`,
      patchOp({ op: "replace", value: { active: false } }),
    );
    expect(off.body.active).toBe(false);
    expect(await world.teamListStatus(cookie)).toBe(401);
    // Not only refused while disabled: the sessions are gone, so reactivation does not revive them.
    expect(await world.h.db.select().from(sessions).where(eq(sessions.userId, userId))).toEqual([]);
    const [row] = await world.h.db
      .select({ disabledAt: users.disabledAt })
      .from(users)
      .where(eq(users.id, userId));
    expect(row?.disabledAt).not.toBeNull();
    await world.scim(
      tokenA,
      "PATCH",
      `/Users/${userId}`,
      patchOp({ op: "replace", path: "active", value: true }),
    );
    const [back] = await world.h.db
      .select({ disabledAt: users.disabledAt })
      .from(users)
      .where(eq(users.id, userId));
    expect(back?.disabledAt).toBeNull();
    const audited = await world.h.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.targetId, userId),
          like(auditEvents.actorLabel, `scim-token:${tokenA.slice(0, 13)}`),
        ),
      );
    // one clock tick in the harness: both events, in no particular row order
    expect(audited.map((event) => event.action).sort()).toEqual(["user.disabled", "user.enabled"]);
  });
});
