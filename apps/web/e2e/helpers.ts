import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "tessera-demo-2026";

/** Fill in and submit the sign-in form (the caller checks where it lands). */
export const signIn = async (page: Page, email: string, password = DEMO_PASSWORD) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
};

/**
 * Sign out from the shell and wait for the sign-in page: the session is gone only once the
 * request has answered, and a sign-in started before then would be sent back to the shell.
 */
export const signOut = async (page: Page) => {
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByLabel("Email")).toBeVisible();
};

/** No serious or critical axe violations (WCAG 2 A and AA rules) on the page as it is now. */
export const expectAccessible = async (page: Page) => {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === "serious" || violation.impact === "critical",
  );
  expect(
    serious.map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    ),
  ).toEqual([]);
};

/** A suffix that makes slugs and emails unique per run (the database outlives no run, but be safe). */
export const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** Wait until the page has its heading and nothing is still loading. */
export const settle = async (page: Page) => {
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /^Loading/ })).toHaveCount(0);
};

/**
 * Opens the portal's Team page and finds a member in its table. It waits for the page's own
 * heading first: the portal home being left stays up meanwhile and can name people too.
 */
export const openPortalTeam = async (page: Page, memberEmail: string) => {
  await page.getByRole("link", { name: "Team", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Team", level: 1 })).toBeVisible();
  const members = page.getByRole("table", { name: "People in this organisation" });
  await expect(members.getByRole("cell", { name: memberEmail })).toBeVisible();
};

/**
 * Press Tab until `target` has the focus, as a keyboard user would reach it; fails when it
 * is not reached within `limit` presses (it is then not reachable, or far down the order).
 */
export const tabTo = async (page: Page, target: Locator, limit = 60) => {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
  }
  throw new Error(`not reached by ${limit} presses of Tab: ${target}`);
};

/**
 * From the portal's Tickets page: open the new-ticket form, fill it in and submit it; the new
 * ticket's page opens with a "was opened" notice. Returns its reference and path.
 */
export const openPortalTicket = async (
  page: Page,
  ticket: { subject: string; description: string; priority?: string },
) => {
  await page.getByRole("button", { name: "New ticket" }).click();
  await page.getByLabel("Subject").fill(ticket.subject);
  if (ticket.priority) await page.getByLabel("Priority").selectOption(ticket.priority);
  await page.getByLabel("Description").fill(ticket.description);
  await page.getByRole("button", { name: "Open ticket" }).click();
  const opened = page.getByRole("status").filter({ hasText: "was opened" });
  await expect(opened).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(ticket.subject);
  const reference = /SUP-\d{6}/.exec((await opened.textContent()) ?? "")?.[0] ?? "";
  expect(reference).toMatch(/^SUP-\d{6}$/);
  const path = new URL(page.url()).pathname;
  expect(path).toMatch(/^\/portal\/tickets\/[0-9a-f-]{36}$/);
  return { reference, path, ticketId: path.split("/").pop() ?? "" };
};
