import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers.ts";

test("a staff admin lands on the Overview with the seeded numbers and clicks through to the licenses", async ({
  page,
}) => {
  await signIn(page, "admin@tessera.test");
  await expect(page).toHaveURL(/\/console$/);
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();

  // The demo seed: one ACTIVE PROFESSIONAL license (Northwind), nothing else.
  const portfolio = page.getByRole("region", { name: "License portfolio" });
  const table = portfolio.getByRole("table", { name: "License counts by tier and status" });
  const professional = table.getByRole("row", { name: /^Professional/ });
  await expect(professional.getByRole("cell")).toHaveText(["0", "1", "0", "0", "0"]);
  await expect(table.getByRole("row", { name: /^Starter/ }).getByRole("cell")).toHaveText([
    "0",
    "0",
    "0",
    "0",
    "0",
  ]);

  const expiring = page.getByRole("region", { name: "Expiring within 30 days" });
  await expect(expiring).toContainText("No license expires in the next 30 days.");
  const atRisk = page.getByRole("region", { name: "Organisations near their limits" });
  await expect(atRisk).toContainText("Every organisation is within its limits this month.");
  const tickets = page.getByRole("region", { name: "Open tickets", exact: true });
  await expect(tickets.getByRole("row", { name: /^Critical/ }).getByRole("cell")).toHaveText("0");
  const alerts = page.getByRole("region", { name: "Unacknowledged alerts" });
  await expect(alerts).toContainText("No alert is waiting.");

  await expectAccessible(page);

  // The trends: this month has Northwind's license in force.
  const licenseTrend = page.getByRole("region", { name: "Licenses over the last 12 months" });
  await licenseTrend.getByText("Show the figures").click();
  const figures = licenseTrend.getByRole("table");
  await expect(figures.getByRole("row")).toHaveCount(13);
  const thisMonth = new Date().toLocaleDateString(undefined, {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  await expect(figures.getByRole("row", { name: thisMonth }).getByRole("cell")).toHaveText([
    "0",
    "1",
    "0",
    "0",
    "1",
  ]);
  await expect(licenseTrend.getByRole("application", { name: /Licenses in force at each/ })).toBeVisible();
  const usageTrend = page.getByRole("region", { name: "Usage over the last 12 months" });
  await expect(usageTrend.locator("figure")).toHaveCount(4);

  await portfolio.getByRole("link", { name: "Open the license list" }).click();
  await expect(page).toHaveURL(/\/console\/licenses$/);
  await expect(page.getByRole("heading", { name: "License management", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Overview", exact: true })).toBeVisible();
});

test("each dashboard figure opens the list it counts, filtered", async ({ page }) => {
  await signIn(page, "admin@tessera.test");
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();

  await page.getByRole("link", { name: "Professional, Active: 1" }).click();
  await expect(page).toHaveURL(/\/console\/licenses\?tier=PROFESSIONAL&status=ACTIVE$/);
  await expect(page.getByLabel("Filter by tier")).toHaveValue("PROFESSIONAL");
  await expect(page.getByLabel("Filter by status")).toHaveValue("ACTIVE");
  await expect(page.getByRole("row", { name: /Northwind Academy/ })).toBeVisible();
  // Changing a filter rewrites the address, so the list can be shared as it is.
  await page.getByLabel("Filter by tier").selectOption("STARTER");
  await expect(page).toHaveURL(/tier=STARTER&status=ACTIVE$/);
  await expect(page.getByRole("row", { name: /Northwind Academy/ })).toHaveCount(0);
  await page.goBack();

  await page.getByRole("link", { name: "Overview", exact: true }).click();
  await page.getByRole("link", { name: "Licenses expiring: 0, show the list" }).click();
  await expect(page).toHaveURL(/status=ACTIVE&expiring=30$/);
  await expect(page.getByLabel("Expiring within")).toHaveValue("30");

  await page.getByRole("link", { name: "Overview", exact: true }).click();
  await page.getByRole("link", { name: "Exceeded: 0, show the list" }).click();
  await expect(page).toHaveURL(/\/console\/usage\?status=EXCEEDED$/);
  await expect(page.getByLabel("Limit status")).toHaveValue("EXCEEDED");
  await expect(page.getByText("No organisation matches this filter.")).toBeVisible();

  await page.getByRole("link", { name: "Overview", exact: true }).click();
  await page.getByRole("link", { name: "Critical: 0 open, show them" }).click();
  await expect(page).toHaveURL(/\/console\/support\?priority=CRITICAL$/);
  await expect(page.getByLabel("Priority")).toHaveValue("CRITICAL");
  await expect(page.getByLabel("Status")).toHaveValue("OPEN_ONLY");

  await page.getByRole("link", { name: "Overview", exact: true }).click();
  await page.getByRole("link", { name: "SLA breaches this week: 0, show the list" }).click();
  // Wait for the queue before reading its filter: until then the Overview's own
  // "SLA breaches…" link is what a loose label match finds.
  await expect(page).toHaveURL(/\/console\/support\?status=&sla=BREACHED_EVER&createdFrom=/);
  await expect(page.getByLabel("SLA", { exact: true })).toHaveValue("BREACHED_EVER");
  await expect(page.getByLabel("Status")).toHaveValue("");
  await expect(page.getByRole("list", { name: "Active filters" })).toContainText("Opened since");

  await page.getByRole("link", { name: "Overview", exact: true }).click();
  await page.getByRole("link", { name: "Waiting for acknowledgement: 0, show the list" }).click();
  await expect(page).toHaveURL(/\/console\/usage#alerts$/);
  await expect(page.locator("#alerts")).toBeFocused();
});
