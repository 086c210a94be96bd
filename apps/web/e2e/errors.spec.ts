import { expect, type Page, test } from "@playwright/test";
import { expectAccessible, openPortalTicket, settle, signIn, unique } from "./helpers.ts";

// Errors give a way forward: a 404 view with links back for unknown addresses and missing
// records, "Try again" on a failed load, and an offline banner whose queued changes are sent.

/** An id no record has: well-formed, so the API answers NOT_FOUND rather than refusing it. */
const NO_SUCH_ID = "00000000-0000-4000-8000-000000000000";

const notFoundView = (page: Page) => page.getByTestId("not-found");

/** Sign in and wait for the area's home, so a navigation next does not cut the sign-in short. */
const signInTo = async (page: Page, email: string) => {
  await signIn(page, email);
  await expect(page).toHaveURL(/\/(console|portal)$/);
  await settle(page);
};

test("unknown addresses in the console show the 404 with working links back", async ({ page }) => {
  // The server answers the SPA for any client route; the 404 is the SPA's view.
  const served = await page.request.get("/console/licenses/no/such/page");
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toContain("text/html");

  await signInTo(page, "admin@tessera.test");
  await page.goto("/console/licenses/no/such/page");
  await expect(page.getByRole("heading", { name: "Page not found", level: 1 })).toBeVisible();
  await expect(notFoundView(page)).toContainText("There is no page at /console/licenses/no/such/page");
  await expect(page).toHaveTitle("Page not found · Tessera console");
  // Inside the shell: its navigation is there.
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Back to Licenses" }).click();
  await expect(page).toHaveURL(/\/console\/licenses$/);
  await expect(page.getByRole("heading", { name: "License management", level: 1 })).toBeVisible();

  // Under "Your account", with one heading (not inside the account page's layout).
  await page.goto("/console/account/nothing-here");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await page.getByRole("link", { name: "Go to the console overview" }).click();
  await expect(page).toHaveURL(/\/console$/);
  await settle(page);

  // Outside both areas, signed in: the user's own shell.
  await page.goto("/no-such-area");
  await expect(page.getByRole("heading", { name: "Page not found", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await page.getByRole("link", { name: "Go to the console overview" }).click();
  await expect(page).toHaveURL(/\/console$/);
});

test("unknown addresses in the portal and signed out show the 404", async ({ page }) => {
  // Signed out, outside the areas: standalone, with the way to sign in.
  await page.goto("/no-such-area");
  await expect(page.getByRole("heading", { name: "Page not found", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  await signInTo(page, "owner@northwind.test");
  await page.goto("/portal/tickets/12/history");
  await expect(page.getByRole("heading", { name: "Page not found", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Back to Tickets" }).click();
  await expect(page).toHaveURL(/\/portal\/tickets$/);
  await page.goto("/portal/nowhere");
  await page.getByRole("link", { name: "Go to your organisation" }).click();
  await expect(page).toHaveURL(/\/portal$/);
  await settle(page);
});

test("a missing license and a missing ticket show the not-found view", async ({ page }) => {
  await signInTo(page, "admin@tessera.test");
  for (const id of [NO_SUCH_ID, "not-an-id"]) {
    await page.goto(`/console/licenses/${id}`);
    await expect(page.getByRole("heading", { name: "License not found", level: 1 })).toBeVisible();
    await expect(notFoundView(page)).toContainText("This license does not exist or you cannot see it.");
    await expect(page.getByRole("alert")).toHaveCount(0);
  }
  await expectAccessible(page);
  await page.getByRole("link", { name: "All licenses" }).click();
  await expect(page).toHaveURL(/\/console\/licenses$/);

  await page.goto(`/console/support/${NO_SUCH_ID}`);
  await expect(page.getByRole("heading", { name: "Ticket not found", level: 1 })).toBeVisible();
  await expect(notFoundView(page)).toContainText("This ticket does not exist or you cannot see it.");
  await page.getByRole("link", { name: "The support queue" }).click();
  await expect(page).toHaveURL(/\/console\/support$/);
});

test("a customer's missing ticket shows the not-found view with a link to their tickets", async ({
  page,
}) => {
  await signInTo(page, "owner@northwind.test");
  await page.goto(`/portal/tickets/${NO_SUCH_ID}`);
  await expect(page.getByRole("heading", { name: "Ticket not found", level: 1 })).toBeVisible();
  await expect(notFoundView(page)).toContainText("This ticket does not exist or you cannot see it.");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Your tickets" }).click();
  await expect(page).toHaveURL(/\/portal\/tickets$/);
});

test("a load that fails offers Try again, which then loads it", async ({ page }) => {
  await signInTo(page, "admin@tessera.test");
  // The list query fails (and its automatic retries) until the user asks again.
  let failing = true;
  await page.route(/\/trpc\/[^?]*licenses\.list/, (route) =>
    failing ? route.abort("failed") : route.continue(),
  );
  await page.getByRole("link", { name: "Licenses", exact: true }).click();
  const problem = page.getByRole("alert").filter({ hasText: "Could not load this" });
  await expect(problem).toBeVisible({ timeout: 20_000 });
  await expectAccessible(page);
  failing = false;
  await problem.getByRole("button", { name: "Try again" }).click();
  await expect(problem).toHaveCount(0);
  await expect(page.getByRole("row", { name: /Northwind Academy/ }).first()).toBeVisible();
});

test("offline: a banner, and a reply made offline is queued and sent on reconnect", async ({
  page,
  context,
}) => {
  await signInTo(page, "owner@northwind.test");
  await page.getByRole("link", { name: "Tickets", exact: true }).click();
  const { path } = await openPortalTicket(page, {
    subject: `Offline check ${unique()}`,
    description: "A question asked before the connection dropped.",
  });
  const banner = page.getByRole("status").filter({ hasText: "You are offline" });
  await context.setOffline(true);
  await expect(banner).toHaveText("You are offline — changes will be sent when you are back online.");

  const message = `Written offline ${unique()}`;
  await page.getByRole("form", { name: "Reply" }).getByLabel("Message").fill(message);
  await page.getByRole("button", { name: "Send reply" }).click();
  await expect(banner).toContainText("1 change waiting to send");
  await expectAccessible(page);

  await context.setOffline(false);
  await expect(banner).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "Reply sent." })).toBeVisible();
  // It landed: a fresh load of the ticket shows it.
  await page.goto(path);
  await expect(page.getByRole("list", { name: "Thread" })).toContainText(message);
});
