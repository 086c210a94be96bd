import { expect, test } from "@playwright/test";
import { signIn, signOut, unique } from "./helpers.ts";
import { linkMailedTo } from "./test-mail.ts";

test("an owner invites a member who joins, changes a role, cannot demote the only owner, and disables a member", async ({
  browser,
}) => {
  const id = unique();
  const email = `tia-${id}@globex.test`;
  const page = await (await browser.newContext()).newPage();
  await signIn(page, "owner@globex.test");
  await page.getByRole("link", { name: "Team", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Team", level: 1 })).toBeVisible();

  // The schema's own message, before any request.
  await page.getByRole("textbox", { name: "Email", exact: true }).fill("not-an-email");
  await page.getByRole("button", { name: "Invite", exact: true }).click();
  await expect(page.getByText("must be a valid email address")).toBeVisible();

  await page.getByLabel("Name (optional)").fill("Tia Team");
  await page.getByRole("textbox", { name: "Email", exact: true }).fill(email);
  await page.getByRole("button", { name: "Invite", exact: true }).click();
  await expect(
    page.getByRole("status").filter({ hasText: `An invitation was sent to ${email}.` }),
  ).toBeVisible();
  // Tia joins from the mailed link with a password of her own.
  const tia = await (await browser.newContext()).newPage();
  await tia.goto(await linkMailedTo(email, "/accept-invitation"));
  await tia.getByLabel("Choose a password").fill("correct-horse-battery");
  await tia.getByRole("button", { name: "Join" }).click();
  await expect(tia).toHaveURL(/\/portal$/);
  await signOut(tia);
  await page.reload();
  const row = page.getByRole("row", { name: new RegExp(email) });
  await expect(row).toBeVisible();

  await row.getByLabel("Role of Tia Team").selectOption("ADMIN");
  await expect(page.getByText("Tia Team is now Admin.")).toBeVisible();
  await expect(row.getByLabel("Role of Tia Team")).toHaveValue("ADMIN");

  // The same email again: she is already a member, said beside the field.
  await page.getByRole("textbox", { name: "Email", exact: true }).fill(email);
  await page.getByRole("button", { name: "Invite", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText(`${email} is already a member of this organisation`);

  const ownerRow = page.getByRole("row", { name: /owner@globex.test/ });
  await ownerRow.getByLabel(/Role of/).selectOption("MEMBER");
  const alert = page.getByRole("alert").filter({ hasText: "That change was not made" });
  await expect(alert).toContainText("An organisation must keep at least one active owner");
  await expect(alert).toContainText("Make another active member an owner first");
  await expect(ownerRow.getByLabel(/Role of/)).toHaveValue("OWNER");

  await row.getByRole("button", { name: "Disable Tia Team" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Disable Tia Team?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Keep member active" }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByText("Active")).toBeVisible();
  await row.getByRole("button", { name: "Disable Tia Team" }).click();
  await dialog.getByRole("button", { name: "Disable member" }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByText("Disabled")).toBeVisible();

  // A disabled member is refused as a wrong password is: the answer never confirms a guess.
  await signIn(tia, email, "correct-horse-battery");
  await expect(tia.getByRole("alert")).toContainText("Email or password is incorrect");

  await row.getByRole("button", { name: "Enable Tia Team" }).click();
  await expect(row.getByText("Active")).toBeVisible();

  // Every change is in the organisation's audit log.
  await page.getByRole("link", { name: "Audit log", exact: true }).click();
  await page.getByLabel("Action").fill("user.role_changed");
  const event = page.getByRole("row", { name: /Role changed/ }).first();
  // Who did it and to whom, by name: the codes and ids stay in the tooltips.
  await expect(event).toContainText("Gil Globex");
  await expect(event).toContainText("Tia Team");
  await event.getByText("role", { exact: true }).click();
  await expect(event.getByText('"role": "MEMBER"')).toBeVisible();
  await expect(event.getByText('"role": "ADMIN"')).toBeVisible();
});
