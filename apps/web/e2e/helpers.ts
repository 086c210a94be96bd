import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "tessera-demo-2026";

/** Fill in and submit the sign-in form (the caller checks where it lands). */
export const signIn = async (page: Page, email: string, password = DEMO_PASSWORD) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
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
