import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers.ts";

test("staff create → activate → suspend → reinstate → renew a license; the owner sees it in the portal", async ({
  browser,
}) => {
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, "admin@tessera.test");
  await staff.getByRole("link", { name: "Licenses", exact: true }).click();
  await expect(staff.getByRole("heading", { name: "License management", level: 1 })).toBeVisible();
  await staff.getByRole("button", { name: "New license" }).click();
  await staff.getByLabel("Find organisation").fill("globex");
  await staff.getByLabel("Organisation", { exact: true }).selectOption({ label: "Globex Learning" });
  await staff.getByLabel("Tier", { exact: true }).selectOption("PROFESSIONAL");
  await staff.getByRole("button", { name: "Create license" }).click();

  const key = await staff.getByTestId("revealed-key").textContent();
  expect(key).toMatch(/^TSR(-[0-9A-Z]{5}){5}-[0-9A-Z]$/);
  await staff.getByRole("link", { name: "Open the license" }).click();
  await expect(staff.getByText("Pending", { exact: true }).first()).toBeVisible();
  await expectAccessible(staff);

  const act = async (button: string, status: string, reason?: string) => {
    await staff.getByRole("button", { name: button, exact: true }).click();
    const dialog = staff.getByRole("alertdialog");
    if (reason) await dialog.getByLabel("Reason").fill(reason);
    await dialog.getByRole("button", { name: button, exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(staff.getByText(status, { exact: true }).first()).toBeVisible();
  };
  await act("Activate license", "Active");
  await act("Suspend license", "Suspended", "Invoice overdue");
  await expect(staff.getByText("Invoice overdue").first()).toBeVisible();
  await act("Reinstate license", "Active");
  const before = await staff.getByTestId("expiry-countdown").textContent();

  // Renewing says the new expiry before it is confirmed: the date the license then shows.
  await staff.getByRole("button", { name: "Renew license", exact: true }).click();
  const renewal = staff.getByRole("alertdialog", { name: "Renew license?" });
  await expect(renewal.getByRole("button", { name: "Keep current expiry" })).toBeVisible();
  const consequence = await renewal.getByTestId("action-consequence").textContent();
  const renewedOn = consequence?.match(/^The license will expire on (.+) instead of .+\.$/)?.[1];
  expect(renewedOn).toBeTruthy();
  await renewal.getByRole("button", { name: "Renew license", exact: true }).click();
  await expect(renewal).toBeHidden();
  await expect(staff.getByTestId("expiry-countdown")).not.toHaveText(before ?? "");
  await expect(staff.getByRole("region", { name: "License" })).toContainText(renewedOn ?? "—");

  // Cancelling names both choices: keeping the license leaves it as it was.
  await staff.getByRole("button", { name: "Cancel license", exact: true }).click();
  const cancelling = staff.getByRole("alertdialog", { name: "Cancel license?" });
  await expect(cancelling.getByTestId("action-consequence")).toContainText("Cancelling is final");
  await expect(cancelling.getByRole("button")).toHaveText(["Keep license", "Cancel license"]);
  await cancelling.getByRole("button", { name: "Keep license" }).click();
  await expect(cancelling).toBeHidden();
  await expect(staff.getByText("Active", { exact: true }).first()).toBeVisible();
  await expect(staff.getByRole("cell", { name: "License renewed", exact: true })).toBeVisible();

  const validation = await staff.request.post("/api/v1/licenses/validate", { data: { key } });
  expect(await validation.json()).toMatchObject({ valid: true, code: "VALID" });

  const owner = await (await browser.newContext()).newPage();
  await signIn(owner, "owner@globex.test");
  await owner.getByRole("link", { name: "License", exact: true }).click();
  await expect(owner.getByRole("heading", { name: "License", level: 1 })).toBeVisible();
  await expect(owner.getByText("Professional", { exact: true })).toBeVisible();
  await expect(owner.getByTestId("expiry-countdown")).toContainText("days left");
  await expect(owner.getByText("SSO")).toBeVisible();
  await expectAccessible(owner);

  const download = owner.waitForEvent("download");
  await owner.getByRole("button", { name: "Download offline token" }).click();
  expect((await download).suggestedFilename()).toBe("tessera-license.jwt");

  await owner.getByRole("button", { name: "Rotate key" }).click();
  await owner.getByRole("alertdialog").getByLabel("Immediately").check();
  await owner.getByRole("alertdialog").getByRole("button", { name: "Rotate key" }).click();
  await expect(owner.getByTestId("old-key-expiry")).toHaveText("The old key stopped working now.");
  const newKey = await owner.getByTestId("revealed-key").textContent();
  expect(newKey).not.toBe(key);
  const old = await owner.request.post("/api/v1/licenses/validate", { data: { key } });
  expect(await old.json()).toMatchObject({ valid: false, code: "NOT_FOUND" });
});
