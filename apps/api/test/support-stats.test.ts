import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestHarness, type TestHarness } from "./harness.ts";

/**
 * The support medians over uneven data, chosen so that median, minimum and mean all differ: a
 * median swapped for the minimum (or the mean, or a paused span counted) changes the figure.
 */
const MINUTE = 60_000;

let h: TestHarness;
let opened: Date;

beforeAll(async () => {
  h = await createTestHarness();
  // a period no seeded ticket falls in
  h.clock.set(new Date("2027-03-01T09:00:00.000Z"));
  opened = h.clock.now();
  const owner = await h.caller("ownerB");
  const agent = await h.caller("staffSupport");
  const [one, two, three, four] = await Promise.all(
    [1, 2, 3, 4, 5].map((index) =>
      owner.support.create({ subject: `Median ${index}`, description: "x", priority: "LOW" }),
    ),
  );
  if (!one || !two || !three || !four) throw new Error("tickets not created");
  const atMinute = (minutes: number) => h.clock.set(new Date(opened.getTime() + minutes * MINUTE));
  const respond = (ticketId: string) => agent.support.reply({ ticketId, body: "On it", internal: false });
  const move = (ticketId: string, status: "WAITING_ON_CUSTOMER" | "IN_PROGRESS" | "RESOLVED") =>
    agent.support.updateStatus({ ticketId, status });
  // first responses at 10, 30, 200 and 1000 minutes (the fifth ticket never gets one)
  // resolutions at 60, 350 and 900 minutes, the 350 after 100 minutes waiting on the customer
  atMinute(10);
  await respond(one.id);
  atMinute(30);
  await respond(two.id);
  atMinute(60);
  await move(one.id, "RESOLVED");
  atMinute(200);
  await respond(three.id);
  atMinute(210);
  await move(three.id, "WAITING_ON_CUSTOMER");
  atMinute(310);
  await move(three.id, "IN_PROGRESS");
  atMinute(350);
  await move(three.id, "RESOLVED");
  atMinute(900);
  await move(two.id, "RESOLVED");
  atMinute(1000);
  await respond(four.id);
}, 60_000);
afterAll(() => h.close());

describe("support statistics over uneven data", () => {
  it("median minutes to first response is the middle of an even count, not its minimum (10) or mean (310)", async () => {
    const stats = await (await h.caller("staffAdmin")).support.stats({
      from: new Date(opened.getTime() - MINUTE),
      to: new Date(opened.getTime() + MINUTE),
    });
    expect(stats.period.created).toBe(5);
    // responses at 10, 30, 200, 1000: median (30 + 200) / 2
    expect(stats.medianMinutesToFirstResponse).toBe(115);
  });

  it("median minutes to resolution (an odd count) leaves out time waiting on the customer, not the minimum (60) or mean (403)", async () => {
    const stats = await (await h.caller("staffAdmin")).support.stats({
      from: new Date(opened.getTime() - MINUTE),
      to: new Date(opened.getTime() + MINUTE),
    });
    // resolved after 60, 350 − 100 paused = 250, and 900 minutes: median 250 (350 if the pause counted)
    expect(stats.medianMinutesToResolution).toBe(250);
  });
});
