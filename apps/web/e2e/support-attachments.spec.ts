import { expect, test } from "@playwright/test";
import { expectAccessible, openPortalTicket, signIn, unique } from "./helpers.ts";

/** A 1×1 transparent PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);
const TEXT = Buffer.from("GET /api/v1/usage → 503\nretried 3 times\n", "utf8");

test("a customer attaches a PNG and a text file to a reply; staff see and download them", async ({
  browser,
}) => {
  test.slow(); // two browsers, two sign-ins and four axe passes
  const id = unique();
  const subject = `Charts missing ${id}`;
  const replyText = `Screenshot and log attached ${id}`;

  const owner = await (await browser.newContext()).newPage();
  await signIn(owner, "owner@northwind.test");
  await owner.getByRole("link", { name: "Tickets", exact: true }).click();
  const { reference } = await openPortalTicket(owner, {
    subject,
    description: "The usage charts are empty since this morning.",
  });

  // Both files upload as soon as they are chosen; the reply then carries them.
  await owner.getByLabel("Attach files").setInputFiles([
    { name: "chart.png", mimeType: "image/png", buffer: PNG },
    { name: "requests.txt", mimeType: "text/plain", buffer: TEXT },
  ]);
  const toSend = owner.getByRole("list", { name: "Files to send" });
  await expect(toSend.getByRole("listitem").filter({ hasText: "Ready" })).toHaveCount(2);
  await expectAccessible(owner);
  await owner.getByRole("textbox", { name: "Message" }).fill(replyText);
  await owner.getByRole("button", { name: "Send reply" }).click();
  await expect(owner.getByText("Reply sent.")).toBeVisible();
  await expect(toSend).toHaveCount(0);
  const ownerMessage = owner.getByRole("listitem").filter({ hasText: replyText });
  await expect(ownerMessage.getByRole("link", { name: /chart\.png/ })).toContainText(`${PNG.length} B`);
  await expect(ownerMessage.getByRole("link", { name: /requests\.txt/ })).toBeVisible();

  // Staff find the same files under the customer's message and download them.
  const agent = await (await browser.newContext()).newPage();
  await signIn(agent, "support@tessera.test");
  await agent.getByRole("link", { name: "Support", exact: true }).click();
  await agent
    .getByRole("row", { name: new RegExp(reference) })
    .getByRole("link", { name: reference })
    .click();
  const agentMessage = agent.getByRole("listitem").filter({ hasText: replyText });
  const textLink = agentMessage.getByRole("link", { name: /requests\.txt/ });
  await expect(textLink).toBeVisible();
  await expectAccessible(agent);

  const download = agent.waitForEvent("download");
  await textLink.click();
  expect((await download).suggestedFilename()).toBe("requests.txt");

  const href = (await agentMessage.getByRole("link", { name: /chart\.png/ }).getAttribute("href")) ?? "";
  const response = await agent.request.get(href);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/png");
  expect(response.headers()["content-disposition"]).toBe(
    `attachment; filename="chart.png"; filename*=UTF-8''chart.png`,
  );
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response.headers()["content-security-policy"]).toBe("sandbox; default-src 'none'");
  expect(Buffer.from(await response.body())).toEqual(PNG);
});
