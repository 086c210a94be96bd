import { expect, test } from "@playwright/test";
import { expectAccessible, openPortalTicket, settle, signIn, signOut, unique } from "./helpers.ts";

// Every route of the SPA, as the role that may open it, passes axe (WCAG 2 A and AA) with
// no serious or critical violation. Other specs check pages in their states (errors,
// dialogs, dark mode); this one makes sure none is left out.

// Two dozen pages a test, each analysed by axe: more than the default minute on a busy machine.
test.describe.configure({ timeout: 150_000 });

test("every console page passes axe", async ({ page }) => {
  // Fourteen pages, each loaded and scanned: more than the default minute on a busy machine.
  test.setTimeout(120_000);
  await signIn(page, "admin@tessera.test");
  await settle(page);
  await page.getByRole("link", { name: "Organisations", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Organisations", level: 1 })).toBeVisible();
  const northwind = page.getByRole("link", { name: "Northwind Academy" });
  const organizationId = ((await northwind.getAttribute("href")) ?? "").split("/").pop() ?? "";
  await page.getByRole("link", { name: "Licenses", exact: true }).click();
  await expect(page.getByRole("heading", { name: "License management", level: 1 })).toBeVisible();
  const licenseLink = page
    .getByRole("row", { name: /Northwind Academy/ })
    .getByRole("link")
    .first();
  const licensePath = (await licenseLink.getAttribute("href")) ?? "";
  expect(organizationId).toMatch(/^[0-9a-f-]{36}$/);
  expect(licensePath).toMatch(/^\/console\/licenses\/[0-9a-f-]{36}$/);

  for (const path of [
    "/console",
    "/console/organizations",
    "/console/organizations/new",
    `/console/organizations/${organizationId}`,
    `/console/organizations/${organizationId}/health`,
    "/console/licenses",
    "/console/licenses?create=",
    licensePath,
    "/console/usage",
    `/console/usage/${organizationId}`,
    "/console/support",
    "/console/support/settings",
    "/console/support/macros",
    "/console/audit",
    "/console/service-keys",
    "/console/sent-email",
    "/console/team",
  ]) {
    await test.step(path, async () => {
      await page.goto(path);
      await settle(page);
      await expectAccessible(page);
    });
  }
});

test("every portal page, and a ticket in both areas, passes axe", async ({ page }) => {
  await signIn(page, "owner@northwind.test");
  await settle(page);
  await page.getByRole("link", { name: "Tickets", exact: true }).click();
  const { path: ticketPath } = await openPortalTicket(page, {
    subject: `Page check ${unique()}`,
    priority: "LOW",
    description: "A question about reports: see https://example.com/reports.",
  });

  for (const path of [
    "/portal",
    "/portal/license",
    "/portal/usage",
    "/portal/tickets",
    ticketPath,
    "/portal/team",
    "/portal/api-keys",
    "/portal/audit",
    "/portal/settings/branding",
    "/portal/settings/domain",
    "/portal/settings/sso",
    "/portal/settings/scim",
    "/portal/settings/api-access",
    "/portal/settings/feature-toggles",
    "/portal/settings/integrations",
  ]) {
    await test.step(path, async () => {
      await page.goto(path);
      await settle(page);
      await expectAccessible(page);
    });
  }

  await signOut(page);
  await signIn(page, "support@tessera.test");
  await settle(page);
  await page.goto(`/console/support/${ticketPath.split("/").pop()}`);
  await settle(page);
  await expectAccessible(page);
});

// "Your account" in both areas, as its own test so each stays well inside the time limit.
test("every account page passes axe, in the console and the portal", async ({ page, browser }) => {
  const customer = await (await browser.newContext()).newPage();
  for (const [who, area] of [
    [page, "console"],
    [customer, "portal"],
  ] as const) {
    await signIn(who, area === "console" ? "admin@tessera.test" : "owner@northwind.test");
    await settle(who);
    for (const tab of ["security", "sessions", "notifications"]) {
      await test.step(`/${area}/account/${tab}`, async () => {
        await who.goto(`/${area}/account/${tab}`);
        await settle(who);
        await expectAccessible(who);
      });
    }
  }
});
