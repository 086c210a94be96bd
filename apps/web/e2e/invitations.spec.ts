import { expect, test } from "@playwright/test";
import { expectAccessible, signIn, signOut, unique } from "./helpers.ts";
import { linkMailedTo } from "./test-mail.ts";

const PASSWORD = "lantern orchard quietly meanders";

test("an owner invites a colleague by mail; the colleague sets a password, lands signed in, and signs in again", async ({
  browser,
}) => {
  const email = `cleo-${unique()}@globex.test`;
  const owner = await (await browser.newContext()).newPage();
  await signIn(owner, "owner@globex.test");
  await owner.getByRole("link", { name: "Team", exact: true }).click();
  await owner.getByRole("textbox", { name: "Email", exact: true }).fill(email);
  await owner.getByLabel("Name (optional)").fill("Cleo Colleague");
  await owner.getByLabel("Role", { exact: true }).selectOption("ADMIN");
  await owner.getByRole("button", { name: "Invite", exact: true }).click();
  await expect(owner.getByText(`An invitation was sent to ${email}.`)).toBeVisible();
  await expect(owner.getByRole("row", { name: `Invitation to ${email}` })).toContainText("Admin");

  const link = await linkMailedTo(email, "/accept-invitation");
  const colleague = await (await browser.newContext()).newPage();
  await colleague.goto(link);
  await expect(colleague.getByRole("heading", { name: "Join Globex Learning", level: 1 })).toBeVisible();
  await expect(colleague.getByText(`Gil Globex invited ${email} as Admin`)).toBeVisible();
  await expect(colleague.getByLabel("Your name")).toHaveValue("Cleo Colleague");
  await expectAccessible(colleague);
  // The policy answers beside the field.
  await colleague.getByLabel("Choose a password").fill("password123");
  await colleague.getByRole("button", { name: "Join" }).click();
  await expect(colleague.getByText(/password is one of the most common passwords/)).toBeVisible();
  await colleague.getByLabel("Choose a password").fill(PASSWORD);
  await colleague.getByRole("button", { name: "Join" }).click();
  await expect(colleague).toHaveURL(/\/portal$/);
  await expect(colleague.getByRole("heading", { name: "Globex Learning", level: 1 })).toBeVisible();

  await signOut(colleague);
  await signIn(colleague, email, PASSWORD);
  await expect(colleague).toHaveURL(/\/portal$/);

  // The link worked once.
  await colleague.goto(link);
  await expect(colleague.getByRole("alert")).toContainText("already been used");
  await owner.reload();
  await expect(owner.getByRole("row", { name: new RegExp(email) })).toBeVisible();
  await expect(owner.getByRole("row", { name: `Invitation to ${email}` })).toHaveCount(0);
});

test("revoking an invitation confirms first, and the mailed link then stops working", async ({ page }) => {
  const email = `rex-${unique()}@globex.test`;
  await signIn(page, "owner@globex.test");
  await page.getByRole("link", { name: "Team", exact: true }).click();
  await page.getByRole("textbox", { name: "Email", exact: true }).fill(email);
  await page.getByRole("button", { name: "Invite", exact: true }).click();
  const invitation = page.getByRole("row", { name: `Invitation to ${email}` });
  await expect(invitation).toBeVisible();
  const link = await linkMailedTo(email, "/accept-invitation");

  await invitation.getByRole("button", { name: `Revoke the invitation to ${email}` }).click();
  const dialog = page.getByRole("alertdialog", { name: `Revoke the invitation to ${email}?` });
  await expect(dialog).toContainText("stops working at once");
  await dialog.getByRole("button", { name: "Keep invitation" }).click();
  await expect(invitation).toBeVisible();

  await invitation.getByRole("button", { name: `Revoke the invitation to ${email}` }).click();
  await dialog.getByRole("button", { name: "Revoke invitation" }).click();
  await expect(page.getByText(`The invitation to ${email} was withdrawn.`)).toBeVisible();
  await expect(invitation).toHaveCount(0);
  await page.goto(link);
  await expect(page.getByRole("alert")).toContainText("This invitation was withdrawn");
});

test("forgot password → mail → new password; a session opened before the reset is signed out", async ({
  browser,
}) => {
  const email = `rory-${unique()}@globex.test`;
  // Someone to reset: invited and joined as the first test does.
  const owner = await (await browser.newContext()).newPage();
  await signIn(owner, "owner@globex.test");
  await owner.getByRole("link", { name: "Team", exact: true }).click();
  await owner.getByRole("textbox", { name: "Email", exact: true }).fill(email);
  await owner.getByRole("button", { name: "Invite", exact: true }).click();
  const invitation = await linkMailedTo(email, "/accept-invitation");
  const earlier = await (await browser.newContext()).newPage();
  await earlier.goto(invitation);
  await earlier.getByLabel("Your name").fill("Rory Reset");
  await earlier.getByLabel("Choose a password").fill(PASSWORD);
  await earlier.getByRole("button", { name: "Join" }).click();
  await expect(earlier).toHaveURL(/\/portal$/);

  const page = await (await browser.newContext()).newPage();
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  // The address changes before the page's chunk arrives, and the sign-in form (with its own
  // Email field) stays until then: fill only once the reset form is there.
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByText("If an account exists for that address, we sent a link")).toBeVisible();
  await expectAccessible(page);

  const link = await linkMailedTo(email, "/reset-password");
  await page.goto(link);
  await page.getByRole("textbox", { name: "New password" }).fill("ember glacier pocket violin");
  await page.getByRole("button", { name: "Set the new password" }).click();
  await expect(page.getByText("Your password is changed")).toBeVisible();
  await page.getByRole("link", { name: "Sign in with your new password" }).click();
  await signIn(page, email, "ember glacier pocket violin");
  await expect(page).toHaveURL(/\/portal$/);

  // The session from before the reset no longer holds.
  await earlier.reload();
  await expect(earlier).toHaveURL(/\/sign-in/);
  // And the link is spent: using it again shows why, and nothing changes.
  await page.goto(link);
  await page.getByRole("textbox", { name: "New password" }).fill("another quite long phrase here");
  await page.getByRole("button", { name: "Set the new password" }).click();
  await expect(page.getByRole("alert")).toContainText("This link has already been used — ask for a new one");
});

test("a tampered invitation link shows a clear page", async ({ page }) => {
  await page.goto("/accept-invitation?token=not-a-real-token");
  await expect(page.getByRole("heading", { name: "This invitation can't be used" })).toBeVisible();
  await expect(page.getByRole("alert")).toContainText("ask for a new one");
});
