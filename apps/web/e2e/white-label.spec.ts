import { expect, type Page, test } from "@playwright/test";
import { expectAccessible, signIn, signOut, unique } from "./helpers.ts";
import { publishTxtRecord } from "./test-dns.ts";
import { linkMailedTo } from "./test-mail.ts";

const brandPrimary = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--brand-primary").trim());

test("an owner brands the portal: a live contrast warning, then the header and buttons in the new colours", async ({
  browser,
}) => {
  const company = `Northwind Learning ${unique()}`;
  const owner = await (await browser.newContext()).newPage();
  await signIn(owner, "owner@northwind.test");
  await owner.getByRole("link", { name: "Settings", exact: true }).click();
  await expect(owner.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  await expect(owner.getByRole("region", { name: "Branding" })).toBeVisible();
  // Until the organisation brands it, the portal wears Tessera's colours.
  expect(await brandPrimary(owner)).toBe("#4f46e5");
  await expectAccessible(owner);

  await owner.getByRole("textbox", { name: "Company name" }).fill(company);
  const primary = owner.getByRole("textbox", { name: "Primary colour", exact: true });
  const secondary = owner.getByRole("textbox", { name: "Secondary colour", exact: true });
  // A light primary: white text on it is hard to read, and the page says so before saving.
  await primary.fill("#fde68a");
  const warning = owner.getByRole("status").filter({ hasText: "Low contrast" });
  await expect(warning).toContainText("White text on #fde68a has contrast");
  await expect(warning).toContainText("below the WCAG AA minimum of 4.5:1");
  // The preview shows the unsaved colour; the portal itself does not change yet.
  const preview = owner.getByTestId("branding-preview");
  await expect(preview.getByText("Primary action")).toHaveCSS("background-color", "rgb(253, 230, 138)");
  await expect(preview).toContainText(company);
  expect(await brandPrimary(owner)).toBe("#4f46e5");

  // A dark teal reads well: the warning goes, and the branding is saved.
  await primary.fill("#0f766e");
  await secondary.fill("#134e4a");
  await expect(warning).toHaveCount(0);
  // Saving never moves the white-label switch (Off until now): switched on, the save shows at once.
  await owner.getByRole("switch", { name: /Show our branding/ }).check();
  await expect(owner.getByText("Showing your branding")).toBeVisible();
  await owner.getByRole("button", { name: "Save branding" }).click();
  await expect(owner.getByText("Branding saved. The portal shows it now.")).toBeVisible();

  // The portal re-themes at once: the root variable, a button, the header bar and its name.
  await expect.poll(() => brandPrimary(owner)).toBe("#0f766e");
  await expect(owner.getByRole("button", { name: "Save branding" })).toHaveCSS(
    "background-color",
    "rgb(15, 118, 110)",
  );
  const brandBar = owner.getByTestId("brand-bar");
  await expect(brandBar).toHaveCSS("background-color", "rgb(19, 78, 74)");
  await expect(brandBar.getByTestId("brand-name")).toHaveText(company);
  await expect(owner.getByRole("switch", { name: /Show our branding/ })).toBeChecked();
  await expectAccessible(owner);

  // It is the organisation's theme, not the page's: it comes back after a reload …
  await owner.reload();
  await expect(owner.getByTestId("brand-bar").getByTestId("brand-name")).toHaveText(company);
  await expect.poll(() => brandPrimary(owner)).toBe("#0f766e");
  // … and the sign-in page goes back to Tessera's once the owner signs out.
  await signOut(owner);
  await expect(owner.getByTestId("brand-name")).toHaveText("Tessera");
  await expect.poll(() => brandPrimary(owner)).toBe("#4f46e5");

  // Staff see the effective branding in the console.
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, "admin@tessera.test");
  await staff.getByRole("link", { name: "Organisations", exact: true }).click();
  // Once usage.spec has run, the Overview being left lists Northwind as near its limits too.
  await expect(staff.getByRole("heading", { name: "Organisations", level: 1 })).toBeVisible();
  await staff
    .getByRole("table", { name: "Organisations", exact: true })
    .getByRole("link", { name: "Northwind Academy", exact: true })
    .click();
  await staff.getByRole("tab", { name: "White-label" }).click();
  const whiteLabel = staff.getByRole("region", { name: "White-label" });
  await expect(whiteLabel).toContainText("Tier: Professional");
  await expect(whiteLabel).toContainText("Showing their branding");
  await expect(whiteLabel).toContainText(company);
  await expect(whiteLabel).toContainText("#0f766e");
  await expect(whiteLabel.getByRole("button", { name: "Delete the branding" })).toBeVisible();
  await expectAccessible(staff);
});

