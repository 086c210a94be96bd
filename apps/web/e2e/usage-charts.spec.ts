// Named to run after dashboard.spec (files run in name order): its organisation and STARTER
// license would change the seeded counts that spec checks.
import { expect, type Locator, type Page, test } from "@playwright/test";
import { expectAccessible, signIn, unique } from "./helpers.ts";
import { licensedOrganization } from "./licensed-organization.ts";

const DAY_MS = 86_400_000;
const MIB = 1024 ** 2;
/** A number with at least one thousands separator, as the axes print them: `10,000`. */
const GROUPED = /^\d{1,3}(,\d{3})+$/;

const ticksOf = (chart: Locator, axis: "xAxis" | "yAxis") =>
  chart.locator(`.recharts-${axis}-tick-labels .recharts-cartesian-axis-tick-value`);

/** Every axis label of the chart lies inside its drawing: none is cut off at an edge. */
const expectNoClippedTicks = async (chart: Locator) => {
  const outside = await chart.evaluate((figure) => {
    const svg = figure.querySelector("svg.recharts-surface");
    if (!svg) return ["no chart"];
    const box = svg.getBoundingClientRect();
    return [...figure.querySelectorAll(".recharts-cartesian-axis-tick-value")]
      .filter((tick) => {
        const rect = tick.getBoundingClientRect();
        // A pixel's slack: text is measured to fractions of a pixel, the drawing to whole ones.
        return (
          rect.left < box.left - 1 ||
          rect.right > box.right + 1 ||
          rect.top < box.top - 1 ||
          rect.bottom > box.bottom + 1
        );
      })
      .map((tick) => tick.textContent ?? "");
  });
  expect(outside).toEqual([]);
};

const openUsage = async (page: Page, organizationId: string) => {
  await page.goto(`/console/usage/${organizationId}`);
  await expect(page.getByRole("heading", { name: /· usage$/, level: 1 })).toBeVisible();
  await expect(page.getByText(/^Loading/)).toHaveCount(0);
};

test("usage charts: titles with units, grouped ticks, words for legends, month labels, and an empty state", async ({
  browser,
  playwright,
  baseURL,
}) => {
  test.slow();
  const staffApi = await playwright.request.newContext({ baseURL: baseURL ?? "" });
  const ownerApi = await playwright.request.newContext({ baseURL: baseURL ?? "" });
  const fixture = await licensedOrganization(staffApi, ownerApi, "Chart Test");

  // Nothing reported yet: one message instead of four sets of empty axes.
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, "admin@tessera.test");
  await expect(staff).toHaveURL(/\/console$/);
  await openUsage(staff, fixture.organization.id);
  const daily = staff.getByRole("region", { name: "Daily usage" });
  await expect(daily.getByText("No usage reported yet")).toBeVisible();
  await expect(daily.locator(".recharts-wrapper")).toHaveCount(0);
  await expectAccessible(staff);

  // The platform reports thousands of calls over three days, active users and some storage.
  const id = unique();
  const now = Date.now();
  const events = [
    ...[1200, 2400, 3600].map((value, i) => ({
      metric: "API_CALLS",
      value,
      occurredAt: new Date(now - (2 - i) * DAY_MS).toISOString(),
      idempotencyKey: `charts-${id}-calls-${i}`,
    })),
    { metric: "ACTIVE_USERS", value: 42, idempotencyKey: `charts-${id}-users` },
    { metric: "STORAGE_BYTES", value: 300 * MIB, idempotencyKey: `charts-${id}-storage` },
  ];
  const batch = await staffApi.post("/api/v1/usage/events/batch", {
    headers: { Authorization: `Bearer ${fixture.usageKey}` },
    data: { events },
  });
  expect(batch.status()).toBe(200);

  await openUsage(staff, fixture.organization.id);
  const calls = daily.getByRole("figure", { name: /^API calls \(calls\)/ });
  await expect(calls.locator(".recharts-wrapper")).toBeVisible();
  for (const title of ["Active users (people)", "Courses (courses)", "API calls (calls)", "Storage (GiB)"]) {
    await expect(daily.getByRole("heading", { name: title, level: 3 })).toBeVisible();
  }
  // Daily bars and the month so far on two axes, each tick a full number with its separator.
  await expect(calls.locator(".recharts-yAxis")).toHaveCount(2);
  await expect(ticksOf(calls, "yAxis").filter({ hasText: GROUPED }).first()).toBeVisible();
  await expect(calls.getByRole("listitem")).toHaveText([
    "Calls each day (bars, left axis)",
    "Calls this month so far (line, right axis)",
    /^Monthly limit \(right axis/,
  ]);
  await expect(calls).toContainText("Monthly limit 10,000 calls");
  await expect(calls.getByRole("application", { name: /^API calls \(calls\) per day/ })).toBeVisible();
  await expectNoClippedTicks(calls);
  // The text alternative: the latest figures in words.
  await expect(calls.locator("figcaption")).toContainText("Latest day with calls: 3,600 calls on");
  await expect(daily.getByRole("figure", { name: /^Active users/ })).toContainText("Latest level: 42 people");
  await expect(daily.getByRole("figure", { name: /^Courses/ })).toContainText("Nothing was reported");
  await expectAccessible(staff);

  // The overview's trends label months with the year, never "11/26" or "Nov 26".
  await staff.goto("/console");
  const thisMonth = new Date().toLocaleDateString(undefined, {
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
  const licenses = staff.getByRole("region", { name: "Licenses over the last 12 months" });
  const licenseTicks = ticksOf(licenses, "xAxis");
  await expect(licenseTicks.filter({ hasText: thisMonth })).toBeVisible();
  for (const tick of await licenseTicks.allTextContents()) expect(tick).toMatch(/^[A-Z][a-z]{2} \d{4}$/);
  await expect(licenses.getByRole("listitem")).toContainText(["Starter, in force", "Created that month"]);
  await expectNoClippedTicks(licenses.locator("figure"));
  const usage = staff.getByRole("region", { name: "Usage over the last 12 months" });
  const trendCalls = usage.getByRole("figure", { name: /^API calls \(calls\)/ });
  await expect(ticksOf(trendCalls, "xAxis").filter({ hasText: thisMonth })).toBeVisible();
  await expect(ticksOf(trendCalls, "yAxis").filter({ hasText: GROUPED }).first()).toBeVisible();
  await expectNoClippedTicks(trendCalls);
  await expectAccessible(staff);

  // Dark mode: the axis labels and the tooltip follow the theme, and the page stays accessible.
  const dark = await (await browser.newContext({ colorScheme: "dark" })).newPage();
  await signIn(dark, "admin@tessera.test");
  await expect(dark).toHaveURL(/\/console$/);
  await openUsage(dark, fixture.organization.id);
  const darkCalls = dark.getByRole("figure", { name: /^API calls \(calls\)/ });
  await expect(darkCalls.locator(".recharts-wrapper")).toBeVisible();
  await expect(ticksOf(darkCalls, "yAxis").first()).toHaveCSS("fill", "rgb(203, 213, 225)");
  await darkCalls.locator(".recharts-surface").hover({ position: { x: 200, y: 120 } });
  await expect(darkCalls.locator(".recharts-default-tooltip")).toHaveCSS(
    "background-color",
    "rgb(15, 23, 42)",
  );
  await expectAccessible(dark);
  await staffApi.dispose();
  await ownerApi.dispose();
});
