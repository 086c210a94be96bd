import { describe, expect, it } from "vitest";
import { mailWanted, nextMailAttempt, OPTIONAL_MAIL_CATEGORIES } from "./policy.ts";

const now = new Date("2026-06-01T12:00:00Z");
const delay = (attempts: number, code: number | null = null) =>
  ((nextMailAttempt(attempts, now, code)?.getTime() ?? now.getTime()) - now.getTime()) / 1000;

describe("mail retries", () => {
  it("back off over five retries, then give up", () => {
    expect([1, 2, 3, 4, 5].map((n) => delay(n))).toEqual([60, 300, 1800, 7200, 21_600]);
    expect(nextMailAttempt(6, now, null)).toBeNull();
  });

  it("retry a temporary refusal (4xx) but not a permanent one (5xx)", () => {
    expect(delay(1, 451)).toBe(60);
    expect(nextMailAttempt(1, now, 550)).toBeNull();
    expect(nextMailAttempt(1, now, 500)).toBeNull();
  });
});

describe("mail preferences", () => {
  it("send security mails whatever was chosen, others unless switched off", () => {
    expect(mailWanted("SECURITY", false)).toBe(true);
    expect(mailWanted("SUPPORT", false)).toBe(false);
    expect(mailWanted("SUPPORT", undefined)).toBe(true);
    expect(mailWanted("USAGE", true)).toBe(true);
    expect(OPTIONAL_MAIL_CATEGORIES).not.toContain("SECURITY");
  });
});
