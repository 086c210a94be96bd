import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { expectAccessible, signIn, unique } from "./helpers.ts";

test("the platform reports usage with an owner's key; owner and staff see it against the limits", async ({
  browser,
  request,
}) => {
  const id = unique();
  const keyName = `Platform ${id}`;

  // The owner switches API access on (keys are refused while it is off) …
  const owner = await (await browser.newContext()).newPage();
  await signIn(owner, "owner@northwind.test");
  await owner.getByRole("link", { name: "Settings", exact: true }).click();
  await owner.getByRole("link", { name: "API access" }).click();
  const apiAccess = owner.getByRole("switch", { name: "Let our API keys call Tessera" });
  await apiAccess.check();
  await expect(apiAccess).toBeChecked();
  await expect(owner.getByRole("region", { name: "API access" })).toContainText("3,000 requests per minute");

  // … and creates a key with usage:write; it is shown once.
  await owner.getByRole("link", { name: "API keys", exact: true }).click();
  await expect(owner.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();
  await owner.getByRole("button", { name: "Create key" }).click();
  await expect(owner.getByText("choose at least one scope")).toBeVisible();
  await owner.getByRole("textbox", { name: "Name" }).fill(keyName);
  await owner.getByRole("checkbox", { name: /usage:write/ }).check();
  await owner.getByRole("button", { name: "Create key" }).click();
  const key = (await owner.getByTestId("revealed-key").textContent()) ?? "";
  expect(key).toMatch(/^tsk_[0-9a-f]{8}_/);
  const keyRow = owner.getByRole("row", { name: new RegExp(keyName) });
  await expect(keyRow).toContainText(key.slice(0, 12));
  await expect(keyRow).toContainText("usage:write");
  await expect(keyRow).toContainText("Active");
  await expectAccessible(owner);

  // The platform reports usage with it: 420 of 500 active users (84 %) and a few hundred calls.
  const track = (metric: string, value: number, event: string) =>
    request.post("/api/v1/usage/events", {
      headers: { Authorization: `Bearer ${key}` },
      data: { metric, value, idempotencyKey: `e2e-${id}-${event}` },
    });
  const users = await track("ACTIVE_USERS", 420, "users");
  expect(users.status()).toBe(200);
  expect(await users.json()).toMatchObject({
    accepted: 1,
    duplicates: 0,
    alerts: [{ metric: "ACTIVE_USERS", threshold: 80, used: 420, limit: 500 }],
  });
  const retried = await track("ACTIVE_USERS", 420, "users");
  expect(await retried.json()).toMatchObject({ accepted: 0, duplicates: 1, alerts: [] });
  for (const [value, event] of [
    [250, "calls-1"],
    [100, "calls-2"],
  ] as const) {
    const calls = await track("API_CALLS", value, event);
    expect(calls.status()).toBe(200);
  }

  // The portal shows the warning: an amber bar at 84 %, "420 / 500" and the 80 % alert.
  await owner.getByRole("link", { name: "Usage", exact: true }).click();
  const bar = owner.getByRole("progressbar", { name: "Active users" });
  await expect(bar).toHaveAttribute("aria-valuenow", "84");
  await expect(bar).toHaveAttribute("data-status", "WARNING");
  await expect(bar.locator("div")).toHaveClass(/bg-amber-500/);
  await expect(owner.locator('[data-metric="ACTIVE_USERS"]')).toContainText("420 / 500");
  await expect(owner.locator('[data-metric="API_CALLS"]')).toContainText("350 / 100,000");
  const ownerAlerts = owner.getByRole("region", { name: "Alerts" });
  await expect(ownerAlerts.getByRole("row", { name: /Active users\s+80%/ })).toBeVisible();
  // Charts for what was reported; the metrics with nothing in the range say so instead.
  await expect(owner.locator('[data-metric-chart="ACTIVE_USERS"] .recharts-wrapper')).toBeVisible();
  await expect(owner.locator('[data-metric-chart="API_CALLS"] .recharts-wrapper')).toBeVisible();
  await expect(owner.locator('[data-metric-chart="COURSES"]')).toContainText("Nothing was reported");
  await expectAccessible(owner);

  // Staff see Northwind in the overview with the warning, then its charts, totals and alert.
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, "admin@tessera.test");
  await staff.getByRole("link", { name: "Usage", exact: true }).click();
  const overview = staff.getByRole("region", { name: "Organisations" });
  const northwind = overview.getByRole("row", { name: /Northwind Academy/ });
  await expect(northwind).toContainText("420 / 500");
  await expect(northwind).toContainText("WARNING");
  await expect(staff.getByRole("region", { name: "Top consumers this month" })).toContainText("350");
  await expectAccessible(staff);

  await northwind.getByRole("link", { name: "Northwind Academy" }).click();
  await expect(staff.getByRole("heading", { name: "Northwind Academy · usage", level: 1 })).toBeVisible();
  await expect(staff.getByTestId("total-API_CALLS")).toHaveText("350");
  await expect(staff.getByTestId("total-ACTIVE_USERS")).toHaveText("420");
  await expect(staff.locator('[data-metric-chart="ACTIVE_USERS"] .recharts-wrapper')).toBeVisible();
  await expect(staff.locator('[data-metric-chart="API_CALLS"]')).toContainText("Monthly limit 100,000");

  const download = staff.waitForEvent("download");
  await staff.getByRole("button", { name: "Download CSV" }).click();
  const csv = await download;
  expect(csv.suggestedFilename()).toMatch(/^usage-northwind-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await readFile(await csv.path(), "utf8");
  expect(text.split("\n")[0]).toBe("day,metric,value");
  expect(text).toMatch(/^\d{4}-\d{2}-\d{2},ACTIVE_USERS,420$/m);
  expect(text).toMatch(/^\d{4}-\d{2}-\d{2},API_CALLS,350$/m);

  const staffAlerts = staff.getByRole("region", { name: "Alerts" });
  await expect(staffAlerts.getByRole("row", { name: /Active users\s+80%/ })).toBeVisible();
  await expectAccessible(staff);
  await staffAlerts.getByRole("button", { name: "Acknowledge the 80% active users alert" }).click();
  await expect(staffAlerts.getByText("No open alerts.")).toBeVisible();
  await expect(staffAlerts.getByRole("row", { name: /Active users\s+80%/ })).toContainText(
    "by admin@tessera.test",
  );

  // The owner sees who acknowledged it; then revokes the key, and the platform is refused.
  await owner.reload();
  await expect(ownerAlerts.getByRole("row", { name: /Active users\s+80%/ })).toContainText(
    "by admin@tessera.test",
  );
  await owner.getByRole("link", { name: "API keys", exact: true }).click();
  await keyRow.getByRole("button", { name: `Revoke ${keyName}` }).click();
  const dialog = owner.getByRole("dialog", { name: `Revoke ${keyName}?` });
  await expectAccessible(owner);
  await dialog.getByRole("button", { name: "Revoke key" }).click();
  await expect(dialog).toBeHidden();
  await expect(keyRow).toContainText("Revoked");
  const refused = await track("API_CALLS", 1, "after-revoke");
  expect(refused.status()).toBe(401);
});

test("a member sees the usage but not the API keys", async ({ page }) => {
  await signIn(page, "member@northwind.test");
  await expect(page.getByRole("heading", { name: "Northwind Academy", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "API keys", exact: true })).toHaveCount(0);
  await page.getByRole("link", { name: "Usage", exact: true }).click();
  await expect(page.getByRole("progressbar", { name: "Active users" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Acknowledge/ })).toHaveCount(0);
  await page.goto("/portal/api-keys");
  await expect(page.getByText("Not available for your role")).toBeVisible();
});
