import { expect, test } from "@playwright/test";
import { openPortalTeam, signIn, unique } from "./helpers.ts";
import { linkMailedTo } from "./test-mail.ts";

test("a staff admin creates an organisation and invites its owner; the owner joins and sees only that organisation", async ({
  browser,
}) => {
  const id = unique();
  const name = `Acme ${id}`;
  const ownerEmail = `olly@acme-${id}.test`;
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, "admin@tessera.test");
  await expect(staff).toHaveURL(/\/console$/);
  await staff.getByRole("link", { name: "Organisations", exact: true }).click();
  await expect(staff).toHaveURL(/\/console\/organizations$/);
  await expect(staff.getByRole("heading", { name: "Organisations", level: 1 })).toBeVisible();

  await staff.getByRole("link", { name: "New organisation" }).click();
  await staff.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await staff.getByLabel("Slug").fill(`acme-${id}`);
  await staff.getByLabel("Account manager").selectOption({ label: "Ada Admin (Admin)" });
  await staff.getByLabel("Contact name").fill("Ann Acme");
  await staff.getByLabel("Contact email").fill(`ann@acme-${id}.test`);
  await staff.getByLabel("Contact phone").fill("+44 20 7946 0000");
  await staff.getByLabel("Address line 1").fill("1 Acme Road");
  await staff.getByLabel("City").fill("Leeds");
  await staff.getByLabel("Postal code").fill("LS1 1AA");
  await staff.getByLabel("Country (ISO code)").fill("gb");
  await staff.getByLabel("Metadata (JSON object)").fill('{"crmId": "not json"');
  await staff.getByLabel("Owner name").fill("Olly Owner");
  await staff.getByLabel("Owner email").fill(ownerEmail);
  await staff.getByRole("button", { name: "Create organisation" }).click();
  // The JSON is checked in the browser, beside its field, before anything is sent.
  await expect(staff.getByText(/is not valid JSON/)).toBeVisible();
  await staff.getByLabel("Metadata (JSON object)").fill('{"crmId": "ACME-1", "seats": 40}');
  await staff.getByRole("button", { name: "Create organisation" }).click();

  await expect(staff).toHaveURL(/\/console\/organizations\/[0-9a-f-]{36}$/);
  await expect(staff.getByRole("heading", { name, level: 1 })).toBeVisible();
  const details = staff.getByRole("region", { name: "Details" });
  await expect(details.getByText("1 Acme Road, Leeds, LS1 1AA, GB")).toBeVisible();
  await expect(details.getByText('"crmId": "ACME-1"')).toBeVisible();
  await expect(details.getByText("Ada Admin (admin@tessera.test)")).toBeVisible();
  await staff.getByRole("tab", { name: "Audit" }).click();
  await expect(staff).toHaveURL(/\?tab=audit$/);
  await expect(staff.getByRole("cell", { name: "Organisation created" })).toBeVisible();
  // The tab is in the address: a reload opens it again.
  await staff.reload();
  await expect(staff.getByRole("tab", { name: "Audit" })).toHaveAttribute("aria-selected", "true");

  await staff.getByRole("link", { name: "Organisations", exact: true }).click();
  await staff.getByLabel("Search").fill(`acme-${id}`);
  await expect(staff).toHaveURL(new RegExp(`q=acme-${id}`));
  await expect(staff.getByRole("link", { name })).toBeVisible();
  await expect(staff.getByRole("row")).toHaveCount(2);
  await staff.getByRole("link", { name }).click();
  await expect(staff.getByRole("heading", { name, level: 1 })).toBeVisible();

  // Creating the same slug again is refused beside the slug field.
  await staff.goto("/console/organizations/new");
  await staff.getByRole("textbox", { name: "Name", exact: true }).fill(`${name} again`);
  await staff.getByLabel("Slug").fill(`acme-${id}`);
  await staff.getByLabel("Contact name").fill("Ann Acme");
  await staff.getByLabel("Contact email").fill(`ann@acme-${id}.test`);
  await staff.getByRole("button", { name: "Create organisation" }).click();
  await expect(staff.getByRole("alert")).toContainText(`The slug "acme-${id}" is already in use`);

  // The owner joins from the mailed invitation, with a password of their own.
  const owner = await (await browser.newContext()).newPage();
  await owner.goto(await linkMailedTo(ownerEmail, "/accept-invitation"));
  await expect(owner.getByLabel("Your name")).toHaveValue("Olly Owner");
  await owner.getByLabel("Choose a password").fill("correct-horse-battery");
  await owner.getByRole("button", { name: "Join" }).click();
  await expect(owner).toHaveURL(/\/portal$/);
  await expect(owner.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(owner.getByText("Customer portal")).toBeVisible();
  await expect(owner.getByText("Ada Admin")).toBeVisible();
  await openPortalTeam(owner, ownerEmail);
  await expect(owner.getByText("owner@northwind.test")).toHaveCount(0);
  await expect(owner.getByRole("row")).toHaveCount(2);

  // The console is not theirs: the app sends them back to the portal, the API refuses.
  await owner.goto("/console/organizations");
  await expect(owner).toHaveURL(/\/portal$/);
  await expect(owner.getByRole("heading", { name, level: 1 })).toBeVisible();
  const list = await owner.request.get("/trpc/organizations.list?input=%7B%22json%22%3A%7B%7D%7D");
  expect(list.status()).toBe(403);
});

test("a member sees the organisation and team read-only, without the audit log", async ({ page }) => {
  await signIn(page, "member@northwind.test");
  await expect(page.getByRole("heading", { name: "Northwind Academy", level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Edit contact details" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Audit log", exact: true })).toHaveCount(0);
  await openPortalTeam(page, "owner@northwind.test");
  await expect(page.getByRole("heading", { name: "Add a member" })).toHaveCount(0);
  await expect(page.getByRole("combobox")).toHaveCount(0);
  await page.goto("/portal/audit");
  await expect(page.getByText("Not available for your role")).toBeVisible();
});