test("a member has no settings; a PROFESSIONAL owner is told which tier integrations need", async ({
  browser,
}) => {
  const member = await (await browser.newContext()).newPage();
  await signIn(member, "member@northwind.test");
  await expect(member.getByRole("heading", { name: "Northwind Academy", level: 1 })).toBeVisible();
  await expect(member.getByRole("link", { name: "Settings", exact: true })).toHaveCount(0);
  await member.goto("/portal/settings/branding");
  await expect(member.getByText("Not available for your role")).toBeVisible();

  const owner = await (await browser.newContext()).newPage();
  await signIn(owner, "owner@northwind.test");
  await expect(owner).toHaveURL(/\/portal$/);
  await owner.goto("/portal/settings/integrations");
  await expect(owner.getByText("Needs the ENTERPRISE tier")).toBeVisible();
  await expect(owner.getByRole("button", { name: "Add webhook" })).toBeDisabled();
  await owner.getByRole("link", { name: "Feature toggles" }).click();
  await expect(owner.getByText("Needs the ENTERPRISE tier")).toBeVisible();
  await expect(owner.getByRole("button", { name: "Add toggle" })).toBeDisabled();
  await expectAccessible(owner);
});

test("an owner claims a custom domain and verifies it with the TXT record the page gives", async ({
  page,
}) => {
  const hostname = `learn-${unique()}.example.com`;
  await signIn(page, "owner@northwind.test");
  await page.getByRole("link", { name: "Settings", exact: true }).click();
  await page.getByRole("link", { name: "Custom domain" }).click();
  await page.getByRole("textbox", { name: "Hostname" }).fill(`https://${hostname}/`);
  await page.getByRole("button", { name: /^(Save|Change) hostname$/ }).click();
  await expect(page.getByRole("alert")).toContainText("must be a hostname only");
  await page.getByRole("textbox", { name: "Hostname" }).fill(hostname);
  await page.getByRole("button", { name: /^(Save|Change) hostname$/ }).click();

  const status = page.getByTestId("domain-status");
  await expect(status).toHaveText("Pending verification");
  const name = (await page.getByTestId("dns-record-name").textContent()) ?? "";
  const value = (await page.getByTestId("dns-record-value").textContent()) ?? "";
  expect(name).toBe(`_tessera.${hostname}`);
  expect(value).toMatch(/^tessera-verification=[0-9a-f]{32}$/);
  await expectAccessible(page);

  // Checked before the record exists: failed, with the reason.
  await page.getByRole("button", { name: "Verify now" }).click();
  await expect(status).toHaveText("Failed verification");
  await expect(page.getByText(`No TXT record found at ${name}`)).toBeVisible();

  // The customer publishes the record at their DNS provider (here, the test DNS server).
  await publishTxtRecord(name, [value]);
  await page.getByRole("button", { name: "Verify now" }).click();
  await expect(status).toHaveText("Verified");
  await expect(page.getByText(`${hostname} is verified`)).toBeVisible();
  await expect(page.getByText(`TXT record at ${name} holds the verification token`)).toBeVisible();
  await expectAccessible(page);
});

