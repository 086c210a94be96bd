import { expect, test } from "@playwright/test";
import { expectAccessible, openPortalTicket, signIn, unique } from "./helpers.ts";

test("an agent lands on their own tickets, finds one by number, sees the customer and resolves it from waiting", async ({
  browser,
}) => {
  // two browsers and three accessibility scans on a shared machine
  test.setTimeout(120_000);
  const subject = `Invoices missing ${unique()}`;

  // A customer opens a ticket; routing gives it to the only SUPPORT agent.
  const owner = await (await browser.newContext()).newPage();
  await signIn(owner, "owner@northwind.test");
  await owner.getByRole("link", { name: "Tickets", exact: true }).click();
  const { reference } = await openPortalTicket(owner, {
    subject,
    description: "The May invoices are not in the billing page.",
  });

  // The agent lands on "Assigned to me", named in the address; Support's bare link opens it too.
  const agent = await (await browser.newContext()).newPage();
  await signIn(agent, "support@tessera.test");
  await expect(agent).toHaveURL(/\/console\/support\?view=MINE$/);
  const views = agent.getByRole("navigation", { name: "Views" });
  await expect(views.getByRole("link", { name: "Assigned to me" })).toHaveAttribute("aria-current", "page");
  await agent.getByRole("link", { name: "Organisations", exact: true }).click();
  await agent.getByRole("link", { name: "Support", exact: true }).click();
  await expect(agent).toHaveURL(/\/console\/support$/);
  await expect(views.getByRole("link", { name: "Assigned to me" })).toHaveAttribute("aria-current", "page");
  await expect(agent.getByRole("row", { name: new RegExp(reference) })).toBeVisible();
  await expectAccessible(agent);

  // Search by the bare number finds it.
  const search = agent.getByRole("search", { name: "Search tickets" });
  await search.getByLabel("Search tickets").fill(String(Number(reference.slice(4))));
  const results = search.getByRole("list", { name: "Search results" });
  await expect(results.getByRole("link", { name: reference })).toBeVisible();
  await results.getByRole("link", { name: reference }).click();
  await expect(agent.getByRole("heading", { level: 1 })).toContainText(subject);

  // The customer panel beside the ticket.
  const customer = agent.getByRole("region", { name: "Customer", exact: true });
  await expect(customer).toContainText("Northwind Academy");
  await expect(customer).toContainText("Professional");
  await expect(customer).toContainText("Active");
  await expect(customer).toContainText("4 h");
  await expect(customer.getByRole("img", { name: /Health grade [A-D]/ })).toBeVisible();
  await expectAccessible(agent);

  // Waiting on the customer, then resolved straight from there.
  await agent.getByRole("button", { name: "Wait on customer" }).click();
  await expect(agent.getByText(`${reference} is now waiting on customer.`)).toBeVisible();
  await agent.getByRole("button", { name: "Resolve" }).click();
  await expect(agent.getByText(`${reference} is now resolved.`)).toBeVisible();
});
