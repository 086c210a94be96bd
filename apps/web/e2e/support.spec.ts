import { expect, test } from "@playwright/test";
import { expectAccessible, openPortalTicket, signIn, unique } from "./helpers.ts";

test("a CRITICAL ticket opened in the portal is routed, counted down, answered and resolved", async ({
  browser,
}) => {
  // Three people, six accessibility scans and a reply each way: 52 s of the default minute in
  // the last CI run, so it gets the time the other multi-page journeys have.
  test.setTimeout(150_000);
  const id = unique();
  const subject = `Production is down ${id}`;
  const note = `Internal ${id}: looks like the EU cluster`;
  const answer = `We are on it ${id}; a fix is rolling out.`;

  // The owner opens a CRITICAL ticket; the schema's messages come first.
  const owner = await (await browser.newContext()).newPage();
  await signIn(owner, "owner@northwind.test");
  await owner.getByRole("link", { name: "Tickets", exact: true }).click();
  await expect(owner.getByRole("heading", { name: "Tickets", level: 1 })).toBeVisible();
  // The form sits behind "New ticket": it takes the focus, and Cancel puts it away again.
  const newTicket = owner.getByRole("button", { name: "New ticket" });
  await expect(newTicket).toHaveAttribute("aria-expanded", "false");
  await newTicket.click();
  const form = owner.getByRole("form", { name: "Open a ticket" });
  await expect(owner.getByLabel("Subject")).toBeFocused();
  await owner.getByRole("button", { name: "Cancel" }).click();
  await expect(form).toBeHidden();
  await expect(newTicket).toBeFocused();
  await newTicket.click();
  await owner.getByRole("button", { name: "Open ticket" }).click();
  await expect(owner.getByText("is required").first()).toBeVisible();
  await owner.getByLabel("Subject").fill(subject);
  await owner.getByLabel("Priority").selectOption("CRITICAL");
  await owner.getByLabel("Description").fill("Every API call answers 503 since 09:00 UTC.");
  await owner.getByRole("button", { name: "Open ticket" }).click();

  // Opening it goes to the new ticket, which shows its response targets in words.
  const opened = owner.getByRole("status").filter({ hasText: "was opened" });
  await expect(opened).toBeVisible();
  const reference = /SUP-\d{6}/.exec((await opened.textContent()) ?? "")?.[0] ?? "";
  expect(reference).toMatch(/^SUP-\d{6}$/);
  await expect(owner).toHaveURL(/\/portal\/tickets\/[0-9a-f-]{36}$/);
  await expect(owner.getByRole("heading", { level: 1 })).toContainText(subject);
  const targets = owner.getByRole("region", { name: "Our response targets" });
  const ownerFirstResponse = targets.getByTestId("sla-first-response");
  await expect(ownerFirstResponse).toContainText(/due in (59|60) min/);
  await expect(targets).toContainText("Target 1 h");
  await expect(targets.getByTestId("sla-resolution")).toContainText(/due in/);
  await expectAccessible(owner);

  await owner.getByRole("link", { name: "← All tickets" }).click();
  const ownerRow = owner.getByRole("row", { name: new RegExp(reference) });
  await expect(ownerRow).toContainText(subject);
  await expect(ownerRow).toContainText("Critical");
  await expect(ownerRow).toContainText("Open");
  await expectAccessible(owner);

  // The only SUPPORT agent has it, due in about an hour (PROFESSIONAL, CRITICAL: 1 h).
  const agent = await (await browser.newContext()).newPage();
  await signIn(agent, "support@tessera.test");
  // Support agents land on their own queue, named in the address; the overview is not theirs.
  await expect(agent).toHaveURL(/\/console\/support\?view=MINE$/);
  await expect(agent.getByRole("heading", { name: "Support", level: 1 })).toBeVisible();
  await expect(agent.getByRole("link", { name: "Overview", exact: true })).toHaveCount(0);
  await agent.goto("/console");
  await expect(agent).toHaveURL(/\/console\/support\?view=MINE$/);
  const queueRow = agent.getByRole("row", { name: new RegExp(reference) });
  await expect(queueRow).toContainText("Sam Support");
  await expect(queueRow).toContainText("Northwind");
  await expect(queueRow).toContainText(/First response: due in (59|60) min/);
  await expect(agent.getByRole("region", { name: "Last 30 days" })).toContainText("Breach rate");
  await expectAccessible(agent);

  await queueRow.getByRole("link", { name: reference }).click();
  await expect(agent.getByRole("heading", { level: 1 })).toContainText(subject);
  const firstResponse = agent.getByTestId("sla-first-response");
  await expect(firstResponse).toContainText(/due in (59|60) min/);
  await expectAccessible(agent);

  // An internal note first: it does not stop the first-response clock.
  await agent.getByRole("checkbox", { name: "Internal note" }).check();
  await agent.getByRole("textbox", { name: "Message" }).fill(note);
  await agent.getByRole("button", { name: "Add internal note" }).click();
  await expect(agent.getByText("Internal note added.")).toBeVisible();
  await expect(agent.getByRole("listitem").filter({ hasText: note })).toContainText("Internal note");
  await expect(firstResponse).toContainText(/due in/);

  // The public reply: the first-response clock is met and the work has started.
  await agent.getByRole("textbox", { name: "Message" }).fill(answer);
  await agent.getByRole("button", { name: "Send reply" }).click();
  await expect(agent.getByText("Reply sent.")).toBeVisible();
  await expect(firstResponse).toHaveText("met");
  await expect(agent.getByRole("button", { name: "Wait on customer" })).toBeVisible();

  // The owner sees the reply, never the note, and resolves then closes the ticket.
  await ownerRow.getByRole("link", { name: reference }).click();
  await expect(owner.getByRole("heading", { level: 1 })).toContainText(subject);
  await expect(owner.getByText(answer)).toBeVisible();
  await expect(owner.getByText(note)).toHaveCount(0);
  // The reply met the first-response target; the customer sees that too.
  await expect(ownerFirstResponse).toHaveText("met");
  await expectAccessible(owner);
  await owner.getByRole("button", { name: "Mark resolved" }).click();
  await expect(owner.getByText(`${reference} is now resolved.`)).toBeVisible();
  await owner.getByRole("button", { name: "Close" }).click();
  const dialog = owner.getByRole("alertdialog", { name: `Close ${reference}?` });
  await dialog.getByRole("button", { name: "Close ticket" }).click();
  await expect(dialog).toBeHidden();
  await expect(owner.getByText(`${reference} is now closed.`)).toBeVisible();
  await expect(owner.getByText("This ticket is closed.")).toBeVisible();

  // Every admin was told about the CRITICAL ticket.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin@tessera.test");
  // Admins keep the overview; the bell is in the header of every console page.
  await expect(admin.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  const bell = admin.getByRole("button", { name: /^Notifications, [1-9]\d* unread$/ });
  await bell.click();
  const panel = admin.getByRole("dialog", { name: "Notifications" });
  const notice = panel.getByRole("listitem").filter({ hasText: reference });
  await expect(notice).toContainText("unread");
  await notice.getByRole("button", { name: /Mark read/ }).click();
  await expect(notice).toContainText("· read");
  await expect(notice.getByRole("button", { name: /Mark read/ })).toHaveCount(0);
  await expectAccessible(admin);
  // Escape closes the panel and gives the focus back to the bell.
  await admin.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(admin.getByRole("button", { name: /^Notifications, / })).toBeFocused();

  // Another notice, then "Mark all read" clears the count; the link goes to the ticket.
  const other = `Second outage ${id}`;
  await owner.goto("/portal/tickets");
  await openPortalTicket(owner, { subject: other, priority: "CRITICAL", description: "Again." });
  await admin.getByRole("link", { name: "Licenses", exact: true }).click();
  await admin.reload();
  await admin.getByRole("button", { name: /^Notifications, [1-9]\d* unread$/ }).click();
  await panel.getByRole("button", { name: "Mark all read" }).click();
  await expect(admin.getByRole("button", { name: "Notifications, 0 unread" })).toBeVisible();
  await expect(panel.getByRole("button", { name: /Mark read/ })).toHaveCount(0);
  await panel.getByRole("link", { name: new RegExp(other) }).click();
  await expect(panel).toBeHidden();
  await expect(admin.getByRole("heading", { level: 1 })).toContainText(other);
});
