import { type APIRequestContext, expect } from "@playwright/test";
import { DEMO_PASSWORD, unique } from "./helpers.ts";
import { linkMailedTo } from "./test-mail.ts";

/** The password the fixture's owner chooses when accepting the invitation. */
export const PASSWORD = "harbour meadow tinsel quartz";

/** A tRPC call as the signed-in session of `api`; fails the test on an error answer. */
const trpcPost = async <T>(api: APIRequestContext, path: string, input: unknown): Promise<T> => {
  const response = await api.post(`/trpc/${path}`, { data: { json: input } });
  expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
};

/**
 * An organisation of its own (so no other spec's usage changes) on an ACTIVE STARTER license,
 * whose owner switched API access on and holds a usage:write key.
 */
export const licensedOrganization = async (
  staffApi: APIRequestContext,
  ownerApi: APIRequestContext,
  name = "Grace Test",
) => {
  const id = unique();
  const email = `gia-${id}@grace-${id}.test`;
  await trpcPost(staffApi, "auth.signIn", { email: "admin@tessera.test", password: DEMO_PASSWORD });
  const organization = await trpcPost<{ id: string; name: string }>(staffApi, "organizations.create", {
    name: `${name} ${id}`,
    slug: `${name.toLowerCase().replaceAll(" ", "-")}-${id}`,
    contactName: "Gia Grace",
    contactEmail: email,
    owner: { name: "Gia Grace", email },
  });
  const { license, key: licenseKey } = await trpcPost<{ license: { id: string }; key: string }>(
    staffApi,
    "licenses.create",
    { organizationId: organization.id, tier: "STARTER" },
  );
  await trpcPost(staffApi, "licenses.activate", { licenseId: license.id });
  const token = new URL(await linkMailedTo(email, "/accept-invitation")).searchParams.get("token");
  await trpcPost(ownerApi, "auth.acceptInvitation", { token, name: "Gia Grace", password: PASSWORD });
  await trpcPost(ownerApi, "whiteLabel.enableAPI", { enabled: true });
  const { key } = await trpcPost<{ key: string }>(ownerApi, "apiKeys.createMine", {
    name: "platform",
    scopes: ["usage:write"],
  });
  return { organization, licenseId: license.id, licenseKey, usageKey: key, ownerEmail: email };
};
