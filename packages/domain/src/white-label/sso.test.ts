import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { CreateScimTokenInput } from "../scim/inputs.ts";
import {
  emailDomainAllowed,
  emailDomainOf,
  keepsPasswordUnderSso,
  requireSecureUrl,
  SsoInput,
} from "./sso.ts";
import { SSO_TEST_TTL_MS, SsoTestQueryInput } from "./sso-test.ts";
import { SsoSettingsValue } from "./stored-values.ts";

const PEM = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----";
const issuesOf = (input: unknown) =>
  (SsoInput.safeParse(input).error?.issues ?? []).map((issue) => `${issue.path.join(".")}: ${issue.message}`);

describe("SAML input: metadata, or the three values by hand", () => {
  it("pasted metadata or a metadata URL needs nothing else; the defaults are off, MEMBER, not enforced", () => {
    for (const source of [
      { metadataXml: "<EntityDescriptor/>" },
      { metadataUrl: "https://idp.example.com/md" },
    ]) {
      const parsed = SsoInput.parse({ protocol: "SAML", allowedDomains: ["example.com"], ...source });
      expect(parsed).toMatchObject({ enforced: false, jitProvisioning: false, defaultRole: "MEMBER" });
    }
  });

  it("without metadata, each missing value is named", () => {
    expect(issuesOf({ protocol: "SAML", allowedDomains: ["example.com"] })).toEqual([
      "entityId: is required without metadataXml or metadataUrl",
      "ssoUrl: is required without metadataXml or metadataUrl",
      "certificate: is required without metadataXml or metadataUrl",
    ]);
    expect(
      issuesOf({
        protocol: "SAML",
        allowedDomains: ["example.com"],
        entityId: "https://idp.example.com",
        ssoUrl: "https://idp.example.com/sso",
      }),
    ).toEqual(["certificate: is required without metadataXml or metadataUrl"]);
  });

  it("a certificate must be PEM, a URL http(s), a role MEMBER or ADMIN", () => {
    const manual = {
      protocol: "SAML",
      allowedDomains: ["example.com"],
      entityId: "https://idp.example.com",
      ssoUrl: "https://idp.example.com/sso",
      certificate: PEM,
    };
    expect(issuesOf(manual)).toEqual([]);
    expect(issuesOf({ ...manual, certificate: "not a certificate" })).toEqual([
      "certificate: must be a PEM X.509 certificate (-----BEGIN CERTIFICATE-----)",
    ]);
    expect(issuesOf({ ...manual, ssoUrl: "ftp://idp.example.com" })).toEqual([
      "ssoUrl: must be an https:// URL",
    ]);
    expect(issuesOf({ ...manual, defaultRole: "OWNER" })).toHaveLength(1);
    expect(SsoInput.parse({ ...manual, jitProvisioning: true, defaultRole: "ADMIN" })).toMatchObject({
      jitProvisioning: true,
      defaultRole: "ADMIN",
    });
  });
});

describe("URLs the server or the browser is sent to", () => {
  it("https always; plain http only to loopback and only where allowed, naming the field", () => {
    expect(() => requireSecureUrl("ssoUrl", "https://idp.example.com", false)).not.toThrow();
    expect(() => requireSecureUrl("ssoUrl", "http://127.0.0.1:8080/sso", true)).not.toThrow();
    expect(() => requireSecureUrl("ssoUrl", "http://localhost/sso", true)).not.toThrow();
    for (const [value, allowed] of [
      ["http://127.0.0.1:8080/sso", false],
      ["http://127.0.0.1.evil.example/sso", true],
      ["http://idp.example.com", true],
    ] as const) {
      let thrown: unknown;
      try {
        requireSecureUrl("ssoUrl", value, allowed);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(DomainError);
      expect((thrown as DomainError).details.field).toBe("ssoUrl");
    }
  });
});

describe("email domains", () => {
  it("the part after the last @, lower-cased, must be listed", () => {
    expect(emailDomainOf("Ann@Example.COM")).toBe("example.com");
    expect(emailDomainOf('"a@b"@school.example')).toBe("school.example");
    expect(emailDomainAllowed("ann@EXAMPLE.com", ["example.com"])).toBe(true);
    expect(emailDomainAllowed("ann@sub.example.com", ["example.com"])).toBe(false);
  });
});

describe("stored SSO records", () => {
  it("records saved before just-in-time provisioning read as off, MEMBER", () => {
    const stored = SsoSettingsValue.parse({
      protocol: "OIDC",
      issuer: "https://id.example.com",
      clientId: "tessera",
      allowedDomains: ["example.com"],
      enforced: true,
    });
    expect(stored).toMatchObject({ jitProvisioning: false, defaultRole: "MEMBER", enforced: true });
    expect(SsoSettingsValue.safeParse({ ...stored, protocol: "SAML" }).success).toBe(false);
  });
});

describe("connection tests and SCIM tokens", () => {
  it("a test is read by its id or, without one, the latest; it answers within ten minutes", () => {
    expect(SsoTestQueryInput.parse({})).toEqual({});
    expect(SsoTestQueryInput.safeParse({ testId: "nope" }).error?.issues[0]?.message).toBe(
      "must be a connection test id",
    );
    expect(SSO_TEST_TTL_MS).toBe(600_000);
  });

  it("a SCIM token needs a name of at most 100 characters", () => {
    expect(CreateScimTokenInput.parse({ name: "  Okta  " }).name).toBe("Okta");
    expect(CreateScimTokenInput.safeParse({ name: "" }).error?.issues[0]?.message).toBe("is required");
    expect(CreateScimTokenInput.safeParse({ name: "x".repeat(101) }).success).toBe(false);
  });
});

describe("break-glass", () => {
  it("only owners keep their password under SSO enforcement", () => {
    expect(keepsPasswordUnderSso("OWNER")).toBe(true);
    for (const role of ["ADMIN", "MEMBER", ""]) expect(keepsPasswordUnderSso(role)).toBe(false);
  });
});
