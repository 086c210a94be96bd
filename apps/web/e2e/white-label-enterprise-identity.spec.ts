import { expect, type Page, test } from "@playwright/test";
import { expectAccessible, signIn, unique } from "./helpers.ts";
import { e2ePorts } from "./ports.ts";
import { publishTxtRecord } from "./test-dns.ts";

/**
 * SAML and SCIM end to end, against the test SAML identity provider the Playwright config
 * starts (apps/api/test/support/saml-idp-cli.ts): its sign-in page is a form that signs in
 * whichever email is typed. Northwind's SSO is removed again at the end, as white-label.spec.ts
 * (after this file) expects to find it unset; its many audit events come after the specs that
 * read Northwind's recent activity (files run in name order).
 */
const { samlIdp: SAML_IDP_PORT } = e2ePorts();
const IDP_METADATA_URL = `http://127.0.0.1:${SAML_IDP_PORT}/metadata`;

/** The test IdP's form: type who signs in. */
const signInAtIdp = async (page: Page, email: string) => {
  await expect(page.getByRole("heading", { name: "Test identity provider" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Sign in" }).click();
};

const saveSso = async (owner: Page) => {
  await owner.getByRole("button", { name: "Save single sign-on" }).click();
};

/** A SCIM request as a directory (Okta, Entra) makes it. */
const scim = async (baseURL: string, token: string, path: string, init: RequestInit = {}) => {
  const response = await fetch(`${baseURL}/scim/v2${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/scim+json" },
  });
  return {
    status: response.status,
    body: (await response.json().catch(() => null)) as Record<string, unknown>,
  };
};

test("SAML: an owner sets it up against the IdP, tests and enforces it; a member signs in through the IdP; SCIM deactivates them and their session ends", async ({
  browser,
  baseURL,
}) => {
  // Setup, an IdP round trip, a member and SCIM, with axe on the way: over the default minute on a busy machine.
  test.setTimeout(150_000);
  const owner = await (await browser.newContext()).newPage();
  await signIn(owner, "owner@northwind.test");
  await expect(owner).toHaveURL(/\/portal$/);
  await owner.goto("/portal/settings/sso");
  await owner.getByRole("radio", { name: "SAML 2.0" }).check();
  // What the identity provider needs from us, with copy buttons.
  await expect(owner.getByTestId("saml-sp-acs-url")).toHaveText(/\/auth\/saml\/acs\/[0-9a-f-]{36}$/);
  await expect(owner.getByTestId("saml-sp-metadata-url")).toHaveText(
    /\/auth\/saml\/metadata\/[0-9a-f-]{36}$/,
  );
  await owner.getByRole("radio", { name: "Metadata URL" }).check();
  await owner.getByRole("textbox", { name: "IdP metadata URL" }).fill(IDP_METADATA_URL);
  await owner.getByRole("textbox", { name: "Allowed email domains" }).fill("northwind.test");
  await owner.getByRole("checkbox", { name: /Create accounts on first sign-in/ }).check();
  await saveSso(owner);
  await expect(owner.getByText("Single sign-on saved.")).toBeVisible();
  await expect(owner.getByText("SAML set up")).toBeVisible();

  // The domain is proven by its TXT record (at the test DNS server).
  const claim = owner.getByRole("listitem", { name: "northwind.test" });
  const recordName = (await claim.getByTestId("sso-domain-record-name").textContent()) ?? "";
  const recordValue = (await claim.getByTestId("sso-domain-record-value").textContent()) ?? "";
  await publishTxtRecord(recordName, [recordValue]);
  await claim.getByRole("button", { name: "Verify northwind.test" }).click();
  await expect(claim.getByTestId("sso-domain-status")).toHaveText("Verified");

  // Enforcing an untested connection is refused.
  await owner.getByRole("checkbox", { name: /Enforce SSO/ }).check();
  await saveSso(owner);
  await expect(owner.getByRole("alert").filter({ hasText: "Test connection" })).toBeVisible();
  await owner.getByRole("checkbox", { name: /Enforce SSO/ }).uncheck();

  // Test connection: a full sign-in in a popup, reported step by step; this session stays.
  const [popup] = await Promise.all([
    owner.waitForEvent("popup"),
    owner.getByRole("button", { name: "Test connection" }).click(),
  ]);
  await signInAtIdp(popup, "owner@northwind.test");
  await expect(popup).toHaveURL(/\/portal\/settings\/sso\/test\/[0-9a-f-]{36}$/);
  await expect(popup.getByTestId("sso-test-status")).toHaveText("Connection works");
  await popup.close();
  const report = owner.getByTestId("sso-test-report");
  await expect(report.getByTestId("sso-test-status")).toHaveText("Connection works");
  await expect(report.getByTestId("sso-test-step")).toHaveCount(4);
  await expectAccessible(owner);

  await owner.getByRole("checkbox", { name: /Enforce SSO/ }).check();
  await saveSso(owner);
  await expect(owner.getByText("Single sign-on saved.")).toBeVisible();
  await expect(owner.getByText("Enforced", { exact: true })).toBeVisible();

  // A member signs in through the IdP (created just in time: a first sign-in).
  const email = `ines-${unique()}@northwind.test`;
  const member = await (await browser.newContext()).newPage();
  await member.goto("/sign-in");
  await member.getByRole("button", { name: "Use single sign-on" }).click();
  await member.getByLabel("Work email").fill(email);
  await member.getByRole("button", { name: "Continue with single sign-on" }).click();
  // The IdP vouching for an address outside the organisation's domains is refused, saying why.
  await signInAtIdp(member, "someone@elsewhere.test");
  await expect(member).toHaveURL(/\/sign-in\?sso_error=SSO_DOMAIN_NOT_ALLOWED$/);
  await expect(member.getByRole("alert")).toContainText(
    "Your email's domain is not one this organisation allows",
  );
  await expectAccessible(member);
  await member.getByRole("button", { name: "Use single sign-on" }).click();
  await member.getByLabel("Work email").fill(email);
  await member.getByRole("button", { name: "Continue with single sign-on" }).click();
  await signInAtIdp(member, email);
  await expect(member).toHaveURL(/\/portal$/);
  await expect(member.getByRole("heading", { name: "Northwind Academy", level: 1 })).toBeVisible();
  // Their password is refused now; the owner's still works (break-glass).
  const breakGlass = await (await browser.newContext()).newPage();
  await signIn(breakGlass, "owner@northwind.test");
  await expect(breakGlass).toHaveURL(/\/portal$/);

  // The directory deactivates the member over SCIM, with a token created in the portal.
  await owner.goto("/portal/settings/scim");
  await owner.getByRole("textbox", { name: "Name" }).fill("Test directory");
  await owner.getByRole("button", { name: "Create key" }).click();
  const token = (await owner.getByTestId("revealed-key").textContent()) ?? "";
  const base = baseURL ?? "";
  const found = await scim(base, token, `/Users?filter=${encodeURIComponent(`userName eq "${email}"`)}`);
  expect(found.body.totalResults).toBe(1);
  const [user] = found.body.Resources as { id: string }[];
  const patched = await scim(base, token, `/Users/${user?.id}`, {
    method: "PATCH",
    body: JSON.stringify({
      schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
      Operations: [{ op: "replace", value: { active: false } }],
    }),
  });
  expect(patched.status).toBe(200);
  expect(patched.body.active).toBe(false);
  // Their open session ended at once.
  await member.reload();
  await expect(member).toHaveURL(/\/sign-in/);

  // Back to no SSO, as the other specs expect Northwind.
  await owner.goto("/portal/settings/sso");
  await owner.getByRole("checkbox", { name: /Enforce SSO/ }).uncheck();
  await saveSso(owner);
  await expect(owner.getByText("Single sign-on saved.")).toBeVisible();
  await owner.getByRole("button", { name: "Remove single sign-on" }).click();
  await owner.getByRole("alertdialog").getByRole("button", { name: "Remove" }).click();
  await expect(owner.getByText("Not set up")).toBeVisible();
  await claim.getByRole("button", { name: "Remove northwind.test" }).click();
  await owner
    .getByRole("alertdialog", { name: "Remove northwind.test?" })
    .getByRole("button", { name: "Remove domain" })
    .click();
  await expect(owner.getByRole("listitem", { name: "northwind.test" })).toHaveCount(0);
});
