import { licenses } from "@tessera/db/schema";
import { eq } from "drizzle-orm";
import { addMember } from "../../src/team/service.ts";
import { callPath, type Persona, TEST_PASSWORD, type TestHarness } from "../harness.ts";
import { newInvitation } from "./invitation-fixtures.ts";
import type { FieldValues } from "./valid-input.ts";

/**
 * Real ids for the fuzzer's valid inputs, one set per tenant: staff (and anonymous, and the
 * service key) act on a fuzz organisation of their own so that cancelling its license or
 * disabling its user leaves organisation A's personas working; A's personas get A's ids,
 * B's owner B's where B has them and A's otherwise (tenancy: those answer NOT_FOUND).
 * Users, keys and records a call may disable, revoke or delete are spares made for this.
 */
type Ids = Record<string, string>;

const idsOf = (result: unknown): string => (result as { id: string }).id;

export const createFuzzFixtures = async (h: TestHarness) => {
  const as = async (persona: Persona, path: string, input: unknown) =>
    callPath(await h.caller(persona), path, input);
  const fuzzOrganization = await h.newLicensedOrganization("ENTERPRISE");
  const staffOrganizationId = fuzzOrganization.organization.id;
  const spare = (name: string) => ({
    name: `Spare ${name}`,
    email: `spare-${name}@fuzz.test`,
    password: TEST_PASSWORD,
  });

  const staffDelivery = await h.newDelivery(staffOrganizationId);
  const staff: Ids = {
    organizationId: staffOrganizationId,
    licenseId: fuzzOrganization.license.id,
    ticketId: await h.newTicket(staffOrganizationId),
    userId: (await addMember(h.system, staffOrganizationId, { ...spare("f"), role: "MEMBER" })).id,
    alertId: await h.newAlert(staffOrganizationId),
    invitationId: (await newInvitation(h, null)).id,
    customizationId: await h.newCustomization(staffOrganizationId),
    ...staffDelivery,
    "apiKeys.revoke:apiKeyId": idsOf(
      await as("staffAdmin", "apiKeys.create", {
        name: "spare",
        scopes: ["usage:write"],
        organizationId: staffOrganizationId,
      }),
    ),
    "serviceKeys.revoke:apiKeyId": idsOf(
      await as("staffAdmin", "serviceKeys.create", { name: "spare", scopes: ["licenses:read"] }),
    ),
  };

  const tenantIds = async (persona: "ownerA" | "ownerB", organizationId: string, licenseId: string) => ({
    organizationId,
    licenseId,
    ticketId: await h.newTicket(organizationId),
    userId: (await addMember(h.system, organizationId, { ...spare(persona), role: "MEMBER" })).id,
    invitationId: (await newInvitation(h, organizationId)).id,
    alertId: await h.newAlert(organizationId),
    customizationId: await h.newCustomization(organizationId),
    ...(await h.newDelivery(organizationId)),
  });
  const a: Ids = {
    ...(await tenantIds("ownerA", h.orgA.id, h.licenseA.id)),
    apiKeyId: idsOf(await as("ownerA", "apiKeys.createMine", { name: "spare", scopes: ["usage:write"] })),
    ssoDomainId: idsOf(await as("ownerA", "whiteLabel.addSsoDomain", { domain: "fuzz-sso.example.com" })),
  };
  const b: Ids = { ...a, ...(await tenantIds("ownerB", h.orgB.id, h.licenseB.id)) };

  const notifications = new Map<Persona, string>();
  const notificationOf = async (persona: Persona) => {
    const id = notifications.get(persona) ?? (await h.newNotification(persona));
    notifications.set(persona, id);
    return id;
  };

  const idsFor = (persona: Persona): Ids => {
    if (persona === "ownerB") return b;
    if (["ownerA", "adminA", "memberA", "orgKeyA"].includes(persona)) return a;
    return staff;
  };

  /** The field values for one call: fixture ids, the license's current version, and unique names. */
  return async (persona: Persona, path: string): Promise<FieldValues> => {
    const ids = idsFor(persona);
    const licenseId = ids.licenseId ?? "";
    const [license] = path.startsWith("licenses.")
      ? await h.db.select({ version: licenses.version }).from(licenses).where(eq(licenses.id, licenseId))
      : [];
    const fixed: Record<string, unknown> = {
      ...ids,
      notificationId: await notificationOf(persona),
      assigneeId: h.userIds.staffSupport,
      expectedVersion: license?.version,
      // Sign in as someone real, validate a real key.
      ...(path === "auth.signIn" ? { email: "owner@a.test", password: TEST_PASSWORD } : {}),
      ...(path === "licenses.validate" ? { key: h.keyA } : {}),
      // Six digits (the generator does not meet TotpCode's pattern): a wrong code reaches the check.
      code: "123456",
    };
    return (field) => fixed[`${path}:${field}`] ?? fixed[field];
  };
};
