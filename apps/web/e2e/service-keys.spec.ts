import { expect, test } from "@playwright/test";
import { expectAccessible, settle, signIn, unique } from "./helpers.ts";

test("a staff admin creates a read-only service key, sees it once, calls the REST API with it, then revokes it", async ({
  page,
  request,
}) => {
  // Sign-in, two pages, a form, three API calls and a revocation: more steps than most specs.
  test.slow();
  await signIn(page, "admin@tessera.test");
  await settle(page);
  await page.getByRole("link", { name: "Licenses", exact: true }).click();
  await expect(page.getByRole("heading", { name: "License management", level: 1 })).toBeVisible();
  const licensePath =
    (await page
      .getByRole("row", { name: /Northwind Academy/ })
      .getByRole("link")
      .first()
      .getAttribute("href")) ?? "";
  const licenseId = licensePath.split("/").pop() ?? "";
  expect(licenseId).toMatch(/^[0-9a-f-]{36}$/);

  await page.getByRole("link", { name: "Service keys", exact: true }).click();
  await settle(page);
  await expect(page.getByRole("heading", { name: "Service keys", level: 1 })).toBeVisible();
  const name = `BI export ${unique()}`;
  const form = page.getByRole("form", { name: "Create a service key" });
  await form.getByRole("button", { name: "Create key" }).click();
  await expect(form.getByText("choose at least one scope")).toBeVisible();
  await form.getByLabel("Name").fill(name);
  // An expiry two years out: its year appears in no other column of the row.
  const expiryYear = String(new Date().getFullYear() + 2);
  await form.getByLabel(/Expires on/).fill(`${expiryYear}-06-30`);
  await form.getByLabel("tickets:read", { exact: true }).check();
  await form.getByLabel("licenses:read", { exact: true }).check();
  await form.getByRole("button", { name: "Create key" }).click();

  const key = (await page.getByTestId("revealed-key").textContent()) ?? "";
  expect(key.length).toBeGreaterThan(20);
  // Copying says so in a toast (the page stays as it was); the clipboard holds the key.
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copy" }).click();
  await expect(page.getByText("Copied", { exact: true })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row.getByText("tickets:read")).toBeVisible();
  await expect(row.getByText("licenses:read")).toBeVisible();
  await expect(row).not.toContainText(key);
  await expect(row).toContainText(expiryYear);
  // Not used yet: with an expiry set, "Never" can only be its last use.
  await expect(row).toContainText("Never");
  await expectAccessible(page);
  await page.getByRole("button", { name: "I have stored it" }).click();
  await page.reload();
  await settle(page);
  await expect(page.getByText(key)).toHaveCount(0);

  const bearer = { authorization: `Bearer ${key}` };
  const read = await request.get(`/api/v1/licenses/${licenseId}`, { headers: bearer });
  expect(read.status()).toBe(200);
  expect(await read.json()).toMatchObject({ id: licenseId });
  const activate = await request.post(`/api/v1/licenses/${licenseId}/activate`, {
    headers: bearer,
    data: {},
  });
  expect(activate.status()).toBe(403);
  // The calls count as use: the list says when, not "Never".
  await page.reload();
  await settle(page);
  await expect(row).not.toContainText("Never");

  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText(key.slice(0, 12));
  await dialog.getByRole("button", { name: "Revoke key" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`${name} is revoked`)).toBeVisible();
  await expect(row.getByText("Revoked")).toBeVisible();
  const refused = await request.get(`/api/v1/licenses/${licenseId}`, { headers: bearer });
  expect(refused.status()).toBe(401);
});

test("only staff admins see service keys", async ({ page }) => {
  await signIn(page, "support@tessera.test");
  await settle(page);
  await expect(page.getByRole("link", { name: "Audit log", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Service keys", exact: true })).toHaveCount(0);
  await page.goto("/console/service-keys");
  await expect(page.getByText("Not available for your role")).toBeVisible();
  await expect(page.getByRole("form", { name: "Create a service key" })).toHaveCount(0);
});
