import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { CLAIM_EXPIRY_DAYS, claimExpired } from "./domains.ts";
import { normalizeSsoDomain } from "./sso-domains.ts";

const ours = ["tessera.app", "tessera.dev"];

const refusal = (raw: string) => {
  try {
    normalizeSsoDomain(raw, ours);
    return null;
  } catch (error) {
    return error instanceof DomainError
      ? { code: error.code, field: error.details.field }
      : "not a DomainError";
  }
};

describe("SSO email domains", () => {
  it("keeps a customer's own domain, lower-case, reserved test names included", () => {
    expect(normalizeSsoDomain(" Acme-Academy.COM. ", ours)).toBe("acme-academy.com");
    expect(normalizeSsoDomain("eu.acme.co.uk", ours)).toBe("eu.acme.co.uk");
    expect(normalizeSsoDomain("northwind.test", ours)).toBe("northwind.test");
  });

  it.each([
    "gmail.com",
    "GMAIL.com",
    "mail.gmail.com",
    "outlook.com",
    "yahoo.com",
    "icloud.com",
    "hotmail.com",
    "proton.me",
    "tessera.app",
    "sso.tessera.dev",
    "co.uk",
    "test",
    "192.0.2.1",
    "https://acme.com",
    "ann@acme.com",
  ])("refuses %s naming the field", (raw) => {
    expect(refusal(raw)).toEqual({ code: "VALIDATION_FAILED", field: "domain" });
  });

  it("names the field it was given", () => {
    expect(() => normalizeSsoDomain("gmail.com", ours, "allowedDomains.1")).toThrowError(
      expect.objectContaining({ details: { field: "allowedDomains.1" } }),
    );
  });

  it(`an unverified claim expires ${CLAIM_EXPIRY_DAYS} days after it was set, not before`, () => {
    const setAt = new Date("2026-01-01T00:00:00Z");
    const day = 86_400_000;
    expect(claimExpired(setAt, new Date(setAt.getTime() + CLAIM_EXPIRY_DAYS * day - 1))).toBe(false);
    expect(claimExpired(setAt, new Date(setAt.getTime() + CLAIM_EXPIRY_DAYS * day))).toBe(true);
  });
});
