import { expect, type Page, test } from "@playwright/test";
import { openPortalTicket, settle, signIn, unique } from "./helpers.ts";

// A phone (390 × 844): no page scrolls sideways, and the header and navigation fold into a
// menu. Every route is loaded as the role that may open it (the list of every-page.spec).

test.use({ viewport: { width: 390, height: 844 } });
// Two dozen pages a test on a shared, busy machine: well past the default minute.
test.describe.configure({ timeout: 480_000 });

/** Each path whose document is wider than the window, with the two widths. */
const overflowing = async (page: Page, paths: readonly string[]) => {
  const wide: string[] = [];
  for (const path of paths) {
    await test.step(path, async () => {
      await page.goto(path);
      await settle(page);
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      if (scrollWidth > innerWidth) wide.push(`${path}: ${scrollWidth}px wide in ${innerWidth}px`);
    });
  }
  return wide;
};

/** On a phone, sign-out sits in the menu. */
const signOutByMenu = async (page: Page) => {
  await page.getByRole("button", { name: "Menu" }).click();
  await page.getByRole("dialog", { name: "Menu" }).getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByLabel("Email")).toBeVisible();
};

/** Sign in and wait to be let into the area (settle alone passes on the sign-in page itself). */
const signInTo = async (page: Page, email: string, area: "console" | "portal") => {
  await signIn(page, email);
  await expect(page).toHaveURL(new RegExp(`/${area}(/|$)`));
  await settle(page);
};

const ACCOUNT = ["security", "sessions", "notifications"];

test("the header folds into a menu that takes the focus, closes with Escape and navigates", async ({
  page,
}) => {
  await signInTo(page, "admin@tessera.test", "console");
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  // The desktop navigation and the session are hidden; the menu button and the bell stay.
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();
  await expect(page.getByRole("button", { name: /^Notifications, \d+ unread$/ })).toBeVisible();
  const menuButton = page.getByRole("button", { name: "Menu" });
  await menuButton.click();
  const menu = page.getByRole("dialog", { name: "Menu" });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(menu.getByRole("link", { name: "Overview", exact: true })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(menu.getByText("admin@tessera.test", { exact: false })).toBeVisible();
  await expect(menu.locator(":focus")).toHaveCount(1);
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(menuButton).toBeFocused();

  await menuButton.click();
  await menu.getByRole("link", { name: "Licenses", exact: true }).click();
  await expect(menu).toBeHidden();
  await expect(page).toHaveURL(/\/console\/licenses$/);
  await expect(page.getByRole("heading", { name: "License management", level: 1 })).toBeVisible();

  // Sign-out is in the menu too.
  await signOutByMenu(page);
});

test("no console page, nor the pages before signing in, scrolls sideways on a phone", async ({ page }) => {
  const signedOut = await overflowing(page, ["/sign-in", "/forgot-password"]);
  await signInTo(page, "admin@tessera.test", "console");
  await page.goto("/console/organizations");
  const northwind = page.getByRole("link", { name: "Northwind Academy" });
  const organizationId = ((await northwind.getAttribute("href")) ?? "").split("/").pop() ?? "";
  await page.goto(`/console/licenses?organizationId=${organizationId}`);
  const licensePath =
    (await page
      .getByRole("row", { name: /Northwind Academy/ })
      .getByRole("link")
      .first()
      .getAttribute("href")) ?? "";
  expect(organizationId).toMatch(/^[0-9a-f-]{36}$/);
  expect(licensePath).toMatch(/^\/console\/licenses\/[0-9a-f-]{36}$/);
  const wide = await overflowing(page, [
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
    ...ACCOUNT.map((tab) => `/console/account/${tab}`),
    "/console/no-such-page",
  ]);
  expect([...signedOut, ...wide], "pages wider than the phone").toEqual([]);
});

test("no portal page, and no ticket in either area, scrolls sideways on a phone", async ({ page }) => {
  await signInTo(page, "owner@northwind.test", "portal");
  await page.goto("/portal/tickets");
  await settle(page);
  const { path: ticketPath, ticketId } = await openPortalTicket(page, {
    subject: `Phone check ${unique()} with-a-rather-long-unbroken-word-in-its-subject-line`,
    description: "A long link: https://example.com/reports/2026/quarterly/northwind-academy/exports.",
  });
  const wide = await overflowing(page, [
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
    ...ACCOUNT.map((tab) => `/portal/account/${tab}`),
  ]);
  await signOutByMenu(page);
  await signInTo(page, "support@tessera.test", "console");
  wide.push(...(await overflowing(page, [`/console/support/${ticketId}`])));
  expect(wide, "pages wider than the phone").toEqual([]);
});