test("single sign-on: an owner sets up OIDC; the sign-in page finds it by email and explains failures", async ({
  browser,
}) => {
  const owner = await (await browser.newContext()).newPage();
  await signIn(owner, "owner@northwind.test");
  await expect(owner).toHaveURL(/\/portal$/);
  await owner.goto("/portal/settings/sso");
  await expect(owner.getByText("Not set up")).toBeVisible();
  // This site's callback URL (and, once a custom domain is verified, the domain's too).
  await expect(owner.getByTestId("sso-callback-url").first()).toHaveText(
    /^http:\/\/127\.0\.0\.1:\d+\/auth\/sso\/callback$/,
  );
  await owner.getByRole("button", { name: "Save single sign-on" }).click();
  await expect(owner.getByText("name at least one email domain")).toBeVisible();
  // A private-network issuer is refused (outbound-address policy); a provider whose name the test DNS
  // server does not know is saved, and sign-in through it fails and says why.
  await owner.getByRole("textbox", { name: "Issuer URL" }).fill("https://10.0.0.9");
  await owner.getByRole("textbox", { name: "Client ID" }).fill("tessera-portal");
  await owner.getByLabel("Client secret").fill("a-client-secret");
  await owner.getByRole("textbox", { name: "Allowed email domains" }).fill("northwind.test");
  await owner.getByRole("button", { name: "Save single sign-on" }).click();
  await expect(owner.getByText("must be a public address, not private (10.0.0.9)").first()).toBeVisible();
  await owner.getByRole("textbox", { name: "Issuer URL" }).fill("https://idp.northwind.test");
  await owner.getByRole("button", { name: "Save single sign-on" }).click();
  await expect(owner.getByText("Single sign-on saved.")).toBeVisible();
  await expect(owner.getByText("OIDC set up")).toBeVisible();
  await expect(owner.getByText("A secret is stored; leave blank to keep it.")).toBeVisible();
  // The listed domain is only claimed: it routes nobody until its TXT record proves it.
  const claim = owner.getByRole("listitem", { name: "northwind.test" });
  await expect(claim.getByTestId("sso-domain-status")).toHaveText("Pending verification");
  const recordName = (await claim.getByTestId("sso-domain-record-name").textContent()) ?? "";
  const recordValue = (await claim.getByTestId("sso-domain-record-value").textContent()) ?? "";
  expect(recordName).toBe("_tessera.northwind.test");
  expect(recordValue).toMatch(/^tessera-verification=[0-9a-f]{32}$/);
  // Someone else's or a public mailbox domain is refused, naming the field.
  await owner.getByRole("textbox", { name: "Domain to claim" }).fill("gmail.com");
  await owner.getByRole("button", { name: "Add domain" }).click();
  await expect(owner.getByText("gmail.com is a public email provider").first()).toBeVisible();
  await expectAccessible(owner);

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/sign-in");
  await visitor.getByRole("button", { name: "Use single sign-on" }).click();
  await visitor.getByLabel("Work email").fill("nora@northwind.test");
  await visitor.getByRole("button", { name: "Continue with single sign-on" }).click();
  await expect(visitor.getByRole("alert")).toContainText(
    "Single sign-on is not set up for this email's domain",
  );
  await visitor.getByLabel("Work email").fill("someone@elsewhere.test");
  await visitor.getByRole("button", { name: "Continue with single sign-on" }).click();
  await expect(visitor.getByRole("alert")).toContainText(
    "Single sign-on is not set up for this email's domain",
  );
  await expectAccessible(visitor);

  // The owner publishes the record (here, at the test DNS server) and verifies.
  await publishTxtRecord(recordName, [recordValue]);
  await claim.getByRole("button", { name: "Verify northwind.test" }).click();
  await expect(claim.getByTestId("sso-domain-status")).toHaveText("Verified");
  await expectAccessible(owner);

  await visitor.getByLabel("Work email").fill("nora@northwind.test");
  await visitor.getByRole("button", { name: "Continue with single sign-on" }).click();
  await expect(visitor).toHaveURL(/\/sign-in\?sso_error=SSO_PROVIDER_UNREACHABLE$/, { timeout: 30_000 });
  await expect(visitor.getByRole("alert")).toContainText("identity provider could not be reached");
  await expectAccessible(visitor);

  // Staff can remove a setup that locks a customer out.
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, "admin@tessera.test");
  await staff.getByRole("link", { name: "Organisations", exact: true }).click();
  // Once usage.spec has run, the Overview being left lists Northwind as near its limits too.
  await expect(staff.getByRole("heading", { name: "Organisations", level: 1 })).toBeVisible();
  await staff
    .getByRole("table", { name: "Organisations", exact: true })
    .getByRole("link", { name: "Northwind Academy", exact: true })
    .click();
  await staff.getByRole("tab", { name: "White-label" }).click();
  const whiteLabel = staff.getByRole("region", { name: "White-label" });
  await expect(whiteLabel).toContainText("https://idp.northwind.test · tessera-portal");
  await expect(whiteLabel).not.toContainText("a-client-secret");
  // Staff see which email domains are proven.
  await expect(whiteLabel.getByRole("region", { name: "Single sign-on" })).toContainText(
    "northwind.testVerified",
  );
  await whiteLabel.getByRole("button", { name: "Delete the single sign-on setup" }).click();
  const dialog = staff.getByRole("alertdialog", { name: "Delete the single sign-on setup?" });
  await dialog.getByRole("button", { name: "Delete" }).click();
  await expect(dialog).toBeHidden();
  await expect(whiteLabel.getByRole("region", { name: "Single sign-on" })).toContainText("None.");
});

