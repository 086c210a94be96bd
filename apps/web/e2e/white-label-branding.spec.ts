import { type Browser, expect, type Page, test } from "@playwright/test";
import { expectAccessible, signIn, unique } from "./helpers.ts";
import { linkMailedTo } from "./test-mail.ts";

// Each test brands an organisation of its own, so no other spec sees (or changes) its look.
// The file runs after dashboard.spec (files run in name order), whose seeded counts these
// new organisations would change.

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
const TESSERA_PRIMARY = "#4f46e5";

const brandPrimary = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--brand-primary").trim());

/** Staff create an organisation on an active PROFESSIONAL license; its owner joins and opens Branding. */
const ownerOfNewOrganisation = async (browser: Browser) => {
  const id = unique();
  const name = `Brandwell ${id}`;
  const ownerName = `Bea Brandwell ${id}`;
  const ownerEmail = `bea@brandwell-${id}.test`;
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, "admin@tessera.test");
  await staff.getByRole("link", { name: "Organisations", exact: true }).click();
  await staff.getByRole("link", { name: "New organisation" }).click();
  await staff.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await staff.getByLabel("Slug").fill(`brandwell-${id}`);
  await staff.getByLabel("Contact name").fill(ownerName);
  await staff.getByLabel("Contact email").fill(ownerEmail);
  await staff.getByLabel("Owner name").fill(ownerName);
  await staff.getByLabel("Owner email").fill(ownerEmail);
  await staff.getByRole("button", { name: "Create organisation" }).click();
  await expect(staff.getByRole("heading", { name, level: 1 })).toBeVisible();
  await staff.getByRole("tab", { name: "Licenses" }).click();
  await staff.getByRole("link", { name: "Create one" }).click();
  await staff.getByLabel("Find organisation").fill(`brandwell-${id}`);
  await staff.getByLabel("Organisation", { exact: true }).selectOption({ label: name });
  await staff.getByLabel("Tier", { exact: true }).selectOption("PROFESSIONAL");
  await staff.getByRole("button", { name: "Create license" }).click();
  await staff.getByRole("link", { name: "Open the license" }).click();
  await staff.getByRole("button", { name: "Activate license", exact: true }).click();
  await staff.getByRole("alertdialog").getByRole("button", { name: "Activate license", exact: true }).click();
  await expect(staff.getByText("Active", { exact: true }).first()).toBeVisible();
  await staff.context().close();

  const owner = await (await browser.newContext()).newPage();
  await owner.goto(await linkMailedTo(ownerEmail, "/accept-invitation"));
  await owner.getByLabel("Choose a password").fill("correct-horse-battery");
  await owner.getByRole("button", { name: "Join" }).click();
  await expect(owner).toHaveURL(/\/portal$/);
  await owner.goto("/portal/settings/branding");
  await expect(owner.getByRole("region", { name: "Branding" })).toBeVisible();
  return { owner, ownerName };
};

const whiteLabelSwitch = (page: Page) => page.getByRole("switch", { name: /Show our branding/ });

test("Save waits for a logo upload still running, and the saved branding keeps the logo", async ({
  browser,
}) => {
  const { owner } = await ownerOfNewOrganisation(browser);
  // Hold the upload until the test lets it go, so Save is pressed while it runs.
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await owner.route(/\/trpc\/whiteLabel\.uploadLogo/, async (route) => {
    await held;
    await route.continue();
  });
  await owner.getByLabel("Or upload a file").setInputFiles({
    name: "logo.png",
    mimeType: "image/png",
    buffer: PNG,
  });
  const save = owner.getByRole("button", { name: "Save branding" });
  await expect(owner.getByText("Uploading logo…", { exact: true })).toBeVisible();
  await expect(save).toBeDisabled();
  await expect(save).toHaveAccessibleDescription(/Uploading logo…/);
  await expectAccessible(owner);

  release();
  await expect(owner.getByRole("img", { name: "Uploaded logo" })).toBeVisible();
  await expect(save).toBeEnabled();
  await expect(owner.getByText("Uploading logo…", { exact: true })).toHaveCount(0);
  await save.click();
  await expect(owner.getByText(/^Branding saved\./)).toBeVisible();

  await owner.reload();
  await expect(owner.getByRole("img", { name: "Uploaded logo" })).toBeVisible();
});

