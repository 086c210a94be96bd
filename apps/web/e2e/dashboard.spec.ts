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
  const tickets = page.getByRole("region", { name: "Open tickets" });
  await expect(tickets.getByRole("row", { name: /^Critical/ }).getByRole("cell")).toHaveText("0");
  const alerts = page.getByRole("region", { name: "Unacknowledged alerts" });
  await expect(alerts).toContainText("No alert is waiting.");

  await expectAccessible(page);

  await portfolio.getByRole("link", { name: "Open the license list" }).click();
  await expect(page).toHaveURL(/\/console\/licenses$/);
  await expect(page.getByRole("heading", { name: "License management", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Overview" })).toBeVisible();
});
