import { expect, type Locator, test } from "@playwright/test";
import { expectAccessible, signIn, signOut } from "./helpers.ts";

/** The instants of the listed events, in the order shown. */
const times = async (log: Locator) =>
  (
    await log.locator("tbody time").evaluateAll((cells) => cells.map((cell) => cell.getAttribute("datetime")))
  ).map((value) => Date.parse(value ?? ""));

const ascending = (values: number[]) =>
  values.every((value, index) => index === 0 || (values[index - 1] ?? value) <= value);

test("staff filter the audit log with chips that clear, and sort it on the server by a header", async ({
  page,
}) => {
  test.slow(); // three sign-ins, a reload and an axe run
  // Signing in and out is audited: a log started from the seed has events of two actions.
  await signIn(page, "admin@tessera.test");
  await expect(page).toHaveURL(/\/console$/);
  await signOut(page);
  await signIn(page, "admin@tessera.test");
  await expect(page).toHaveURL(/\/console$/);
  await page.goto("/console/audit");
  const log = page.getByRole("region", { name: /^Audit events/ });
  await expect(log).toHaveAccessibleName("Audit events, newest first");
  await expect(log.getByRole("row", { name: /Signed out/ }).first()).toBeVisible();

  // A filter goes into the address and shows as a chip; its clear button takes it away.
  await page.getByLabel("Action").fill("auth.signed_out");
  await expect(page).toHaveURL(/[?&]action=auth\.signed_out/);
  const chips = page.getByRole("list", { name: "Active filters" });
  await expect(chips.getByRole("listitem")).toHaveText([/Action: auth\.signed_out/]);
  await expect(log.getByRole("row", { name: /Signed in/ })).toHaveCount(0);
  await chips.getByRole("button", { name: "Clear filter Action: auth.signed_out" }).click();
  await expect(chips).toHaveCount(0);
  await expect(page).not.toHaveURL(/action=/);
  await expect(page.getByLabel("Action")).toHaveValue("");
  await expect(log.getByRole("row", { name: /Signed in/ }).first()).toBeVisible();
  await expectAccessible(page);

  // Newest first until the Time header is pressed; then oldest first, in the address too.
  const time = log.getByRole("columnheader", { name: "Time" });
  await expect(time).toHaveAttribute("aria-sort", "descending");
  const newestFirst = await times(log);
  expect(newestFirst.length).toBeGreaterThan(1);
  expect(ascending([...newestFirst].reverse())).toBe(true);
  await time.getByRole("button").click();
  await expect(page).toHaveURL(/[?&]dir=asc/);
  await expect(time).toHaveAttribute("aria-sort", "ascending");
  await expect(log).toHaveAccessibleName("Audit events, oldest first");
  await expect.poll(async () => (await times(log))[0]).toBeLessThan(newestFirst[0] ?? 0);
  expect(ascending(await times(log))).toBe(true);

  // The Action header sorts by the action's code, A to Z first; a reload keeps the order.
  await log.getByRole("columnheader", { name: "Action" }).getByRole("button").click();
  await expect(page).toHaveURL(/[?&]sort=action/);
  await expect(page).not.toHaveURL(/dir=/);
  await page.reload();
  await expect(page.getByRole("region", { name: "Audit events, by code, A first" })).toBeVisible();
  await expect(
    page.getByRole("region", { name: /^Audit events/ }).getByRole("columnheader", { name: "Action" }),
  ).toHaveAttribute("aria-sort", "ascending");
});
