import { type Browser, expect, type Page, test } from "@playwright/test";
import { expectAccessible, settle, signIn } from "./helpers.ts";

// Vic (staff viewer) is no other spec's reader of dates; the preferences are put back at the end.
const EMAIL = "viewer@tessera.test";

/** A browser in Berlin with a British locale, signed in as Vic: a device of its own. */
const berlinBrowser = async (browser: Browser) => {
  const page = await (await browser.newContext({ timezoneId: "Europe/Berlin", locale: "en-GB" })).newPage();
  await signIn(page, EMAIL);
  await expect(page).toHaveURL(/\/console(\/|$)/);
  return page;
};

/** When this session signed in, as the sessions page writes it. */
const signedInAt = async (page: Page) => {
  await page.goto("/console/account/sessions");
  await settle(page);
  const current = page
    .getByRole("table", { name: "Your sessions" })
    .getByRole("row", { name: /This session/ });
  return current.getByRole("cell").nth(2);
};

test("a person's zone and date format change the times on other pages, on every device, and say the zone", async ({
  browser,
}) => {
  test.setTimeout(120_000); // two browsers and an axe run on a page listing every zone
  const page = await berlinBrowser(browser);
  // By default: the browser's zone (Berlin, GMT+1 in winter, GMT+2 in summer) and its locale's order.
  await expect(await signedInAt(page)).toHaveText(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} GMT\+[12]$/);

  await page.goto("/console/account/date-and-time");
  await settle(page);
  await expect(page).toHaveTitle(/^Date and time · /);
  const card = page.getByRole("region", { name: "Date and time" });
  await card.getByLabel("Time zone").selectOption("Asia/Tokyo");
  await card.getByLabel("Date format").selectOption("yyyy-MM-dd");
  await expect(card.getByTestId("date-preview")).toHaveText(/^\d{4}-\d{2}-\d{2}, \d{2}:\d{2} GMT\+9$/);
  await expectAccessible(page);
  await card.getByRole("button", { name: "Save" }).click();
  await expect(card.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  const tokyo = /^\d{4}-\d{2}-\d{2}, \d{2}:\d{2} GMT\+9$/;
  await expect(await signedInAt(page)).toHaveText(tokyo);
  // Another device, in another zone, reads Vic's choice from the account.
  const laptop = await (
    await browser.newContext({ timezoneId: "America/New_York", locale: "en-US" })
  ).newPage();
  await signIn(laptop, EMAIL);
  await expect(laptop).toHaveURL(/\/console(\/|$)/);
  await expect(await signedInAt(laptop)).toHaveText(tokyo);

  // Back to following the browser: the laptop writes New York's time, its own way.
  await laptop.goto("/console/account/date-and-time");
  await settle(laptop);
  const laptopCard = laptop.getByRole("region", { name: "Date and time" });
  await laptopCard.getByLabel("Time zone").selectOption({ label: "This browser's (America/New_York)" });
  await laptopCard.getByLabel("Date format").selectOption({ index: 0 });
  await laptopCard.getByRole("button", { name: "Save" }).click();
  await expect(laptopCard.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(await signedInAt(laptop)).toHaveText(
    /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M E[SD]T$/,
  );
});
