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
  // Before signing in: the sign-in tab's title, and the favicon the page links to is served.
  await page.goto("/sign-in");
  await expect(page).toHaveTitle("Sign in · Tessera");
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute("href", "/favicon.svg");
  const icon = await page.request.get("/favicon.svg");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toBe("image/svg+xml");
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

  // Each tab says which page it is and where: "<page> · Tessera console".
  for (const [path, title] of [
    ["/console", "Overview"],
    ["/console/organizations", "Organisations"],
    ["/console/organizations/new", "New organisation"],
    [`/console/organizations/${organizationId}`, "Northwind Academy"],
    [`/console/organizations/${organizationId}/health`, "Organisation health"],
    ["/console/licenses", "Licenses"],
    ["/console/licenses?create=", "Licenses"],
    [licensePath, "Northwind Academy license"],
    ["/console/usage", "Usage"],
    [`/console/usage/${organizationId}`, "Organisation usage"],
    ["/console/support", "Support"],
    ["/console/support/settings", "Support settings"],
    ["/console/support/macros", "Macros"],
    ["/console/audit", "Audit log"],
    ["/console/service-keys", "Service keys"],
    ["/console/sent-email", "Sent email"],
    ["/console/team", "Team"],
  ] as const) {
    await test.step(path, async () => {
      await page.goto(path);
      await settle(page);
      await expect(page).toHaveTitle(`${title} · Tessera console`);
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

  // The portal's tabs carry the organisation's brand (Tessera's until white-labelled).
  for (const [path, title] of [
    ["/portal", "Organisation"],
    ["/portal/license", "License"],
    ["/portal/usage", "Usage"],
    ["/portal/tickets", "Tickets"],
    [ticketPath, "Ticket"],
    ["/portal/team", "Team"],
    ["/portal/api-keys", "API keys"],
    ["/portal/audit", "Audit log"],
    ["/portal/settings/branding", "Branding"],
    ["/portal/settings/domain", "Custom domain"],
    ["/portal/settings/sso", "Single sign-on"],
    ["/portal/settings/scim", "Directory sync (SCIM)"],
    ["/portal/settings/api-access", "API access"],
    ["/portal/settings/feature-toggles", "Feature toggles"],
    ["/portal/settings/integrations", "Integrations"],
  ] as const) {
    await test.step(path, async () => {
      await page.goto(path);
      await settle(page);
      await expect(page).toHaveTitle(new RegExp(`^${title.replace(/[()]/g, "\\$&")} · \\S`));
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
    // Settle alone passes on the sign-in page itself: wait to be let in before going on.
    await expect(who).toHaveURL(new RegExp(`/${area}(/|$)`));
    await settle(who);
    for (const [tab, title] of [
      ["security", "Security"],
      ["sessions", "Sessions"],
      ["notifications", "Notifications"],
      ["date-and-time", "Date and time"],
    ]) {
      await test.step(`/${area}/account/${tab}`, async () => {
        await who.goto(`/${area}/account/${tab}`);
        await settle(who);
        await expect(who).toHaveTitle(new RegExp(`^${title} · \\S`));
        await expectAccessible(who);
      });
    }
  }
});
