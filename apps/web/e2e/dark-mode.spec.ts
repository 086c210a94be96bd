import { expect, type Page, test } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers.ts";

// The system asks for dark mode; the SPA follows prefers-color-scheme.
test.use({ colorScheme: "dark" });

/**
 * The relative luminance, 0 (black) to 1 (white), of the background an element shows: its own
 * or its nearest ancestor's opaque one. A canvas turns whatever colour syntax the browser
 * reports (Tailwind's colours are oklch) into sRGB.
 */
const luminanceOf = async (page: Page, which: "body" | "main") =>
  page.evaluate((selector) => {
    const context = document.createElement("canvas").getContext("2d", { willReadFrequently: true });
    if (!context) throw new Error("no canvas");
    const rgba = (colour: string) => {
      context.clearRect(0, 0, 1, 1);
      context.fillStyle = colour;
      context.fillRect(0, 0, 1, 1);
      return Array.from(context.getImageData(0, 0, 1, 1).data);
    };
    let node: Element | null = document.querySelector(selector);
    if (!node) throw new Error(`no ${selector}`);
    let pixel = [255, 255, 255, 255];
    while (node) {
      pixel = rgba(getComputedStyle(node).backgroundColor);
      if ((pixel[3] ?? 0) > 0) break;
      node = node.parentElement;
    }
    const [r = 1, g = 1, b = 1] = pixel.slice(0, 3).map((part) => {
      const channel = part / 255;
      return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }, which);

const expectDark = async (page: Page) => {
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(
    "rgb(255, 255, 255)",
  );
  expect(await luminanceOf(page, "body")).toBeLessThan(0.05);
  expect(await luminanceOf(page, "main")).toBeLessThan(0.05);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe(
    "light dark",
  );
};

/** Open a page from the main navigation and wait until it has loaded its data. */
const visit = async (page: Page, link: string, heading: string | RegExp) => {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: link, exact: true }).click();
  await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
  await expect(page.getByText("Loading…")).toHaveCount(0);
};

test("the staff console is dark and accessible when the system asks for dark mode", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();
  expect(await luminanceOf(page, "body")).toBeLessThan(0.05);
  await expectAccessible(page);

  await signIn(page, "admin@tessera.test");
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  await expect(page.getByText("Loading…")).toHaveCount(0);
  await expectDark(page);
  await expectAccessible(page);

  for (const [link, heading] of [
    ["Organisations", "Organisations"],
    ["Licenses", "License management"],
    ["Support", "Support"],
  ] as const) {
    await visit(page, link, heading);
    await expectDark(page);
    await expectAccessible(page);
  }
});

test("the customer portal is dark and accessible when the system asks for dark mode", async ({ page }) => {
  await signIn(page, "owner@northwind.test");
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(page.getByText("Loading…")).toHaveCount(0);
  await expectDark(page);
  await expectAccessible(page);

  for (const [link, heading] of [
    ["Organisation", /.+/],
    ["License", /.+/],
    ["Usage", /.+/],
    ["Tickets", /.+/],
  ] as const) {
    await visit(page, link, heading);
    await expectDark(page);
    await expectAccessible(page);
  }

  await visit(page, "Settings", "Settings");
  await expect(page.getByRole("region", { name: "Branding" })).toBeVisible();
  await expectDark(page);
  await expectAccessible(page);
});
