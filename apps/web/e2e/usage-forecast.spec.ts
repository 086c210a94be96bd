import { expect, test } from "@playwright/test";
import { expectAccessible, signIn, unique } from "./helpers.ts";

const DAY_MS = 86_400_000;
const GIB = 1024 ** 3;

test("a rising metric gets a forecast on the portal's and the console's usage pages", async ({
  browser,
  request,
}) => {
  // Two signed-in browsers and two axe passes over chart-heavy pages.
  test.slow();
  const id = unique();
  const keyName = `Forecast ${id}`;

  // Northwind's owner creates a key with usage:write (the demo has API access on).
  const owner = await (await browser.newContext()).newPage();
  await signIn(owner, "owner@northwind.test");
  await owner.getByRole("link", { name: "Settings", exact: true }).click();
  await owner.getByRole("link", { name: "API keys", exact: true }).click();
  await owner.getByRole("button", { name: "Create key" }).click();
  await owner.getByRole("textbox", { name: "Name" }).fill(keyName);
  await owner.getByRole("checkbox", { name: /usage:write/ }).check();
  await owner.getByRole("button", { name: "Create key" }).click();
  const key = (await owner.getByTestId("revealed-key").textContent()) ?? "";
  expect(key).toMatch(/^tsk_/);

  // The platform reports storage for the last 14 days, 3 GiB more each day: 59 of 100 GiB today.
  const now = Date.now();
  const batch = await request.post("/api/v1/usage/events/batch", {
    headers: { Authorization: `Bearer ${key}` },
    data: {
      events: Array.from({ length: 14 }, (_, i) => ({
        metric: "STORAGE_BYTES",
        value: (20 + 3 * i) * GIB,
        occurredAt: new Date(now - (13 - i) * DAY_MS).toISOString(),
        idempotencyKey: `e2e-forecast-${id}-${i}`,
      })),
    },
  });
  expect(batch.status()).toBe(200);
  expect(await batch.json()).toMatchObject({ accepted: 14, alerts: [] });

  // The portal: storage will reach 100 % in about two weeks; courses have no data to go on.
  await owner.getByRole("link", { name: "Usage", exact: true }).click();
  const forecast = owner.getByRole("region", { name: "Forecast" });
  await expect(forecast.locator('[data-forecast="STORAGE_BYTES"]')).toContainText(
    /Forecast: will reach 100 % on .+ \(range .+ – .+\)/,
  );
  await expect(forecast.locator('[data-forecast="COURSES"]')).toContainText("Not enough data yet");
  await expectAccessible(owner);

  // Staff see the same forecast on Northwind's usage page.
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, "admin@tessera.test");
  await staff.getByRole("link", { name: "Usage", exact: true }).click();
  const northwind = staff
    .getByRole("region", { name: "Organisations" })
    .getByRole("row", { name: /Northwind Academy/ });
  await northwind.getByRole("link", { name: "Northwind Academy" }).click();
  await expect(staff.getByRole("heading", { name: "Northwind Academy · usage", level: 1 })).toBeVisible();
  const staffForecast = staff.getByRole("region", { name: "Forecast" });
  await expect(staffForecast.locator('[data-forecast="STORAGE_BYTES"]')).toContainText(
    /Forecast: will reach 100 % on .+ \(range/,
  );
  await expectAccessible(staff);

  // The key is revoked again, so later specs see Northwind's keys as the demo left them.
  await owner.getByRole("link", { name: "API keys", exact: true }).click();
  await owner
    .getByRole("row", { name: new RegExp(keyName) })
    .getByRole("button", { name: `Revoke ${keyName}` })
    .click();
  await owner
    .getByRole("alertdialog", { name: `Revoke ${keyName}?` })
    .getByRole("button", { name: "Revoke key" })
    .click();
  await expect(owner.getByRole("row", { name: new RegExp(keyName) })).toContainText("Revoked");
});
