import { expect, type Page, test } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers.ts";

/**
 * Ctrl+K until the palette shows: a press that lands before the console has set up its
 * listener (input outruns a busy page) is lost, and pressing again while it opens is harmless.
 */
const openPalette = async (page: Page) => {
  const palette = page.getByRole("dialog", { name: "Search the console" });
  await expect(async () => {
    if (!(await palette.isVisible())) await page.keyboard.press("Control+k");
    await expect(palette).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
  return palette;
};

test("Ctrl+K opens the command palette; an organisation's name and Enter open that organisation", async ({
  page,
}) => {
  // Two axe scans of the whole console page behind the dialog: slow on a busy machine.
  test.slow();
  await signIn(page, "admin@tessera.test");
  // The palette needs no page to have finished loading, only to be in the console.
  await expect(page).toHaveURL(/\/console(\/|$)/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const palette = await openPalette(page);
  const input = palette.getByRole("combobox");
  await expect(input).toBeFocused();
  // Before anything is typed it offers the pages this role may open.
  await expect(palette.getByRole("option", { name: "Service keys" })).toBeVisible();
  await expectAccessible(page);

  await input.fill("Northwind");
  const organization = palette.getByRole("option", { name: /^Northwind Academy/ }).first();
  await expect(organization).toBeVisible();
  await expect(organization).toHaveAttribute("aria-selected", "true");
  await expectAccessible(page);
  await page.keyboard.press("Enter");
  await expect(palette).toBeHidden();
  await expect(page).toHaveURL(/\/console\/organizations\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Northwind Academy", level: 1 })).toBeVisible();

  // Open again: the last search is gone, and Escape closes it.
  await openPalette(page);
  await expect(palette.getByRole("combobox")).toHaveValue("");
  await page.keyboard.press("Escape");
  await expect(palette).toBeHidden();
});

test("the palette lists only the pages the role may open, and says when nothing matches", async ({
  page,
}) => {
  await signIn(page, "support@tessera.test");
  await expect(page).toHaveURL(/\/console(\/|$)/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const palette = await openPalette(page);
  await expect(palette.getByRole("option", { name: "Audit log" })).toBeVisible();
  await expect(palette.getByRole("option", { name: "Service keys" })).toHaveCount(0);
  await palette.getByRole("combobox").fill("zzqx no such thing");
  await expect(palette.getByText("Nothing matches “zzqx no such thing”.")).toBeVisible();
});
