import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScimToken } from "../src/scim/token-service.ts";
import {
  LIST_SCHEMA,
  oktaUser,
  patchOp,
  type ScimAnswer,
  startScimServer,
  USER_SCHEMA,
} from "./support/scim-client.ts";

/** The sequence Okta's and Microsoft Entra's SCIM validators run, over real HTTP. */
let world: Awaited<ReturnType<typeof startScimServer>>;
let token = "";
beforeAll(async () => {
  world = await startScimServer();
  // Organisation A's license is PROFESSIONAL: its tier includes SSO, and so SCIM.
  token = (await createScimToken(world.h.system, world.h.orgA.id, { name: "Okta" })).token;
});
afterAll(() => world.close());

const scim = (method: string, path: string, body?: unknown) => world.scim(token, method, path, body);

/** A User resource as RFC 7643 requires it. */
const expectUser = (answer: ScimAnswer, status = 200) => {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(answer.headers.get("content-type")).toContain("application/scim+json");
  expect(answer.body.schemas).toEqual([USER_SCHEMA]);
  expect(answer.body).toMatchObject({ id: expect.any(String), userName: expect.any(String) });
  expect(typeof answer.body.active).toBe("boolean");
  expect(answer.body.meta).toMatchObject({
    resourceType: "User",
    location: expect.stringMatching(new RegExp(`/scim/v2/Users/${answer.body.id}$`)),
  });
  return answer.body;
};

describe("discovery", () => {
  it("describes what is supported", async () => {
    const config = await scim("GET", "/ServiceProviderConfig");
    expect(config.status).toBe(200);
    expect(config.body).toMatchObject({
      patch: { supported: true },
      bulk: { supported: false },
      filter: { supported: true, maxResults: 200 },
      changePassword: { supported: false },
      sort: { supported: false },
      etag: { supported: false },
      authenticationSchemes: [expect.objectContaining({ type: "oauthbearertoken" })],
    });
    const types = await scim("GET", "/ResourceTypes");
    expect(types.body.Resources.map((type: { id: string }) => type.id)).toEqual(["User", "Group"]);
    const schemas = await scim("GET", "/Schemas");
    expect(schemas.body.totalResults).toBe(2);
    expect((await scim("GET", `/Schemas/${USER_SCHEMA}`)).body.name).toBe("User");
  });
});

describe("media types", () => {
  it("answers application/scim+json and accepts plain application/json bodies", async () => {
    const created = await world.scim(token, "POST", "/Users", oktaUser("json@a.test", "json-1"), {
      "content-type": "application/json",
    });
    expectUser(created, 201);
    expect(created.headers.get("location")).toBe(created.body.meta.location);
    expect((await scim("DELETE", `/Users/${created.body.id}`)).status).toBe(204);
  });
});

