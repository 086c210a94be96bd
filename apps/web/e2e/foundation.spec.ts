import { expect, test } from "@playwright/test";
import { expectAccessible, signIn, unique } from "./helpers.ts";

test("a staff admin creates an organisation and its owner; the owner sees only that organisation", async ({
  browser,
}) => {
  const id = unique();
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, "admin@tessera.test");
  await expect(staff.getByRole("heading", { name: "Organisations" })).toBeVisible();
  await expectAccessible(staff);

  await staff.getByRole("link", { name: "New organisation" }).click();
  await staff.getByRole("textbox", { name: "Name", exact: true }).fill(`Acme ${id}`);
  await staff.getByLabel("Slug").fill(`acme-${id}`);
  await staff.getByLabel("Contact name").fill("Ann Acme");
  await staff.getByLabel("Contact email").fill(`ann@acme-${id}.test`);
  await staff.getByLabel("Country (ISO code)").fill("gb");
  await staff.getByLabel("Address line 1").fill("1 Acme Road");
  await staff.getByLabel("City").fill("Leeds");
  await staff.getByLabel("Owner name").fill("Olly Owner");
  await staff.getByLabel("Owner email").fill(`olly@acme-${id}.test`);
  await staff.getByLabel("Initial password").fill("correct-horse-battery");
  await staff.getByRole("button", { name: "Create organisation" }).click();

  await expect(staff.getByRole("heading", { name: `Acme ${id}` })).toBeVisible();
  await expect(staff.getByRole("cell", { name: `olly@acme-${id}.test` })).toBeVisible();
  await staff.getByRole("link", { name: "Organisations" }).click();
  await staff.getByLabel("Search").fill(`acme-${id}`);
  await expect(staff.getByRole("link", { name: `Acme ${id}` })).toBeVisible();

  const owner = await (await browser.newContext()).newPage();
  await signIn(owner, `olly@acme-${id}.test`, "correct-horse-battery");
  await expect(owner.getByRole("heading", { name: `Acme ${id}` })).toBeVisible();
  await expect(owner.getByText("Customer portal")).toBeVisible();
  await owner.goto("/console/organizations");
  await expect(owner).toHaveURL(/\/portal$/);
  await owner.getByRole("link", { name: "Team" }).click();
  await expect(owner.getByRole("cell", { name: `olly@acme-${id}.test` })).toBeVisible();
  await expect(owner.getByText("owner@northwind.test")).toHaveCount(0);
});

test("a wrong password shows the error and keeps the user on the sign-in page", async ({ page }) => {
  await signIn(page, "owner@globex.test", "not-the-password");
  await expect(page.getByRole("alert")).toContainText("Email or password is incorrect");
  await expect(page).toHaveURL(/\/sign-in$/);
  await expectAccessible(page);
});

test("an owner adds a member, changes a role, and cannot demote the only owner", async ({ page }) => {
  const id = unique();
  await signIn(page, "owner@globex.test");
  await page.getByRole("link", { name: "Team" }).click();
  await page.getByRole("textbox", { name: "Name", exact: true }).fill("Tia Team");
  await page.getByRole("textbox", { name: "Email", exact: true }).fill(`tia-${id}@globex.test`);
  await page.getByLabel("Initial password").fill("correct-horse-battery");
  await page.getByRole("button", { name: "Add member" }).click();
  const row = page.getByRole("row", { name: new RegExp(`tia-${id}@globex.test`) });
  await expect(row).toBeVisible();
  await row.getByLabel(/Role of/).selectOption("ADMIN");
  await expect(row.getByLabel(/Role of/)).toHaveValue("ADMIN");

  const ownerRow = page.getByRole("row", { name: /owner@globex.test/ });
  await ownerRow.getByLabel(/Role of/).selectOption("MEMBER");
  await expect(page.getByRole("alert")).toContainText("at least one active owner");
  await expectAccessible(page);
});