test("the preview shows the colour being typed on its active tab, and the signed-in user's name", async ({
  browser,
}) => {
  const { owner, ownerName } = await ownerOfNewOrganisation(browser);
  const preview = owner.getByTestId("branding-preview");
  await expect(preview).toContainText(ownerName);
  const activeTab = preview.getByText("Organisation", { exact: true });
  const primary = owner.getByRole("textbox", { name: "Primary colour", exact: true });

  await primary.fill("#0f766e");
  await expect(activeTab).toHaveCSS("border-bottom-color", "rgb(15, 118, 110)");
  await expect(activeTab).toHaveCSS("color", "rgb(15, 118, 110)");
  await primary.fill("#b91c1c");
  await expect(activeTab).toHaveCSS("color", "rgb(185, 28, 28)");
  // Nothing saved: the portal itself still wears Tessera's colours.
  expect(await brandPrimary(owner)).toBe(TESSERA_PRIMARY);
  await expectAccessible(owner);
});

test("a field's message goes once its value is fixed, while another field's stays until it is", async ({
  browser,
}) => {
  const { owner } = await ownerOfNewOrganisation(browser);
  const company = owner.getByRole("textbox", { name: "Company name" });
  const primary = owner.getByRole("textbox", { name: "Primary colour", exact: true });
  await company.fill("");
  await primary.fill("#12");
  await owner.getByRole("button", { name: "Save branding" }).click();
  await expect(company).toHaveAttribute("aria-invalid", "true");
  await expect(primary).toHaveAttribute("aria-invalid", "true");
  const primaryMessage = (await primary.getAttribute("aria-describedby"))?.split(" ")[0] ?? "";
  await expect(owner.locator(`[id="${primaryMessage}"]`)).toBeVisible();

  await primary.fill("#123456");
  await expect(primary).toHaveAttribute("aria-invalid", "false");
  await expect(owner.locator(`[id="${primaryMessage}"]`)).toHaveCount(0);
  // Still wrong, so still said; and a value still invalid after an edit keeps its message.
  await expect(company).toHaveAttribute("aria-invalid", "true");
  await primary.fill("#1234");
  await expect(primary).toHaveAttribute("aria-invalid", "true");

  await company.fill("Brandwell Learning");
  await primary.fill("#123456");
  await expect(company).toHaveAttribute("aria-invalid", "false");
  await expect(primary).toHaveAttribute("aria-invalid", "false");
  await expectAccessible(owner);
});

test("with the switch Off, the first save keeps white-label off; switched On first, it shows", async ({
  browser,
}) => {
  // Two organisations set up from scratch (staff, license, a mailed invitation each): over the default minute on a busy machine.
  test.setTimeout(150_000);
  const off = (await ownerOfNewOrganisation(browser)).owner;
  await expect(whiteLabelSwitch(off)).not.toBeChecked();
  await off.getByRole("textbox", { name: "Company name" }).fill("Quiet Brand");
  await off.getByRole("textbox", { name: "Primary colour", exact: true }).fill("#0f766e");
  await off.getByRole("button", { name: "Save branding" }).click();
  await expect(off.getByText("It shows once white-label is switched on.")).toBeVisible();
  await expect(whiteLabelSwitch(off)).not.toBeChecked();
  await off.reload();
  await expect(whiteLabelSwitch(off)).not.toBeChecked();
  await expect(off.getByTestId("brand-bar").getByTestId("brand-name")).toHaveText("Tessera");
  expect(await brandPrimary(off)).toBe(TESSERA_PRIMARY);
  // The saved branding is kept: it is what the form shows.
  await expect(off.getByRole("textbox", { name: "Company name" })).toHaveValue("Quiet Brand");

  const on = (await ownerOfNewOrganisation(browser)).owner;
  await whiteLabelSwitch(on).check();
  await expect(on.getByText("Showing your branding")).toBeVisible();
  await on.getByRole("textbox", { name: "Company name" }).fill("Loud Brand");
  await on.getByRole("textbox", { name: "Primary colour", exact: true }).fill("#0f766e");
  await on.getByRole("button", { name: "Save branding" }).click();
  await expect(on.getByText("The portal shows it now.")).toBeVisible();
  await on.reload();
  await expect(whiteLabelSwitch(on)).toBeChecked();
  await expect(on.getByTestId("brand-bar").getByTestId("brand-name")).toHaveText("Loud Brand");
  await expect.poll(() => brandPrimary(on)).toBe("#0f766e");
});
