import { expect, type Page, test } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers.ts";

const validate = async (page: Page, key: string | null) =>
  (await (await page.request.post("/api/enterprise/licenses/validate", { data: { key } })).json()).code;

test("staff roll a license key in the console: confirm, choose the overlap, see the new key and when the old one stops", async ({
  page,
}) => {
  await signIn(page, "admin@tessera.test");
  await page.getByRole("link", { name: "Licenses", exact: true }).click();
  await expect(page.getByRole("heading", { name: "License management", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "Northwind Academy" }).first().click();
  await expect(page.getByRole("heading", { name: /^Northwind Academy · /, level: 1 })).toBeVisible();
  const keyRow = page.getByText(/^…[0-9A-Z]{4}/);
  const hint = await keyRow.textContent();

  // Keeping the current key leaves it as it was; the dialog says when the old key would stop.
  await page.getByRole("button", { name: "Rotate key" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Rotate the license key?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("In 24 hours")).toBeChecked();
  await expect(dialog.getByTestId("old-key-consequence")).toContainText("The old key stops working at ");
  await dialog.getByLabel("Immediately").check();
  await expect(dialog.getByTestId("old-key-consequence")).toHaveText(
    "The old key stops working as soon as you confirm.",
  );
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Keep current key" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("revealed-key")).toHaveCount(0);
  await expect(keyRow).toHaveText(hint ?? "");

  // Immediately: a key we know, the one before it stops at once.
  await page.getByRole("button", { name: "Rotate key" }).click();
  await dialog.getByLabel("Immediately").check();
  await dialog.getByRole("button", { name: "Rotate key" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("old-key-expiry")).toHaveText("The old key stopped working now.");
  const first = await page.getByTestId("revealed-key").textContent();

  // In 1 hour: the new key is shown once, with when the old one stops; both validate meanwhile.
  await page.getByRole("button", { name: "Rotate key" }).click();
  await dialog.getByLabel("In 1 hour").check();
  await dialog.getByRole("button", { name: "Rotate key" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("revealed-key")).not.toHaveText(first ?? "");
  const second = await page.getByTestId("revealed-key").textContent();
  await expect(page.getByTestId("old-key-expiry")).toContainText("The old key stops working at ");
  await expect(page.getByText(/^The old key stops working at /).first()).toBeVisible();
  expect(await validate(page, first)).toBe("VALID");
  expect(await validate(page, second)).toBe("VALID");
});
