import { expect, test } from "@playwright/test";
import { signIn, unique } from "./helpers.ts";

test("a refused form focuses its first invalid field and names what is wrong, whether the browser or the API refused it", async ({
  page,
}) => {
  await signIn(page, "admin@tessera.test");
  await expect(page).toHaveURL(/\/console$/);
  await page.goto("/console/organizations/new");
  const name = page.getByRole("textbox", { name: "Name", exact: true });
  const slug = page.getByRole("textbox", { name: "Slug" });
  const contactEmail = page.getByRole("textbox", { name: "Contact email" });

  // Checked in the browser with the API's schema: nothing is sent, the first invalid field has the focus.
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(name).toHaveAccessibleDescription(/\S/);
  await expect(slug).toHaveAttribute("aria-invalid", "true");

  // A later field alone: the focus goes to it, and its message says what is wrong.
  const id = unique();
  await name.fill(`Forms ${id}`);
  await slug.fill(`forms-${id}`);
  await page.getByRole("textbox", { name: "Contact name" }).fill("Fay Forms");
  await contactEmail.fill("not an address");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(contactEmail).toBeFocused();
  await expect(contactEmail).toHaveAccessibleDescription(/email/);
  await expect(name).toHaveAttribute("aria-invalid", "false");

  // Only the API knows the slug is taken: its answer lands on the slug field, which takes the focus.
  await contactEmail.fill(`fay@forms-${id}.test`);
  await slug.fill("northwind");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(slug).toBeFocused();
  await expect(slug).toHaveAttribute("aria-invalid", "true");
  await expect(slug).toHaveAccessibleDescription(/The slug "northwind" is already in use/);
  await expect(page).toHaveURL(/\/console\/organizations\/new$/);
});
