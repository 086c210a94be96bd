import { expect, test } from "@playwright/test";
import { expectAccessible, openPortalTicket, signIn, unique } from "./helpers.ts";
import { mailTo } from "./test-mail.ts";

test("a CRITICAL ticket's mail shows on Sent email, rendered; the owner switches Support emails off for good", async ({
  browser,
}) => {
  const subject = `Checkout is down ${unique()}`;
  const owner = await (await browser.newContext()).newPage();
  await signIn(owner, "owner@northwind.test");
  await owner.getByRole("link", { name: "Tickets", exact: true }).click();
  await openPortalTicket(owner, {
    subject,
    priority: "CRITICAL",
    description: "Payments fail since 10:00 UTC.",
  });

  // The mail reaches the staff admin's mailbox on the test SMTP server (the job sends every 5 s) …
  const received = await mailTo("admin@tessera.test", subject);
  expect(received.subject).toMatch(new RegExp(`^CRITICAL SUP-\\d+ from Northwind Academy: ${subject}$`));
  // … and the staff admin reads the outbox's record of it on Sent email.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin@tessera.test");
  await admin.getByRole("link", { name: "Sent email", exact: true }).click();
  await expect(admin.getByRole("heading", { name: "Sent email", level: 1 })).toBeVisible();
  // The browser tests' API sends through the test SMTP server (SMTP_URL), not the development mailbox.
  await expect(admin.getByText("Mail goes out over SMTP (SMTP_URL).")).toBeVisible();
  const row = admin.getByRole("row").filter({ hasText: subject });
  await expect
    .poll(
      async () => {
        await admin.reload();
        await admin.getByLabel("Recipient contains").fill("admin@tessera.test");
        await expect(admin.getByRole("row").nth(1)).toContainText("admin@tessera.test");
        return (await row.count()) > 0 && /Sent/.test((await row.first().textContent()) ?? "");
      },
      { timeout: 40_000, intervals: [1000] },
    )
    .toBe(true);
  await expect(row.first()).toContainText("admin@tessera.test");
  await expect(row.first()).toContainText("Support");
  await row.first().getByRole("button").click();
  const frame = admin.frameLocator(`iframe[title="Mail to admin@tessera.test"]`);
  await expect(frame.getByRole("heading", { name: /CRITICAL ticket SUP-\d+/ })).toBeVisible();
  await expect(frame.locator("p").filter({ hasText: subject })).toBeVisible();
  await expect(admin.locator("iframe").first()).toHaveAttribute("sandbox", "");
  await admin.getByRole("button", { name: "Plain text" }).click();
  await expect(admin.locator("pre").filter({ hasText: subject })).toBeVisible();
  await expect(admin.getByText("Accepted")).toBeVisible();
  await expectAccessible(admin);

  // The owner switches Support emails off; the choice survives a reload.
  await owner.goto("/portal/account/notifications");
  const support = owner.getByRole("switch", { name: "Support emails" });
  await expect(support).toBeChecked();
  await expect(owner.getByRole("switch", { name: "Security emails" })).toBeDisabled();
  await support.click();
  await expect(support).not.toBeChecked();
  await expect(support).toBeEnabled();
  await owner.reload();
  await expect(owner.getByRole("switch", { name: "Support emails" })).not.toBeChecked();
  await expect(owner.getByRole("switch", { name: "License emails" })).toBeChecked();
  await expectAccessible(owner);
  // back on, so other specs on this database find the default
  await owner.getByRole("switch", { name: "Support emails" }).click();
  await expect(owner.getByRole("switch", { name: "Support emails" })).toBeChecked();
});
