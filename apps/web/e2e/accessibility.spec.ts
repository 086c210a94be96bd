import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers.ts";

test("the sign-in page has no serious accessibility violations", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();
  await expectAccessible(page);
  // With its error shown too.
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("must be a valid email address")).toBeVisible();
  await expectAccessible(page);
});

test("the console's organisation pages have no serious accessibility violations", async ({ page }) => {
  await signIn(page, "admin@tessera.test");
  await page.getByRole("link", { name: "Organisations", exact: true }).click();
  await expect(page.getByRole("link", { name: "Northwind Academy" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Northwind Academy" }).click();
  const members = page.getByRole("region", { name: "Members" });
  await expect(members.getByRole("cell", { name: "owner@northwind.test" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Organisations", exact: true }).click();
  await page.getByRole("link", { name: "New organisation" }).click();
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.getByText("Some fields need attention")).toBeVisible();
  await expectAccessible(page);
});

test("the portal's team and audit pages have no serious accessibility violations", async ({ page }) => {
  await signIn(page, "owner@northwind.test");
  await page.getByRole("link", { name: "Team", exact: true }).click();
  await expect(page.getByRole("cell", { name: "member@northwind.test" })).toBeVisible();
  await expectAccessible(page);
  await page
    .getByRole("button", { name: /^Disable / })
    .first()
    .click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("dialog").getByRole("button", { name: "Keep member active" }).click();
  await page.getByRole("link", { name: "Audit log", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  await page.locator("summary").first().click();
  await expect(page.getByText("Before", { exact: true }).first()).toBeVisible();
  await expectAccessible(page);
});
