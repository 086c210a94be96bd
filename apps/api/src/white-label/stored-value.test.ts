import { describe, expect, it } from "vitest";
import { storedValue } from "./stored-value.ts";

const oidc = {
  protocol: "OIDC",
  issuer: "https://id.example.com",
  clientId: "tessera",
  allowedDomains: ["a.test"],
  enforced: false,
};
const integration = {
  name: "Helpdesk",
  url: "https://hooks.example.com/x",
  events: ["ticket.created"],
  enabled: true,
};

describe("storedValue", () => {
  it("happy: a value of its kind's shape comes back typed, unknown keys dropped", () => {
    // a record saved before just-in-time provisioning reads as "off"
    expect(storedValue("SSO", { ...oidc, leftover: 1 })).toEqual({
      ...oidc,
      jitProvisioning: false,
      defaultRole: "MEMBER",
    });
    expect(storedValue("INTEGRATION", integration)).toEqual(integration);
  });

  const corrupt: [Parameters<typeof storedValue>[0], unknown, string][] = [
    ["SSO", { ...oidc, protocol: "SAML" }, "a SAML record without its certificate"],
    ["SSO", { ...oidc, enforced: "yes" }, "a flag stored as text"],
    ["INTEGRATION", { ...integration, events: ["ticket.deleted"] }, "an event type that does not exist"],
    ["DOMAIN", { hostname: "portal.a.test", status: "VERIFIED" }, "a domain without its proof token"],
  ];
  it.each(corrupt)("error: %s value refused where it is read: %j (%s)", (kind, value) => {
    expect(() => storedValue(kind, value)).toThrow();
  });
});
