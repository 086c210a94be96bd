import { createHmac } from "node:crypto";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { DEMO_PASSWORD, expectAccessible, settle, signIn, signOut, unique } from "./helpers.ts";
import { linkMailedTo } from "./test-mail.ts";

// A user of a new organisation of its own, so that turning MFA on here changes nothing
// another spec signs in with.
const PASSWORD = "lantern orchard velvet quarry";

/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s) of a base32 secret, as an authenticator app computes it. */
const totp = (secret: string, at = Date.now()) => {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const char of secret.replace(/=+$/, "")) bits += alphabet.indexOf(char).toString(2).padStart(5, "0");
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((byte) => Number.parseInt(byte, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
  const mac = createHmac("sha1", key).update(counter).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, "0");
};

const trpcPost = (api: APIRequestContext, path: string, input: unknown) =>
  api.post(`/trpc/${path}`, { data: { json: input } });

/** A staff admin makes an organisation whose owner is ours alone. */
const newOwner = async (api: APIRequestContext) => {
  const id = unique();
  expect(
    (await trpcPost(api, "auth.signIn", { email: "admin@tessera.test", password: DEMO_PASSWORD })).ok(),
  ).toBe(true);
  const email = `mfa-${id}@mfa-${id}.test`;
  const created = await trpcPost(api, "organizations.create", {
    name: `MFA Test ${id}`,
    slug: `mfa-${id}`,
    contactName: "Mia Factor",
    contactEmail: email,
    owner: { name: "Mia Factor", email },
  });
  expect(created.ok()).toBe(true);
  // The owner is invited: accept the mailed link with our own password.
  const token = new URL(await linkMailedTo(email, "/accept-invitation")).searchParams.get("token");
  const accepted = await trpcPost(api, "auth.acceptInvitation", {
    token,
    name: "Mia Factor",
    password: PASSWORD,
  });
  expect(accepted.ok()).toBe(true);
  // Accepting signed this context in: sign out, so the sessions the test counts are its browsers'.
  expect((await trpcPost(api, "auth.signOut", undefined)).ok()).toBe(true);
  return email;
};

const passwordThenCode = async (page: Page, email: string, code: string) => {
  await signIn(page, email, PASSWORD);
  await expect(page.getByText("Enter the 6-digit code from your authenticator app.")).toBeVisible();
  await page.getByLabel("Authentication code").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
};

test("a user turns on MFA, signs in with a code, and signs another session out", async ({
  page,
  browser,
  playwright,
  baseURL,
}) => {
  const api = await playwright.request.newContext({ baseURL: baseURL ?? "" });
  const email = await newOwner(api);
  await api.dispose();

  await signIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/portal$/);
  await page.getByRole("link", { name: "Your account" }).click();
  await expect(page).toHaveURL(/\/portal\/account\/security$/);
  await settle(page);
  await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  const secret = (await page.getByTestId("mfa-secret").textContent()) ?? "";
  expect(secret).toMatch(/^[A-Z2-7]+$/);
  await expectAccessible(page);

  // A code from the app turns MFA on and shows the recovery codes once. (Wrong codes are
  // throttled like passwords, with a 30 s wait here: the API tests cover them.)
  await page.getByLabel("Code from your app").fill(totp(secret));
  await page.getByRole("button", { name: "Turn on" }).click();
  const codes = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const recoveryCode = (await codes.first().textContent()) ?? "";
  await expect(page.getByText(/recovery\s+codes left/)).toBeVisible();
  await expectAccessible(page);

  await signOut(page);
  // The step after the one that turned MFA on (codes are accepted one step either way, and never twice).
  await passwordThenCode(page, email, totp(secret, Date.now() + 30_000));
  await expect(page).toHaveURL(/\/portal$/);

  // A second browser signs in with a recovery code.
  const other = await (await browser.newContext()).newPage();
  await signIn(other, email, PASSWORD);
  await other.getByRole("button", { name: "Use a recovery code" }).click();
  await other.getByLabel("Recovery code").fill(recoveryCode);
  await other.getByRole("button", { name: "Verify" }).click();
  await expect(other).toHaveURL(/\/portal$/);

  await page.goto("/portal/account/sessions");
  await settle(page);
  const table = page.getByRole("table", { name: "Your sessions" });
  await expect(table.getByRole("row")).toHaveCount(3);
  await expect(table.getByText("This session")).toBeVisible();
  await expectAccessible(page);
  await table.getByRole("button", { name: /^Sign out / }).click();
  await expect(table.getByRole("row")).toHaveCount(2);

  await other.reload();
  await expect(other).toHaveURL(/\/sign-in$/);
});
