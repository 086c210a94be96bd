import { expect, type Page, test } from "@playwright/test";
import { expectAccessible, signIn, unique } from "./helpers.ts";
import { publishAddresses, publishCname, publishTxtRecord } from "./test-dns.ts";

// PLATFORM_CNAME_TARGET's default: where customers point their domain.
const TARGET = "domains.tessera.app";

const openDomainPage = async (page: Page) => {
  await signIn(page, "owner@northwind.test");
  await page.getByRole("link", { name: "Settings", exact: true }).click();
  await page.getByRole("link", { name: "Custom domain" }).click();
};

const saveHostname = async (page: Page, hostname: string) => {
  await page.getByRole("textbox", { name: "Hostname" }).fill(hostname);
  await page.getByRole("button", { name: /^(Save|Change) hostname$/ }).click();
  // Exact: once the verifier has looked, the status also names the record ("No TXT record found at …").
  await expect(page.getByText(`_tessera.${hostname}`, { exact: true })).toBeVisible();
};

const verify = (page: Page) => page.getByRole("button", { name: "Verify now" }).click();

test("the domain page gives both records and shows each one's state: proof first, then routing", async ({
  page,
}) => {
  const hostname = `learn-${unique()}.example.com`;
  await openDomainPage(page);
  await saveHostname(page, hostname);
  const table = page.getByRole("table", { name: "DNS records to add" });
  const txtState = page.getByTestId("txt-state");
  const routingState = page.getByTestId("routing-state");
  await expect(table.getByRole("row", { name: /Proof of control TXT/ })).toBeVisible();
  await expect(table.getByRole("row", { name: /Routing CNAME/ })).toContainText(hostname);
  await expect(page.getByTestId("routing-record-value")).toHaveText(TARGET);
  await expect(txtState).toHaveText("Not checked yet");
  await expect(routingState).toHaveText("Not checked yet");
  await expectAccessible(page);

  // The proof alone verifies the domain; the page says it is not routed yet.
  const name = (await page.getByTestId("dns-record-name").textContent()) ?? "";
  const value = (await page.getByTestId("dns-record-value").textContent()) ?? "";
  await publishTxtRecord(name, [value]);
  await verify(page);
  await expect(page.getByTestId("domain-status")).toHaveText("Verified");
  await expect(txtState).toHaveText("OK");
  await expect(routingState).toHaveText("Missing");
  await expect(page.getByText(`${hostname} is verified but not yet routed`)).toBeVisible();

  await publishCname(hostname, "old-site.hosting.example.net");
  await verify(page);
  await expect(routingState).toHaveText("Points elsewhere");
  await expect(
    page.getByText(`${hostname} is a CNAME to old-site.hosting.example.net, not to ${TARGET}`),
  ).toBeVisible();

  await publishCname(hostname, TARGET);
  await verify(page);
  await expect(routingState).toHaveText("OK: routed");
  await expect(page.getByText(`${hostname} is verified and routed`)).toBeVisible();
  await expect(page.getByText(`CNAME ${TARGET}`, { exact: true })).toBeVisible();
  await expectAccessible(page);
});

test("an apex domain is told to use A/AAAA records with the target's addresses", async ({ page }) => {
  const hostname = `apex${unique()}.com`;
  await publishAddresses(TARGET, ["192.0.2.10", "2001:db8::10"]);
  await openDomainPage(page);
  await saveHostname(page, hostname);
  const table = page.getByRole("table", { name: "DNS records to add" });
  await expect(page.getByText("an apex name cannot hold a CNAME")).toBeVisible();
  await expect(table.getByText(`The addresses of ${TARGET}, shown after the first check`)).toBeVisible();

  await publishTxtRecord(`_tessera.${hostname}`, [
    (await page.getByTestId("dns-record-value").textContent()) ?? "",
  ]);
  await verify(page);
  await expect(page.getByTestId("domain-status")).toHaveText("Verified");
  await expect(page.getByTestId("routing-record-value")).toHaveText(["192.0.2.10", "2001:db8::10"]);
  await expect(table.getByRole("row", { name: /Routing AAAA/ })).toBeVisible();
  await expect(page.getByTestId("routing-state")).toHaveText("Missing");

  await publishAddresses(hostname, ["192.0.2.10"]);
  await verify(page);
  await expect(page.getByTestId("routing-state")).toHaveText("OK: routed");
  await expectAccessible(page);
});
