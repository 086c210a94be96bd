import { expect, test } from "@playwright/test";
import { expectAccessible, signIn, unique } from "./helpers.ts";
import { licensedOrganization, PASSWORD } from "./licensed-organization.ts";

test("staff see a license over its limit inside the grace, with when the grace ends", async ({
  page,
  browser,
  playwright,
  baseURL,
}) => {
  test.slow();
  const staffApi = await playwright.request.newContext({ baseURL: baseURL ?? "" });
  const ownerApi = await playwright.request.newContext({ baseURL: baseURL ?? "" });
  const fixture = await licensedOrganization(staffApi, ownerApi);

  // 105 active users on a 100-user STARTER license: within its 10 % tolerance.
  const tracked = await page.request.post("/api/v1/usage/events", {
    headers: { Authorization: `Bearer ${fixture.usageKey}` },
    data: { metric: "ACTIVE_USERS", value: 105, idempotencyKey: `grace-${unique()}` },
  });
  expect(tracked.status()).toBe(200);
  const validation = await page.request.post("/api/v1/licenses/validate", {
    data: { key: fixture.licenseKey, metric: "ACTIVE_USERS", increment: 1 },
  });
  const answer = (await validation.json()) as { code: string; warning: string; graceEndsAt: string };
  expect(answer).toMatchObject({ code: "VALID", warning: "OVER_LIMIT_GRACE" });
  const sevenDays = new Date(answer.graceEndsAt).getTime() - Date.now();
  expect(sevenDays).toBeGreaterThan(6.9 * 86_400_000);
  expect(sevenDays).toBeLessThanOrEqual(7 * 86_400_000);

  await signIn(page, "admin@tessera.test");
  await expect(page).toHaveURL(/\/console$/);
  await page.goto(`/console/licenses/${fixture.licenseId}`);
  await expect(
    page.getByRole("heading", { name: new RegExp(fixture.organization.name), level: 1 }),
  ).toBeVisible();
  const policies = page.getByRole("table", { name: "Tolerance and grace per metric" });
  const users = policies.getByRole("row", { name: /Active users/ });
  await expect(users).toContainText("10 % over");
  await expect(users).toContainText("7 days");
  await expect(policies.getByRole("row", { name: /API calls/ })).toContainText("25 % over");
  // Written in the browser's zone and format, saying the zone (en-US here: "Dec 5, 2026, 2:05 PM UTC").
  const graceUntil = await page.evaluate((at) => {
    const date = new Date(at);
    const zone = new Intl.DateTimeFormat("en-US", { timeZoneName: "short" })
      .formatToParts(date)
      .find((part) => part.type === "timeZoneName")?.value;
    return `${date.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" })} ${zone}`;
  }, answer.graceEndsAt);
  await expect(page.getByTestId("over-limit-ACTIVE_USERS")).toHaveText(
    `over limit — grace until ${graceUntil}`,
  );
  await expect(page.getByTestId("over-limit-COURSES")).toHaveText("within the limit");
  await expect(page.getByText("Expiry reminders")).toBeVisible();
  await expectAccessible(page);

  // The admin moves the expiry reminders; the page shows the new points.
  const reminders = page.getByLabel("Reminder days before expiry");
  await reminders.fill("60, 60");
  await page.getByRole("button", { name: "Save reminders and grace" }).click();
  await expect(page.getByText("must not repeat a day")).toBeVisible();
  await reminders.fill("14, 60");
  await page.getByRole("button", { name: "Save reminders and grace" }).click();
  await expect(page.getByText("60, 14 days before")).toBeVisible();

  // The owner sees the same in the portal.
  const owner = await (await browser.newContext()).newPage();
  await signIn(owner, fixture.ownerEmail, PASSWORD);
  await expect(owner).toHaveURL(/\/portal$/);
  await owner.getByRole("link", { name: "License", exact: true }).click();
  await expect(owner.getByTestId("over-limit-ACTIVE_USERS")).toHaveText(
    `over limit — grace until ${graceUntil}`,
  );
  await expectAccessible(owner);
  await staffApi.dispose();
  await ownerApi.dispose();
});
