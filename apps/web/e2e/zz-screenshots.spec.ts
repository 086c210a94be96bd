import { mkdirSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { settle, signIn } from "./helpers.ts";

// The main pages as a reviewer sees them, kept with the CI run (not compared pixel by pixel):
// .test-results/screenshots/<page>-<light|dark|phone>.png at the repo root. Named to run last,
// so the pages show what the specs before it left in the shared database.
const FOLDER = resolve(import.meta.dirname, "../../../.test-results/screenshots");

// A test per area and mode, each page loaded and shot whole: well over the default minute.
test.describe.configure({ timeout: 240_000 });

const MODES = [
  { mode: "light", colorScheme: "light", size: { width: 1280, height: 800 } },
  { mode: "dark", colorScheme: "dark", size: { width: 1280, height: 800 } },
  { mode: "phone", colorScheme: "light", size: { width: 390, height: 844 } },
] as const;
type Mode = (typeof MODES)[number];

/** Each page, loaded afresh and settled, saved as `<name>-<mode>.png`. */
const shoot = async (
  page: Page,
  { mode, colorScheme, size }: Mode,
  pages: [name: string, path: string][],
) => {
  mkdirSync(FOLDER, { recursive: true });
  await page.emulateMedia({ colorScheme });
  await page.setViewportSize(size);
  for (const [name, path] of pages) {
    await test.step(name, async () => {
      await page.goto(path);
      // A record page's heading waits for its record: give a busy machine longer than settle does.
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible({ timeout: 30_000 });
      await settle(page);
      const file = resolve(FOLDER, `${name}-${mode}.png`);
      await page.screenshot({ path: file, fullPage: true });
      expect(statSync(file).size).toBeGreaterThan(0);
    });
  }
};

/** Where a list's link to one record points (the same look-ups as every-page.spec). */
const hrefOf = async (page: Page, listPath: string, link: Locator) => {
  await page.goto(listPath);
  await settle(page);
  const href = (await link.getAttribute("href")) ?? "";
  expect(href).toMatch(/\/[0-9a-f-]{36}$/);
  return href;
};

for (const mode of MODES) {
  test(`screenshots of the main console pages (${mode.mode})`, async ({ page }) => {
    await signIn(page, "admin@tessera.test");
    await expect(page).toHaveURL(/\/console(\/|$)/);
    const organization = await hrefOf(
      page,
      "/console/organizations",
      page.getByRole("link", { name: "Northwind Academy" }),
    );
    const license = await hrefOf(
      page,
      "/console/licenses",
      page
        .getByRole("row", { name: /Northwind Academy/ })
        .getByRole("link")
        .first(),
    );
    await shoot(page, mode, [
      ["console-overview", "/console"],
      ["console-organizations", "/console/organizations"],
      ["console-organization", organization],
      ["console-licenses", "/console/licenses"],
      ["console-license", license],
      ["console-usage", "/console/usage"],
      ["console-support", "/console/support"],
      ["console-audit", "/console/audit"],
      ["console-service-keys", "/console/service-keys"],
    ]);
  });

  test(`screenshots of the main portal pages (${mode.mode})`, async ({ page }) => {
    await signIn(page, "owner@northwind.test");
    await expect(page).toHaveURL(/\/portal(\/|$)/);
    await shoot(page, mode, [
      ["portal-organization", "/portal"],
      ["portal-license", "/portal/license"],
      ["portal-usage", "/portal/usage"],
      ["portal-tickets", "/portal/tickets"],
      ["portal-team", "/portal/team"],
    ]);
  });
}
