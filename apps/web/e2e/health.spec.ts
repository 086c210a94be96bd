import { expect, test } from "@playwright/test";
import { expectAccessible, signIn, signOut } from "./helpers.ts";

test("staff see one organisation's health: grade, reasons, license, usage, tickets, white-label and audit", async ({
  page,
}) => {
  await signIn(page, "admin@tessera.test");
  await page.getByRole("link", { name: "Organisations", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Organisations", level: 1 })).toBeVisible();
  await page
    .getByRole("table", { name: "Organisations", exact: true })
    .getByRole("link", { name: "Northwind Academy", exact: true })
    .click();
  await page.getByRole("link", { name: "Health" }).click();
  await expect(page.getByRole("heading", { name: "Northwind Academy: health", level: 1 })).toBeVisible();
  // The demo's Northwind: an active Professional license that renews itself, but its platform
  // has not reported usage yet: one warning, in words, with a way to the usage page.
  await expect(page.getByRole("img", { name: "Health grade B, score 85 of 100" })).toBeVisible();
  const reasons = page.getByRole("list", { name: "Reasons for the grade" });
  await expect(reasons.getByRole("listitem")).toHaveText([/Warning\s*No usage reported yet\s*See usage/]);
  const license = page.getByRole("region", { name: "License" });
  await expect(license).toContainText("Professional");
  await expect(license).toContainText("Active");
  const usage = page.getByRole("region", { name: "Usage against limits" });
  await expect(usage.getByRole("progressbar", { name: /Active users/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Open tickets and SLA" })).toContainText("Open");
  const whiteLabel = page.getByRole("region", { name: "White-label" });
  await expect(whiteLabel.getByRole("definition").filter({ hasText: "active key" })).toContainText("On");
  const activity = page.getByRole("region", { name: "Recent activity" });
  // The latest events only: which ones depends on the specs before this one (they sign in as
  // Northwind's people), so the test asks for a row, not a particular event.
  await expect(activity.getByRole("row").nth(1)).toBeVisible();
  await expectAccessible(page);

  await activity.getByRole("link", { name: "Full audit log" }).click();
  await expect(page).toHaveURL(/\/console\/audit\?organizationId=/);
  await expect(page.getByText("Changes to one organisation.")).toBeVisible();
});

test("an organisation without a license is graded D with the reason and a way to it", async ({ page }) => {
  await signIn(page, "support@tessera.test");
  await page.getByRole("link", { name: "Organisations", exact: true }).click();
  await page.getByRole("link", { name: "Globex Learning" }).click();
  await page.getByRole("link", { name: "Health" }).click();
  await expect(page.getByRole("img", { name: "Health grade D, score 49 of 100" })).toBeVisible();
  const reasons = page.getByRole("list", { name: "Reasons for the grade" });
  await expect(reasons.getByRole("listitem")).toHaveText([/Critical\s*No license\s*See the license/]);
  await reasons.getByRole("link", { name: "See the license" }).click();
  await expect(page).toHaveURL(/\/console\/licenses\?organizationId=/);
});

test("the portal home shows the customer's own health; the audit trail only to its admins", async ({
  page,
}) => {
  await signIn(page, "owner@northwind.test");
  await expect(page.getByRole("heading", { name: "Northwind Academy", level: 1 })).toBeVisible();
  await expect(page.getByRole("img", { name: /Health grade B/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Recent activity" })).toBeVisible();
  await expect(page.getByRole("link", { name: "White-label settings" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Usage details" }).click();
  await expect(page).toHaveURL(/\/portal\/usage$/);

  await signOut(page);
  await signIn(page, "member@northwind.test");
  await expect(page.getByRole("img", { name: /Health grade B/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Recent activity" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "White-label settings" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "License" })).toContainText("Professional");
});