test("an ENTERPRISE owner adds a webhook (secret shown once), tests it, and manages feature toggles", async ({
  browser,
}) => {
  const id = unique();
  const name = `Initech ${id}`;
  const ownerEmail = `bill@initech-${id}.test`;

  // Staff set up the organisation on an active ENTERPRISE license.
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, "admin@tessera.test");
  await staff.getByRole("link", { name: "Organisations", exact: true }).click();
  await staff.getByRole("link", { name: "New organisation" }).click();
  await staff.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await staff.getByLabel("Slug").fill(`initech-${id}`);
  await staff.getByLabel("Contact name").fill("Bill Lumbergh");
  await staff.getByLabel("Contact email").fill(ownerEmail);
  await staff.getByLabel("Owner name").fill("Bill Lumbergh");
  await staff.getByLabel("Owner email").fill(ownerEmail);
  await staff.getByRole("button", { name: "Create organisation" }).click();
  await expect(staff.getByRole("heading", { name, level: 1 })).toBeVisible();
  const organizationUrl = staff.url();
  await staff.getByRole("tab", { name: "Licenses" }).click();
  await staff.getByRole("link", { name: "Create one" }).click();
  await staff.getByLabel("Find organisation").fill(`initech-${id}`);
  await staff.getByLabel("Organisation", { exact: true }).selectOption({ label: name });
  await staff.getByLabel("Tier", { exact: true }).selectOption("ENTERPRISE");
  await staff.getByRole("button", { name: "Create license" }).click();
  await staff.getByRole("link", { name: "Open the license" }).click();
  await staff.getByRole("button", { name: "Activate license", exact: true }).click();
  await staff.getByRole("alertdialog").getByRole("button", { name: "Activate license", exact: true }).click();
  await expect(staff.getByText("Active", { exact: true }).first()).toBeVisible();

  const owner = await (await browser.newContext()).newPage();
  await owner.goto(await linkMailedTo(ownerEmail, "/accept-invitation"));
  await owner.getByLabel("Choose a password").fill("correct-horse-battery");
  await owner.getByRole("button", { name: "Join" }).click();
  await expect(owner).toHaveURL(/\/portal$/);
  await owner.getByRole("link", { name: "Settings", exact: true }).click();
  await owner.getByRole("link", { name: "Integrations" }).click();
  await expect(owner.getByText("No webhooks yet.")).toBeVisible();

  // The schema's message first; then a webhook, whose signing secret shows once.
  const add = owner.getByRole("form", { name: "Add a webhook" });
  await add.getByRole("button", { name: "Add webhook" }).click();
  await expect(add.getByText("choose at least one event")).toBeVisible();
  await add.getByRole("textbox", { name: "Name" }).fill("CRM sync");
  // A receiver Tessera refuses to call (a private address): the delivery log will say why.
  await add.getByRole("textbox", { name: "Webhook URL" }).fill("https://10.0.0.9/tessera");
  await add.getByRole("checkbox", { name: "ticket.created" }).check();
  await add.getByRole("button", { name: "Add webhook" }).click();
  const secret = (await owner.getByTestId("revealed-key").textContent()) ?? "";
  expect(secret).toMatch(/^whsec_/);
  await expect(owner.getByText("Signing secret of CRM sync — copy it now")).toBeVisible();
  await owner.getByRole("button", { name: "I have stored it" }).click();
  await expect(owner.getByTestId("revealed-key")).toHaveCount(0);
  const card = owner.getByRole("region", { name: "CRM sync", exact: true });
  await expect(card).toContainText("ticket.created");
  await expect(card.getByText("Enabled", { exact: true })).toBeVisible();
  await expectAccessible(owner);

  // A test event is delivered at once; the refused attempt shows in the log.
  await card.getByRole("button", { name: "Send test event" }).click();
  const log = card.getByRole("table", { name: "Deliveries to CRM sync" });
  await expect(log.getByRole("row", { name: /ping/ })).toContainText("Pending");
  await expect(log).toContainText("#1", { timeout: 30_000 });
  await expect(log).toContainText("refused");

  await card.getByRole("button", { name: "Disable" }).click();
  await expect(card.getByText("Disabled", { exact: true })).toBeVisible();
  await card.getByRole("button", { name: "Enable" }).click();
  await expect(card.getByText("Enabled", { exact: true })).toBeVisible();

  await card.getByRole("button", { name: "Rotate secret" }).click();
  const rotate = owner.getByRole("alertdialog", { name: "Rotate the secret of CRM sync?" });
  await rotate.getByRole("button", { name: "Rotate secret" }).click();
  await expect(rotate).toBeHidden();
  await expect(owner.getByTestId("revealed-key")).toHaveText(/^whsec_/);
  expect(await owner.getByTestId("revealed-key").textContent()).not.toBe(secret);

  await card.getByRole("button", { name: "Edit" }).click();
  const edit = owner.getByRole("form", { name: "Edit CRM sync" });
  await edit.getByRole("textbox", { name: "Name" }).fill("CRM sync v2");
  await edit.getByRole("checkbox", { name: "license.renewed" }).check();
  await edit.getByRole("button", { name: "Save webhook" }).click();
  const renamed = owner.getByRole("region", { name: "CRM sync v2", exact: true });
  await expect(renamed).toContainText("license.renewed");

  // Feature toggles: added, switched off, seen by staff, deleted.
  await owner.getByRole("link", { name: "Feature toggles" }).click();
  const addToggle = owner.getByRole("form", { name: "Add a feature toggle" });
  await addToggle.getByRole("textbox", { name: "Key" }).fill("New Editor");
  await addToggle.getByRole("button", { name: "Add toggle" }).click();
  await expect(addToggle.getByText("must start with a letter")).toBeVisible();
  await addToggle.getByRole("textbox", { name: "Key" }).fill("new-course-editor");
  await addToggle.getByRole("textbox", { name: "Description (optional)" }).fill("The new course editor");
  await addToggle.getByRole("button", { name: "Add toggle" }).click();
  const flag = owner.getByRole("switch", { name: "new-course-editor enabled" });
  await expect(flag).toBeChecked();
  await flag.uncheck();
  await expect(flag).not.toBeChecked();
  await expectAccessible(owner);

  await staff.goto(`${organizationUrl}?tab=white-label`);
  const whiteLabel = staff.getByRole("region", { name: "White-label" });
  await expect(whiteLabel).toContainText("Tier: Enterprise");
  await expect(whiteLabel.getByRole("region", { name: "Integrations" })).toContainText("CRM sync v2");
  await expect(whiteLabel.getByRole("region", { name: "Feature toggles" })).toContainText(
    "new-course-editor",
  );
  await expect(whiteLabel).not.toContainText(secret);

  await owner.getByRole("button", { name: "Delete new-course-editor" }).click();
  await owner.getByRole("alertdialog").getByRole("button", { name: "Delete toggle" }).click();
  await expect(owner.getByText("No feature toggles yet.")).toBeVisible();
  await owner.getByRole("link", { name: "Integrations" }).click();
  await renamed.getByRole("button", { name: "Delete" }).click();
  await owner
    .getByRole("alertdialog", { name: "Delete CRM sync v2?" })
    .getByRole("button", { name: "Delete webhook" })
    .click();
  await expect(owner.getByText("No webhooks yet.")).toBeVisible();
});
