import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestHarness, errorCode, errorField, type TestHarness } from "./harness.ts";

let h: TestHarness;
beforeAll(async () => {
  h = await createTestHarness();
});
afterAll(() => h.close());

describe("date preferences", () => {
  it("start by following the browser, are saved per person and follow them to another session", async () => {
    const member = await h.caller("memberA");
    expect(await member.datePreferences.get()).toEqual({ timeZone: null, dateFormat: null });
    const saved = await member.datePreferences.set({ timeZone: "asia/tokyo", dateFormat: "yyyy-MM-dd" });
    expect(saved).toEqual({ timeZone: "Asia/Tokyo", dateFormat: "yyyy-MM-dd" });
    expect(await (await h.caller("memberA")).datePreferences.get()).toEqual(saved);
    // another person's stay theirs
    expect(await (await h.caller("staffSupport")).datePreferences.get()).toEqual({
      timeZone: null,
      dateFormat: null,
    });
    await member.datePreferences.set({ timeZone: null, dateFormat: null });
    expect(await member.datePreferences.get()).toEqual({ timeZone: null, dateFormat: null });
  });

  it("refuse an unknown zone or format with a 400 naming the field, and keep what was saved", async () => {
    const owner = await h.caller("ownerA");
    await owner.datePreferences.set({ timeZone: "Europe/Berlin", dateFormat: "dd/MM/yyyy" });
    const unknownZone = owner.datePreferences.set({ timeZone: "Europe/Atlantis", dateFormat: null });
    expect(await errorCode(unknownZone)).toBe("VALIDATION_FAILED");
    expect(await errorField(owner.datePreferences.set({ timeZone: "+01:00", dateFormat: null }))).toBe(
      "timeZone",
    );
    const unknownFormat = owner.datePreferences.set({ timeZone: null, dateFormat: "yy.M.d" as never });
    expect(await errorField(unknownFormat)).toBe("dateFormat");
    expect(await owner.datePreferences.get()).toEqual({
      timeZone: "Europe/Berlin",
      dateFormat: "dd/MM/yyyy",
    });
  });
});
