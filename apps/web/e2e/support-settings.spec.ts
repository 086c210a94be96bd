import { expect, test } from "@playwright/test";
import { expectAccessible, settle, signIn, unique } from "./helpers.ts";

test("a staff admin adds a team with business hours, is told what is wrong, and routes a tier round robin", async ({
  page,
}) => {
  // two forms, a reload and two axe passes: more than the default minute on a busy machine
  test.slow();
  const name = `Tokyo desk ${unique()}`;
  await signIn(page, "admin@tessera.test");
  await settle(page);
  await page.getByRole("link", { name: "Support", exact: true }).click();
  await page.getByRole("link", { name: "Settings", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Support settings", level: 1 })).toBeVisible();
  await settle(page);

  // A new team: the schema's messages name the fields before anything is sent.
  const form = page.getByRole("form", { name: "New team" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Time zone").fill("Asia/Atlantis");
  await form.getByLabel("Monday hours").fill("09:00-13:00, 12:00-18:00");
  await form.getByLabel("Holidays").fill("2026-11-03");
  await form.getByRole("button", { name: "Add team" }).click();
  await expect(form.getByText("must be an IANA time zone such as Europe/Berlin")).toBeVisible();
  await expect(form.getByText(/must not be before the previous span ends/)).toBeVisible();
  await expectAccessible(page);

  await form.getByLabel("Time zone").fill("Asia/Tokyo");
  await form.getByLabel("Monday hours").fill("09:00-12:00, 13:00-18:00");
  await form.getByRole("button", { name: "Add team" }).click();
  const added = page.getByRole("form", { name: `Team ${name}` });
  await expect(added).toBeVisible();
  await expect(added.getByLabel("Time zone")).toHaveValue("Asia/Tokyo");
  await expect(added.getByLabel("Monday hours")).toHaveValue("09:00-12:00, 13:00-18:00");
  await expect(added.getByLabel("Holidays")).toHaveValue("2026-11-03");

  // CUSTOM tickets go round robin and follow the new team's hours; then back to the defaults.
  const custom = page.getByRole("form", { name: "Custom routing" });
  await custom.getByLabel("Custom: how tickets find an agent").selectOption("ROUND_ROBIN");
  await custom.getByLabel("Custom: team and business hours").selectOption({ label: name });
  await custom.getByRole("button", { name: "Save Custom" }).click();
  await expect(custom.getByText("Custom routing saved.")).toBeVisible();
  await page.reload();
  await settle(page);
  const reloaded = page.getByRole("form", { name: "Custom routing" });
  await expect(reloaded.getByLabel("Custom: how tickets find an agent")).toHaveValue("ROUND_ROBIN");
  await expectAccessible(page);
  await reloaded.getByLabel("Custom: how tickets find an agent").selectOption("LEAST_LOAD");
  await reloaded.getByLabel("Custom: team and business hours").selectOption({ label: "Default team" });
  await reloaded.getByRole("button", { name: "Save Custom" }).click();
  await expect(reloaded.getByText("Custom routing saved.")).toBeVisible();
});

test("support agents do not get the settings page", async ({ page }) => {
  await signIn(page, "support@tessera.test");
  await settle(page);
  await page.getByRole("link", { name: "Support", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Support", level: 1 })).toBeVisible();
  await settle(page);
  await expect(page.getByRole("link", { name: "Settings", exact: true })).toHaveCount(0);
});
