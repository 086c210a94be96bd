import { expect, test } from "@playwright/test";
import { settle, tabTo, unique } from "./helpers.ts";

// The main flows with the keyboard alone: Tab to reach, Enter and Space to act, arrow keys
// in selects, Escape to leave a dialog. No mouse clicks in this file.

const focused = (page: import("@playwright/test").Page) => page.locator(":focus");

test("staff sign in, skip to content, filter the licenses and back out of a dialog by keyboard", async ({
  page,
}) => {
  await page.goto("/sign-in");
  await tabTo(page, page.getByLabel("Email"));
  await page.keyboard.type("admin@tessera.test");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password")).toBeFocused();
  await page.keyboard.type("tessera-demo-2026");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  await settle(page);

  // The first Tab reaches the skip link, which moves focus past the navigation.
  await page.keyboard.press("Tab");
  await expect(focused(page)).toHaveText("Skip to content");
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();

  await tabTo(page, page.getByRole("link", { name: "Professional, Active: 1" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/tier=PROFESSIONAL&status=ACTIVE$/);
  const tier = page.getByLabel("Filter by tier");
  await tabTo(page, tier);
  await page.keyboard.press("ArrowDown"); // PROFESSIONAL → ENTERPRISE
  await expect(tier).toHaveValue("ENTERPRISE");
  await expect(page.getByRole("row", { name: /Northwind Academy/ })).toHaveCount(0);
  await page.keyboard.press("ArrowUp");
  await expect(tier).toHaveValue("PROFESSIONAL");
  const northwind = page
    .getByRole("row", { name: /Northwind Academy/ })
    .getByRole("link")
    .first();
  await tabTo(page, northwind);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/console\/licenses\/[0-9a-f-]{36}$/);
  await settle(page);

  // A confirmation dialog makes the page behind it unreachable (Tab cycles through the
  // dialog, passing only the browser's own UI), and Escape leaves it with nothing done.
  const suspend = page.getByRole("button", { name: "Suspend license" });
  await tabTo(page, suspend);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toBeVisible();
  const reached = new Set<string>();
  for (let presses = 0; presses < 8; presses++) {
    await page.keyboard.press("Tab");
    const where = await dialog.evaluate((element) =>
      element.contains(document.activeElement)
        ? (document.activeElement?.textContent ?? "")
        : document.activeElement === document.body
          ? "browser"
          : `outside: ${document.activeElement?.outerHTML.slice(0, 80)}`,
    );
    expect(where).not.toMatch(/^outside/);
    reached.add(where);
  }
  expect([...reached]).toEqual(expect.arrayContaining(["Keep license active", "Suspend license"]));
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(suspend).toBeFocused();
  await expect(page.getByText("Active", { exact: true }).first()).toBeVisible();
});

test("a customer opens a ticket and reaches its organisation's health by keyboard", async ({ page }) => {
  await page.goto("/sign-in");
  await tabTo(page, page.getByLabel("Email"));
  await page.keyboard.type("owner@northwind.test");
  await page.keyboard.press("Tab");
  await page.keyboard.type("tessera-demo-2026");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("img", { name: /Health grade/ })).toBeVisible();

  // From the health summary to the usage page it links to.
  await tabTo(page, page.getByRole("link", { name: "Usage details" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/portal\/usage$/);

  await tabTo(page, page.getByRole("link", { name: "Tickets", exact: true }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Tickets", level: 1 })).toBeVisible();
  const subject = `Keyboard only ${unique()}`;
  // The form opens from its button with the focus on its first field.
  await tabTo(page, page.getByRole("button", { name: "New ticket" }));
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Subject")).toBeFocused();
  await page.keyboard.type(subject);
  await tabTo(page, page.getByLabel("Priority"));
  await page.keyboard.press("ArrowUp"); // NORMAL → LOW
  await expect(page.getByLabel("Priority")).toHaveValue("LOW");
  await tabTo(page, page.getByLabel("Description"));
  await page.keyboard.type("Opened without a mouse.");
  await tabTo(page, page.getByRole("button", { name: "Open ticket" }));
  await page.keyboard.press("Space");
  // Opening it goes to the ticket; back to the list and into it again, then reply.
  await expect(page.getByRole("status").filter({ hasText: "was opened" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(subject);
  await tabTo(page, page.getByRole("link", { name: "← All tickets" }));
  await page.keyboard.press("Enter");
  const row = page.getByRole("row", { name: new RegExp(subject) });
  await tabTo(page, row.getByRole("link"));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(subject);
  const reply = page.getByRole("form", { name: "Reply" }).getByLabel("Message");
  await tabTo(page, reply);
  await page.keyboard.type("Adding a detail by keyboard.");
  await tabTo(page, page.getByRole("button", { name: "Send reply" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("Adding a detail by keyboard.")).toBeVisible();
});
