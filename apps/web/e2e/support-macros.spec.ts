import { expect, test } from "@playwright/test";
import { expectAccessible, openPortalTicket, settle, signIn, unique } from "./helpers.ts";

test("an admin writes a macro, an agent applies it in one click, the customer rates the resolved ticket", async ({
  browser,
}) => {
  // three people in three browsers, each page checked with axe: more than the default minute on a busy machine
  test.setTimeout(180_000);
  const id = unique();
  const title = `Fixed ${id}`;
  const comment = `Quick and clear ${id}`;

  // A support lead (staff admin) writes the macro; an unknown placeholder is named first.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin@tessera.test");
  await admin.getByRole("link", { name: "Support", exact: true }).click();
  await admin.getByRole("link", { name: "Macros", exact: true }).click();
  await settle(admin);
  const form = admin.getByRole("form", { name: "Create macro" });
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Reply").fill("Hello {{customer.email}}");
  await form.getByRole("button", { name: "Create macro" }).click();
  await expect(form.getByText(/\{\{customer\.email\}\}, which is not a placeholder/)).toBeVisible();
  await form
    .getByLabel("Reply")
    .fill("Hello {{customer.name}}, {{ticket.number}} is fixed: sign-in works again.\n— {{agent.name}}");
  await form.getByLabel("Then set status").selectOption("RESOLVED");
  await form.getByRole("button", { name: "Create macro" }).click();
  await expect(admin.getByText(`Macro “${title}” saved.`)).toBeVisible();
  await expect(admin.getByRole("listitem").filter({ hasText: title })).toContainText("status → Resolved");
  await expectAccessible(admin);

  // The customer opens a ticket in the portal.
  const owner = await (await browser.newContext()).newPage();
  await signIn(owner, "owner@northwind.test");
  await owner.getByRole("link", { name: "Tickets", exact: true }).click();
  const {
    reference,
    ticketId,
    path: portalPath,
  } = await openPortalTicket(owner, {
    subject: `Cannot sign in ${id}`,
    description: "The sign-in page spins forever.",
  });

  // The agent applies it in one click: the reply is filled in and the ticket is resolved.
  const agent = await (await browser.newContext()).newPage();
  await signIn(agent, "support@tessera.test");
  await expect(agent).toHaveURL(/\/console/);
  await agent.goto(`/console/support/${ticketId}`);
  await settle(agent);
  await agent.getByRole("button", { name: "Apply macro" }).click();
  await agent
    .getByRole("list", { name: "Macros" })
    .getByRole("button", { name: new RegExp(title) })
    .click();
  await expect(agent.getByText(`${title} applied.`)).toBeVisible();
  const reply = `Hello Nora North, ${reference} is fixed: sign-in works again.`;
  await expect(agent.getByRole("listitem").filter({ hasText: reply })).toContainText("— Sam Support");
  await expect(agent.getByRole("heading", { level: 1 }).locator("..")).toContainText("Resolved");
  await expect(agent.getByRole("region", { name: "Customer rating" })).toContainText("Not rated");
  await expectAccessible(agent);

  // The customer sees the reply and rates the resolved ticket good, with a comment.
  await owner.goto(portalPath);
  await settle(owner);
  await expect(owner.getByText(reply)).toBeVisible();
  const rating = owner.getByRole("form", { name: "Rate this ticket" });
  await rating.getByRole("radio", { name: "Good" }).check();
  await rating.getByLabel("Comment (optional)").fill(comment);
  await rating.getByRole("button", { name: "Send rating" }).click();
  await expect(owner.getByText("Thank you: your rating was saved.")).toBeVisible();
  await expectAccessible(owner);

  // Staff see the rating on the ticket and in the support figures.
  await agent.reload();
  await settle(agent);
  const card = agent.getByRole("region", { name: "Customer rating" });
  await expect(card).toContainText("Good");
  await expect(card).toContainText(comment);
  await expect(card).toContainText("by Nora North");
  await agent.getByRole("link", { name: "← Support queue" }).click();
  await expect(agent.getByRole("region", { name: "Last 30 days" })).toContainText("Customer satisfaction");
});
