import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { expectAccessible, signIn, unique } from "./helpers.ts";

test("the platform reports usage with an owner's key; owner and staff see it against the limits", async ({
  browser,
  request,
}) => {
  // An owner, the platform's REST calls and staff, each page checked by axe: over the default minute on a busy machine.
  test.setTimeout(150_000);
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
  const ownerAlerts = owner.getByRole("region", { name: "Alerts", exact: true });
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
  await expect(northwind).toContainText("Near limit");
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
  const lines = (await readFile(await csv.path(), "utf8")).split("\r\n");
  expect(lines[0]).toBe("Date (UTC),Active users,Courses,API calls,Storage (bytes)");
  // One row per day: today's holds the 420 active users and the 350 calls, unformatted.
  expect(lines).toContainEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2},420,[^,]*,350,[^,]*$/));

  const staffAlerts = staff.getByRole("region", { name: "Alerts", exact: true });
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
  const dialog = owner.getByRole("alertdialog", { name: `Revoke ${keyName}?` });
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
  // The portal home being left has an Active users bar of its own.
  await expect(page.getByRole("heading", { name: "Usage", level: 1 })).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Active users" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Acknowledge/ })).toHaveCount(0);
  await page.goto("/portal/api-keys");
  await expect(page.getByText("Not available for your role")).toBeVisible();
});

test("the owner picks last month, a month or custom days; the summary follows and the CSV holds the range", async ({
  browser,
  request,
}) => {
  test.slow();
  const id = unique();
  const DAY_MS = 86_400_000;
  const now = new Date();
  const firstOfMonth = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const lastDay = new Date(firstOfMonth - DAY_MS).toISOString().slice(0, 10);
  const tomorrow = new Date(now.getTime() + DAY_MS).toISOString().slice(0, 10);
  const lastMonthName = new Date(firstOfMonth - DAY_MS).toLocaleDateString("en-GB", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });

  // The platform reports 4,000 calls on last month's last-but-one day and 7,000 on its last.
  const owner = await (await browser.newContext()).newPage();
  await signIn(owner, "owner@northwind.test");
  await owner.getByRole("link", { name: "Settings", exact: true }).click();
  await owner.getByRole("link", { name: "API keys", exact: true }).click();
  await owner.getByRole("button", { name: "Create key" }).click();
  await owner.getByRole("textbox", { name: "Name" }).fill(`Ranges ${id}`);
  await owner.getByRole("checkbox", { name: /usage:write/ }).check();
  await owner.getByRole("button", { name: "Create key" }).click();
  const key = (await owner.getByTestId("revealed-key").textContent()) ?? "";
  const batch = await request.post("/api/v1/usage/events/batch", {
    headers: { Authorization: `Bearer ${key}` },
    data: {
      events: [
        [4000, 1.5],
        [7000, 0.5],
      ].map(([value, daysBack]) => ({
        metric: "API_CALLS",
        value,
        occurredAt: new Date(firstOfMonth - (daysBack ?? 0) * DAY_MS).toISOString(),
        idempotencyKey: `e2e-range-${id}-${value}`,
      })),
    },
  });
  expect(batch.status()).toBe(200);

  await owner.getByRole("link", { name: "Usage", exact: true }).click();
  const report = owner.getByRole("region", { name: "Usage report" });
  const period = report.getByRole("combobox", { name: "Period" });
  await expect(period).toHaveValue("last-30");
  await expect(report).toContainText("Dates are UTC days.");

  // Last month: both days; the choice is in the URL, so a reload keeps it.
  await period.selectOption({ label: "Last month" });
  await expect(owner).toHaveURL(/period=last-month/);
  await expect(report.getByTestId("total-API_CALLS")).toHaveText("11,000");
  await owner.reload();
  await expect(period).toHaveValue("last-month");
  await expect(report.getByTestId("total-API_CALLS")).toHaveText("11,000");

  // The same month picked by name.
  await period.selectOption({ label: lastMonthName });
  await expect(report.getByTestId("usage-period")).toContainText(lastMonthName);
  await expect(report.getByTestId("total-API_CALLS")).toHaveText("11,000");

  // Custom days: a day past today is refused beside the field; the last day alone holds 7,000.
  await period.selectOption({ label: "Custom range" });
  await report.getByLabel("To", { exact: true }).fill(tomorrow);
  await expect(report.getByText(/must not be after today/)).toBeVisible();
  await report.getByLabel("From", { exact: true }).fill(lastDay);
  await report.getByLabel("To", { exact: true }).fill(lastDay);
  await expect(report.getByTestId("total-API_CALLS")).toHaveText("7,000");
  await expect(owner).toHaveURL(new RegExp(`period=custom.*from=${lastDay}.*to=${lastDay}`));
  await expectAccessible(owner);

  const download = owner.waitForEvent("download");
  await report.getByRole("button", { name: "Download CSV" }).click();
  const csv = await download;
  expect(csv.suggestedFilename()).toBe(`usage-northwind-${lastDay}-${lastDay}.csv`);
  const lines = (await readFile(await csv.path(), "utf8")).split("\r\n");
  expect(lines[0]).toBe("Date (UTC),Active users,Courses,API calls,Storage (bytes)");
  expect(lines[1]).toMatch(new RegExp(`^${lastDay},[^,]*,[^,]*,7000,[^,]*$`));
  expect(lines.slice(2)).toEqual([""]);
});
