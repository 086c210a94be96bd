import { expect, test } from "@playwright/test";
import { expectAccessible, openPortalTicket, signIn, unique } from "./helpers.ts";

test("a customer's thread links web addresses safely; the list filters by status and searches, kept in the address", async ({
  page,
}) => {
  const id = unique();
  const address = `https://status.example.com/exports/${id}`;
  await signIn(page, "owner@northwind.test");
  await page.getByRole("link", { name: "Tickets", exact: true }).click();
  const { reference } = await openPortalTicket(page, {
    subject: `Export stalls ${id}`,
    description: `The export stalls (see ${address}). Not links: javascript:alert(1) and data:text/html,hi`,
  });

  // Only the http(s) address is a link, without the bracket and full stop after it, opening apart.
  const thread = page.getByRole("list", { name: "Thread" });
  const link = thread.getByRole("link", { name: address, exact: true });
  await expect(link).toHaveAttribute("href", address);
  await expect(link).toHaveAttribute("target", "_blank");
  await expect(link).toHaveAttribute("rel", "noopener noreferrer nofollow");
  await expect(thread).toContainText(`${address}). Not links: javascript:alert(1) and data:text/html,hi`);
  await expect(thread.getByRole("link")).toHaveCount(1);
  await page.getByRole("form", { name: "Reply" }).getByLabel("Message").fill("Also http://example.com/a.");
  await page.getByRole("button", { name: "Send reply" }).click();
  await expect(thread.getByRole("link", { name: "http://example.com/a", exact: true })).toBeVisible();
  await expectAccessible(page);

  // Search words narrow the list once typing pauses, and the address keeps them.
  await page.getByRole("link", { name: "← All tickets" }).click();
  const filters = page.getByRole("search", { name: "Filter tickets" });
  const search = filters.getByLabel("Search tickets");
  const status = filters.getByLabel("Status");
  const row = page.getByRole("row", { name: new RegExp(reference) });
  const rows = page.getByRole("table").locator("tbody tr");
  await search.fill(`stalls ${id}`);
  await expect(page).toHaveURL(new RegExp(`[?&]q=stalls\\+${id}$`));
  await expect(row).toBeVisible();
  await expect(rows).toHaveCount(1);

  // A status with no such ticket: the list says so, and a reload keeps both filters.
  await status.selectOption("CLOSED");
  await expect(page).toHaveURL(/[?&]status=CLOSED/);
  const noMatch = page.getByText("No tickets match these filters.");
  await expect(noMatch).toBeVisible();
  await expectAccessible(page);
  await page.reload();
  await expect(search).toHaveValue(`stalls ${id}`);
  await expect(status).toHaveValue("CLOSED");
  await expect(noMatch).toBeVisible();
  await status.selectOption("OPEN");
  await expect(row).toBeVisible();

  // Clear empties both, in the box and in the address.
  await filters.getByRole("button", { name: "Clear filters" }).click();
  // … and the box, whose pause is still running out, never writes its old words back.
  for (let sample = 0; sample < 6; sample++) {
    expect(new URL(page.url()).search).toBe("");
    await page.waitForTimeout(100);
  }
  await expect(search).toHaveValue("");
  await expect(status).toHaveValue("");
  await expect(filters.getByRole("button", { name: "Clear filters" })).toHaveCount(0);
  await expect(rows.first()).toBeVisible();

  // The status alone filters the whole list on the server.
  await status.selectOption("RESOLVED");
  await expect(row).toHaveCount(0);
  await expect(rows.filter({ hasNotText: "Resolved" })).toHaveCount(0);
  await status.selectOption("OPEN");
  await expect(row).toBeVisible();
  await expect(rows.filter({ hasNotText: "Open" })).toHaveCount(0);
});

test("the portal's ticket list sorts by a header on the server, kept in the address; a filter chip clears its filter", async ({
  page,
}) => {
  const id = unique();
  await signIn(page, "owner@northwind.test");
  await page.getByRole("link", { name: "Tickets", exact: true }).click();
  // The urgent one first, so newest first and most urgent first disagree.
  const urgent = await openPortalTicket(page, {
    subject: `Urgent ${id}`,
    description: "x",
    priority: "CRITICAL",
  });
  await page.getByRole("link", { name: "← All tickets" }).click();
  const minor = await openPortalTicket(page, { subject: `Minor ${id}`, description: "x", priority: "LOW" });
  await page.getByRole("link", { name: "← All tickets" }).click();

  const table = page.getByRole("table", { name: /^Your organisation's tickets/ });
  const rows = table.locator("tbody tr");
  const priorities = () => rows.locator("td:nth-child(3)").allTextContents();
  const rank = ["Critical", "High", "Normal", "Low"];
  const header = table.getByRole("columnheader", { name: "Priority" });
  await expect(table).toHaveAccessibleName("Your organisation's tickets, newest first");
  await expect(rows.first()).toContainText(minor.reference);
  await expect(header).toHaveAttribute("aria-sort", "none");

  // Most urgent first: the header says so, the address keeps it, the server orders every row.
  await header.getByRole("button").click();
  await expect(page).toHaveURL(/[?&]sort=priority(&|$)/);
  await expect(header).toHaveAttribute("aria-sort", "ascending");
  await expect(table).toHaveAccessibleName("Your organisation's tickets, most urgent first");
  await expect(rows.first()).toContainText("Critical");
  const ascending = (await priorities()).map((label) => rank.indexOf(label));
  expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
  await expect(rows.first()).not.toContainText(minor.reference);

  // Pressed again, least urgent first; a reload keeps it.
  await header.getByRole("button").click();
  await expect(page).toHaveURL(/[?&]dir=desc/);
  await page.reload();
  await expect(header).toHaveAttribute("aria-sort", "descending");
  await expect(rows.first()).toContainText("Low");
  await expect(rows.first()).not.toContainText(urgent.reference);

  // A status filter shows as a chip; its clear button clears the filter, the sort stays.
  const filters = page.getByRole("search", { name: "Filter tickets" });
  await filters.getByLabel("Status").selectOption("OPEN");
  await expect(page).toHaveURL(/[?&]status=OPEN/);
  const chips = page.getByRole("list", { name: "Active filters" });
  await expect(chips.getByRole("listitem")).toHaveCount(1);
  await expect(chips).toContainText("Status: Open");
  await expectAccessible(page);
  await chips.getByRole("button", { name: "Clear filter Status: Open" }).click();
  await expect(page).not.toHaveURL(/status=/);
  await expect(chips).toHaveCount(0);
  await expect(filters.getByLabel("Status")).toHaveValue("");
  await expect(page).toHaveURL(/[?&]sort=priority/);
});
