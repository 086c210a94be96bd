import { describe, expect, it } from "vitest";
import { clearedSessionCookie, readCookie, sessionCookie } from "./cookie.ts";

describe("session cookie", () => {
  it("is httpOnly, SameSite=Lax, path-wide, Secure only over TLS", () => {
    expect(sessionCookie("t", 60, false)).toBe(
      "tessera_session=t; Path=/; HttpOnly; SameSite=Lax; Max-Age=60",
    );
    expect(sessionCookie("t", 60, true)).toMatch(/; Secure$/);
    expect(clearedSessionCookie(false)).toMatch(/Max-Age=0/);
  });
  it.each([
    ["a=1; tessera_session=abc; b=2", "abc"],
    ["tessera_session=x%3Dy", "x=y"],
    ["other=1", null],
    [undefined, null],
  ])("reads %j", (header, expected) => expect(readCookie(header, "tessera_session")).toBe(expected));
});
