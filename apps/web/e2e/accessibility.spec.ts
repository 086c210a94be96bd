import { expect, test } from "@playwright/test";
import { expectAccessible, openPortalTeam, signIn } from "./helpers.ts";

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
  // The Overview being left can link Northwind too (near its limits, or expiring).
  await expect(page.getByRole("heading", { name: "Organisations", level: 1 })).toBeVisible();
  const northwind = page
    .getByRole("table", { name: "Organisations", exact: true })
    .getByRole("link", { name: "Northwind Academy", exact: true });
  await expect(northwind).toBeVisible();
  await expectAccessible(page);
  await northwind.click();
  await expect(page.getByRole("region", { name: "Details" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("tab", { name: "People" }).click();
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
  await openPortalTeam(page, "member@northwind.test");
  await expectAccessible(page);
  await page
    .getByRole("button", { name: /^Disable / })
    .first()
    .click();
  await expect(page.getByRole("alertdialog")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("alertdialog").getByRole("button", { name: "Keep member active" }).click();
  await page.getByRole("link", { name: "Audit log", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  await page.locator("summary").first().click();
  await expect(page.getByText("Before", { exact: true }).first()).toBeVisible();
  await expectAccessible(page);
});
