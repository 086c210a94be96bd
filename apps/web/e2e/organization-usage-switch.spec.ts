// The organisation picker on a usage page is the design system's Radix Select (a combobox
// button and a listbox, not a native select): reachable and usable by keyboard, and accessible open.
import { expect, test } from "@playwright/test";
import { expectAccessible, settle, signIn } from "./helpers.ts";

test("staff switch the usage page to another organisation with the keyboard", async ({ page }) => {
  test.slow(); // two axe runs
  await signIn(page, "admin@tessera.test");
  await settle(page);
  await page.getByRole("link", { name: "Organisations", exact: true }).click();
  const northwind = page.getByRole("link", { name: "Northwind Academy" });
  const organizationId = ((await northwind.getAttribute("href")) ?? "").split("/").pop() ?? "";
  await page.goto(`/console/usage/${organizationId}`);
  await expect(page.getByRole("heading", { name: "Northwind Academy · usage", level: 1 })).toBeVisible();

  const picker = page.getByRole("combobox", { name: "Organisation", exact: true });
  await expectAccessible(page);
  await expect(picker).toHaveText("Northwind Academy");
  await picker.focus();
  await page.keyboard.press("Enter");
  const list = page.getByRole("listbox");
  await expect(list.getByRole("option", { name: "Northwind Academy" })).toHaveAttribute(
    "aria-selected",
    "true",
  );
  // Typing jumps to the matching option; Enter picks it and the page follows.
  await page.keyboard.type("Globex");
  await page.keyboard.press("Enter");
  await expect(list).toBeHidden();
  await expect(page.getByRole("heading", { name: "Globex Learning · usage", level: 1 })).toBeVisible();
  await expect(page).not.toHaveURL(new RegExp(organizationId));
  await expect(picker).toBeFocused();
  // Checked closed: while the list is open Radix hides the page from assistive technology
  // (aria-hidden) and traps focus in the list, which axe's aria-hidden-focus cannot see.
  await expectAccessible(page);
});
