import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { entitlementsFor } from "../licenses/tiers.ts";
import { BrandingInput } from "./branding.ts";
import { brandingCssVariables, brandingWarnings } from "./branding-look.ts";
import { contrastRatio } from "./contrast.ts";
import { customizationGate, requireCustomizationAllowed } from "./customizations.ts";
import { judgeDomainCheck, normalizeCustomDomain } from "./domains.ts";
import { deliverySucceeded, nextWebhookAttempt, webhookEventForAuditAction } from "./integrations.ts";
import { checkLogoBytes, sniffLogoType } from "./logo.ts";
import { emailDomainAllowed, requireSecureUrl } from "./sso.ts";

/** Bytes of an ASCII string (the package has no Node or DOM types). */
const ascii = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));

const fieldOf = (fn: () => unknown) => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.details.field : "not a DomainError";
  }
};

describe("contrast", () => {
  it("matches the WCAG reference values", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBeCloseTo(1, 5);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
    expect(contrastRatio("#fff", "#000")).toBeCloseTo(21, 5);
  });

  it("warns on a primary or secondary colour too light for white text, not on dark ones", () => {
    expect(brandingWarnings({ primaryColor: "#4f46e5", secondaryColor: "#1e1b4b" })).toEqual([]);
    const warnings = brandingWarnings({ primaryColor: "#fde68a", secondaryColor: "#777777" });
    expect(warnings.map((warning) => [warning.field, warning.code])).toEqual([
      ["primaryColor", "LOW_CONTRAST"],
      ["secondaryColor", "LOW_CONTRAST"],
    ]);
    expect(warnings[1]?.ratio).toBe(4.48);
  });
});

describe("branding input", () => {
  it("normalises hex colours to lower-case and exposes them as CSS variables", () => {
    const parsed = BrandingInput.parse({
      companyName: " Acme ",
      primaryColor: "#ABC",
      secondaryColor: "#0F172A",
      accentColor: "#f59e0b",
    });
    expect(parsed).toMatchObject({ companyName: "Acme", primaryColor: "#aabbcc", secondaryColor: "#0f172a" });
    expect(brandingCssVariables(parsed)).toEqual({
      "--brand-primary": "#aabbcc",
      "--brand-secondary": "#0f172a",
      "--brand-accent": "#f59e0b",
    });
  });

  it.each([
    [{ primaryColor: "red" }, "primaryColor"],
    [{ accentColor: "#12345" }, "accentColor"],
    [{ logoUrl: "http://cdn.example.com/a.png" }, "logoUrl"],
    [{ logoUrl: "javascript:alert(1)" }, "logoUrl"],
  ])("refuses %o naming %s", (change, field) => {
    const result = BrandingInput.safeParse({
      companyName: "Acme",
      primaryColor: "#111111",
      secondaryColor: "#222222",
      accentColor: "#333333",
      ...change,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path.join(".")).toBe(field);
  });
});

describe("logo bytes", () => {
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
  const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]);
  const svg = ascii('<?xml version="1.0"?>\n<!-- logo -->\n<svg xmlns="http://www.w3.org/2000/svg"/>');

  it("tells the type from the bytes, not the name", () => {
    expect(sniffLogoType(png)).toBe("image/png");
    expect(sniffLogoType(jpeg)).toBe("image/jpeg");
    expect(sniffLogoType(svg)).toBe("image/svg+xml");
    expect(sniffLogoType(ascii("<html><svg/></html>"))).toBeNull();
  });

  it("refuses empty, oversized and mislabelled files naming the field", () => {
    expect(fieldOf(() => checkLogoBytes(new Uint8Array(), "image/png"))).toBe("dataBase64");
    const big = new Uint8Array(256 * 1024 + 1);
    big.set(png);
    expect(fieldOf(() => checkLogoBytes(big, "image/png"))).toBe("dataBase64");
    expect(fieldOf(() => checkLogoBytes(png, "image/svg+xml"))).toBe("contentType");
    expect(checkLogoBytes(png, "image/png")).toBe("image/png");
  });
});