describe("the validators' user sequence", () => {
  let id = "";
  it("creates a user, lower-casing userName, and reads it by id", async () => {
    const created = expectUser(
      await scim("POST", "/Users", oktaUser("Barbara.Jensen@A.test", "okta-1")),
      201,
    );
    id = created.id;
    expect(created).toMatchObject({
      userName: "barbara.jensen@a.test",
      externalId: "okta-1",
      active: true,
      name: { givenName: "Barbara", familyName: "Jensen" },
      emails: [{ value: "barbara.jensen@a.test", type: "work", primary: true }],
      groups: [{ value: "members", display: "Members" }],
    });
    expect(expectUser(await scim("GET", `/Users/${id}`)).userName).toBe("barbara.jensen@a.test");
  });

  it("filters by userName (found and not found), externalId and work email", async () => {
    const found = await scim(
      "GET",
      `/Users?filter=${encodeURIComponent('userName eq "BARBARA.jensen@a.test"')}`,
    );
    expect(found.body).toMatchObject({ schemas: [LIST_SCHEMA], totalResults: 1, startIndex: 1 });
    expect(found.body.Resources[0].id).toBe(id);
    const missing = await scim("GET", `/Users?filter=${encodeURIComponent('userName eq "nobody@a.test"')}`);
    expect(missing.status).toBe(200);
    expect(missing.body).toMatchObject({ totalResults: 0, Resources: [] });
    const byExternal = await scim("GET", `/Users?filter=${encodeURIComponent('externalId eq "okta-1"')}`);
    expect(byExternal.body.Resources.map((user: { id: string }) => user.id)).toEqual([id]);
    const byEmail = await scim(
      "GET",
      `/Users?filter=${encodeURIComponent('emails[type eq "work"].value eq "barbara.jensen@a.test"')}`,
    );
    expect(byEmail.body.Resources.map((user: { id: string }) => user.id)).toEqual([id]);
  });

  it("pages with startIndex and count, totalResults counting every match", async () => {
    const all = await scim("GET", "/Users");
    const total = all.body.totalResults;
    expect(total).toBe(4); // A's owner, admin and member, and Barbara
    const page = await scim("GET", "/Users?startIndex=2&count=2");
    expect(page.body).toMatchObject({ totalResults: total, startIndex: 2, itemsPerPage: 2 });
    expect(page.body.Resources.map((user: { id: string }) => user.id)).toEqual(
      all.body.Resources.slice(1, 3).map((user: { id: string }) => user.id),
    );
  });

  it("patches givenName, then deactivates in Okta's form and Entra's, then reactivates", async () => {
    const renamed = expectUser(
      await scim("PATCH", `/Users/${id}`, patchOp({ op: "replace", path: "name.givenName", value: "Babs" })),
    );
    expect(renamed.name).toMatchObject({ givenName: "Babs", familyName: "Jensen" });
    const okta = expectUser(
      await scim("PATCH", `/Users/${id}`, patchOp({ op: "replace", value: { active: false } })),
    );
    expect(okta.active).toBe(false);
    expectUser(await scim("PATCH", `/Users/${id}`, patchOp({ op: "replace", path: "active", value: true })));
    const entra = expectUser(
      await scim("PATCH", `/Users/${id}`, patchOp({ op: "Replace", path: "active", value: "False" })),
    );
    expect(entra.active).toBe(false);
    const back = expectUser(
      await scim("PATCH", `/Users/${id}`, patchOp({ op: "Replace", path: "active", value: "True" })),
    );
    expect(back.active).toBe(true);
  });

  it("patches the work email (the userName) and Entra's dotted attributes without a path", async () => {
    const moved = expectUser(
      await scim(
        "PATCH",
        `/Users/${id}`,
        patchOp({ op: "replace", path: 'emails[type eq "work"].value', value: "babs@a.test" }),
      ),
    );
    expect(moved.userName).toBe("babs@a.test");
    const entra = expectUser(
      await scim(
        "PATCH",
        `/Users/${id}`,
        patchOp({ op: "Add", value: { "name.familyName": "Smith", title: "Ignored" } }),
      ),
    );
    expect(entra.name).toMatchObject({ givenName: "Babs", familyName: "Smith" });
  });

  it("replaces with PUT", async () => {
    const replaced = expectUser(
      await scim("PUT", `/Users/${id}`, {
        ...oktaUser("barbara@a.test", "okta-1b"),
        name: { givenName: "Barbara", familyName: "Jones" },
      }),
    );
    expect(replaced).toMatchObject({
      userName: "barbara@a.test",
      externalId: "okta-1b",
      name: { familyName: "Jones" },
    });
  });

  it("deletes: 204, then 404 and gone from lists", async () => {
    const deleted = await scim("DELETE", `/Users/${id}`);
    expect(deleted.status).toBe(204);
    const after = await scim("GET", `/Users/${id}`);
    expect(after.status).toBe(404);
    expect(after.body).toMatchObject({
      schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"],
      status: "404",
    });
    const listed = await scim("GET", `/Users?filter=${encodeURIComponent('userName eq "barbara@a.test"')}`);
    expect(listed.body.totalResults).toBe(0);
    expect((await scim("DELETE", `/Users/${id}`)).status).toBe(404);
  });
});
