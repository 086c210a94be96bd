import { expect, test } from "@playwright/test";
import { signIn, signOut, unique } from "./helpers.ts";

test("a wrong password shows the error and keeps the user on the sign-in page", async ({ page }) => {
  // An email no other test signs in with: a failure makes its next attempt from here wait.
  await signIn(page, `someone-${unique()}@example.test`, "not-the-password");
  await expect(page.getByRole("alert")).toContainText("Email or password is incorrect");
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByLabel("Password")).toHaveValue("");
});

test("an unauthenticated visit goes to sign-in and comes back after it", async ({ page }) => {
  await page.goto("/console/audit");
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByLabel("Email").fill("viewer@tessera.test");
  await page.getByLabel("Password").fill("tessera-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/console\/audit$/);
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  // A viewer may look but not create.
  await page.getByRole("link", { name: "Organisations", exact: true }).click();
  // The audit log names Northwind too: wait for the list's own page before looking for it.
  await expect(page.getByRole("heading", { name: "Organisations", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Northwind Academy" })).toBeVisible();
  await expect(page.getByRole("link", { name: "New organisation" })).toHaveCount(0);

  await signOut(page);
  await page.goto("/console/organizations");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("after a failed sign-in the next attempt waits, with the seconds shown", async ({ page }) => {
  const email = `nobody-${unique()}@example.test`;
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("wrong-once");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("Email or password is incorrect");
  // The e2e server waits LOGIN_BACKOFF_BASE_SECONDS (30) after a failure: no race with the clock.
  await page.getByLabel("Password").fill("wrong-again");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("Too many failed sign-ins");
  await expect(page.getByRole("alert")).toContainText(/try again in \d+ s/i);
  await expect(page.getByRole("button", { name: /Try again in \d+ s/ })).toBeDisabled();
});

test("signing in takes a support agent straight to their queue, with no stop on the way", async ({
  page,
}) => {
  // A redirect after landing would be a second navigation that can overtake the agent's first
  // click (CI once saw the queue replace the Organisations page that way).
  const visited: string[] = [];
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) visited.push(new URL(frame.url()).pathname);
  });
  await signIn(page, "support@tessera.test");
  await expect(page).toHaveURL(/\/console\/support\?view=MINE$/);
  expect(visited).not.toContain("/console");
});