describe("custom domain names", () => {
  const ours = ["tessera.app", "tessera.dev"];
  it("normalises case, whitespace and the trailing dot", () => {
    expect(normalizeCustomDomain("  Learn.Acme-Academy.COM. ", ours)).toBe("learn.acme-academy.com");
    expect(normalizeCustomDomain("acme.co.uk", ours)).toBe("acme.co.uk");
  });

  it.each([
    "localhost",
    "192.0.2.1",
    "intranet.local",
    "co.uk",
    "tessera.app",
    "acme.tessera.dev",
    "-bad-.example.com",
    "has space.com",
    "a.b/c",
  ])("refuses %s", (hostname) => {
    expect(fieldOf(() => normalizeCustomDomain(hostname, ours))).toBe("hostname");
  });

  it("judges a DNS answer: the exact token verifies, anything else fails with the evidence", () => {
    expect(judgeDomainCheck("a.example.com", "t0k", { records: ["tessera-verification=t0k"] }).status).toBe(
      "VERIFIED",
    );
    const wrong = judgeDomainCheck("a.example.com", "t0k", { records: ["tessera-verification=other"] });
    expect(wrong).toEqual({
      status: "FAILED",
      reason:
        'TXT records at _tessera.a.example.com do not hold the token: found "tessera-verification=other"',
    });
    expect(judgeDomainCheck("a.example.com", "t0k", { error: "ENOTFOUND" }).reason).toBe(
      "No TXT record found at _tessera.a.example.com (ENOTFOUND)",
    );
    expect(judgeDomainCheck("a.example.com", "t0k", { error: "ETIMEOUT" }).reason).toContain(
      "failed (ETIMEOUT)",
    );
  });
});

describe("tier gates", () => {
  it("name the lowest tier that includes the kind", () => {
    const starter = entitlementsFor({ tier: "STARTER" });
    expect(customizationGate(starter, "BRANDING")).toMatchObject({ allowed: true });
    expect(customizationGate(starter, "DOMAIN")).toMatchObject({
      allowed: false,
      requiredTier: "PROFESSIONAL",
    });
    expect(customizationGate(null, "BRANDING").allowed).toBe(false);
    try {
      requireCustomizationAllowed(starter, "INTEGRATION");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe("TIER_FEATURE_REQUIRED");
      expect((error as DomainError).details).toMatchObject({
        requiredTier: "ENTERPRISE",
        currentTier: "STARTER",
      });
    }
  });

  it("CUSTOM allows exactly the features its license lists", () => {
    const custom = entitlementsFor({ tier: "CUSTOM", customFeatures: ["SSO", "INTEGRATIONS"] });
    expect(customizationGate(custom, "SSO").allowed).toBe(true);
    expect(customizationGate(custom, "INTEGRATION").allowed).toBe(true);
    expect(customizationGate(custom, "BRANDING").allowed).toBe(false);
  });
});

describe("SSO and webhook helpers", () => {
  it("https only, http to loopback only when allowed", () => {
    expect(fieldOf(() => requireSecureUrl("issuer", "https://id.example.com", false))).toBeUndefined();
    expect(fieldOf(() => requireSecureUrl("issuer", "http://id.example.com", true))).toBe("issuer");
    expect(fieldOf(() => requireSecureUrl("issuer", "http://127.0.0.1:4000", false))).toBe("issuer");
    expect(fieldOf(() => requireSecureUrl("issuer", "http://127.0.0.1:4000", true))).toBeUndefined();
    expect(fieldOf(() => requireSecureUrl("url", "http://127.0.0.1.evil.com/", true))).toBe("url");
  });

  it("matches email domains exactly, not as suffixes", () => {
    expect(emailDomainAllowed("Ann@Acme.com", ["acme.com"])).toBe(true);
    expect(emailDomainAllowed("ann@evilacme.com", ["acme.com"])).toBe(false);
    expect(emailDomainAllowed("ann@sub.acme.com", ["acme.com"])).toBe(false);
  });

  it("retries after 30 s, 2 min, 10 min, 1 h, 6 h, 24 h, then gives up", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    const delays = [1, 2, 3, 4, 5, 6].map(
      (n) => ((nextWebhookAttempt(n, now)?.getTime() ?? 0) - now.getTime()) / 1000,
    );
    expect(delays).toEqual([30, 120, 600, 3600, 21600, 86400]);
    expect(nextWebhookAttempt(7, now)).toBeNull();
    expect([200, 204, 299, 301, 404, 500, null].map(deliverySucceeded)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });

  it("publishes only the public events of the audit log", () => {
    expect(webhookEventForAuditAction("usage.alert_raised")).toBe("usage.alert");
    expect(webhookEventForAuditAction("license.auto_renewed")).toBe("license.renewed");
    expect(webhookEventForAuditAction("ticket.internal_note_added")).toBeNull();
    expect(webhookEventForAuditAction("auth.signed_in")).toBeNull();
  });
});
