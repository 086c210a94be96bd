import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { auditEvents, brandingAssets, customizations } from "@tessera/db/schema";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiRateLimiter } from "../src/api-keys/api-rate-limiter.ts";
import { createApiKey } from "../src/api-keys/service.ts";
import { rateLimiterFactory } from "../src/rate-limits.ts";
import { addMember } from "../src/team/service.ts";
import { createTestHarness, errorCode, errorField, TEST_PASSWORD, type TestHarness } from "./harness.ts";

let h: TestHarness;
beforeAll(async () => {
  h = await createTestHarness();
});
afterAll(() => h.close());

const DAY = 86_400_000;
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
const GOOD_BRANDING = {
  companyName: "Acme Learning",
  logoUrl: "https://cdn.acme.example/logo.png",
  primaryColor: "#1D4ED8",
  secondaryColor: "#0f172a",
  accentColor: "#f59e0b",
};

let admins = 0;
/** An organisation on the tier with a signed-in OWNER: its caller and id. */
const ownerOn = async (tier: "STARTER" | "PROFESSIONAL" | "ENTERPRISE") => {
  const { organization, license, key } = await h.newLicensedOrganization(tier);
  const user = await addMember(h.system, organization.id, {
    name: "Owner",
    email: `owner${admins++}@${organization.slug}.test`,
    password: TEST_PASSWORD,
    role: "OWNER",
  });
  const caller = await h.callerWithToken(await h.sessionToken(user.id));
  return { caller, organizationId: organization.id, license, key };
};

const rowsOf = async (organizationId: string) =>
  (
    await h.db
      .select({ n: count() })
      .from(customizations)
      .where(eq(customizations.organizationId, organizationId))
  )[0]?.n;
const auditsOf = async (organizationId: string) =>
  (
    await h.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.organizationId, organizationId))
  )[0]?.n;

describe("tier gates", () => {
  it("each kind names the tier it needs: STARTER has branding and API, PROFESSIONAL adds domain and SSO, ENTERPRISE the rest", async () => {
    const starter = await ownerOn("STARTER");
    const config = await starter.caller.whiteLabel.config();
    expect(config.tier).toBe("STARTER");
    expect(
      Object.fromEntries(Object.entries(config.gates).map(([type, gate]) => [type, gate.allowed])),
    ).toEqual({
      BRANDING: true,
      DOMAIN: false,
      SSO: false,
      API: true,
      FEATURE: false,
      INTEGRATION: false,
    });
    expect(config.gates.SSO.requiredTier).toBe("PROFESSIONAL");
    expect(config.gates.INTEGRATION.requiredTier).toBe("ENTERPRISE");

    const refused = async (call: Promise<unknown>, requiredTier: string) => {
      try {
        await call;
        throw new Error("expected TIER_FEATURE_REQUIRED");
      } catch (error) {
        const cause = (error as { cause?: { code?: string; details?: Record<string, unknown> } }).cause;
        expect(cause?.code).toBe("TIER_FEATURE_REQUIRED");
        expect(cause?.details).toMatchObject({ requiredTier, currentTier: "STARTER" });
      }
    };
    await refused(
      starter.caller.whiteLabel.setCustomDomain({ hostname: "learn.acme-learning.com" }),
      "PROFESSIONAL",
    );
    await refused(
      starter.caller.whiteLabel.enableSSO({
        protocol: "OIDC",
        issuer: "https://id.acme.example",
        clientId: "tessera",
        clientSecret: "s3cret",
        allowedDomains: ["acme.example"],
      }),
      "PROFESSIONAL",
    );
    await refused(
      starter.caller.whiteLabel.setFeatureToggle({ key: "beta-editor", enabled: true }),
      "ENTERPRISE",
    );
    await refused(
      starter.caller.whiteLabel.createIntegration({
        name: "Hook",
        url: "https://hooks.acme.example/tessera",
        events: ["ticket.created"],
      }),
      "ENTERPRISE",
    );
    expect(await rowsOf(starter.organizationId)).toBe(1); // the API record the fixture made
  });

  it("an organisation without a license in force may set nothing", async () => {
    const { organization } = await h.newLicensedOrganization("PROFESSIONAL", "SUSPENDED");
    const user = await addMember(h.system, organization.id, {
      name: "Owner",
      email: `suspended@${organization.slug}.test`,
      password: TEST_PASSWORD,
      role: "OWNER",
    });
    const caller = await h.callerWithToken(await h.sessionToken(user.id));
    expect(await errorCode(caller.whiteLabel.setBranding(GOOD_BRANDING))).toBe("TIER_FEATURE_REQUIRED");
  });
});

describe("branding", () => {
  it("saved, shown through the theme as CSS variables, audited with before and after", async () => {
    const { caller, organizationId } = await ownerOn("STARTER");
    await caller.whiteLabel.enableWhiteLabel({ enabled: true });
    const first = await caller.whiteLabel.setBranding(GOOD_BRANDING);
    expect(first.active).toBe(true);
    expect(first.effective).toMatchObject({
      companyName: "Acme Learning",
      primaryColor: "#1d4ed8",
      logoSrc: "https://cdn.acme.example/logo.png",
      cssVariables: {
        "--brand-primary": "#1d4ed8",
        "--brand-secondary": "#0f172a",
        "--brand-accent": "#f59e0b",
      },
      warnings: [],
    });
    const theme = await caller.whiteLabel.theme();
    expect(theme.source).toBe("ORGANIZATION");
    expect(theme.branding.primaryColor).toBe("#1d4ed8");

    await caller.whiteLabel.setBranding({ ...GOOD_BRANDING, primaryColor: "#0f766e" });
    const [event] = await h.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.organizationId, organizationId),
          eq(auditEvents.action, "white_label.branding_set"),
        ),
      )
      .orderBy(auditEvents.seq)
      .offset(1);
    expect(event?.before).toMatchObject({ primaryColor: "#1d4ed8" });
    expect(event?.after).toMatchObject({ primaryColor: "#0f766e" });
  });

  it("warns when white text on the primary colour is below WCAG AA, and still saves", async () => {
    const { caller } = await ownerOn("STARTER");
    const saved = await caller.whiteLabel.setBranding({ ...GOOD_BRANDING, primaryColor: "#fde68a" });
    expect(saved.saved?.warnings).toEqual([
      expect.objectContaining({ field: "primaryColor", ratio: expect.any(Number) }),
    ]);
    expect(saved.saved?.warnings[0]?.ratio).toBeLessThan(4.5);
  });

  it("switched off, the portal shows Tessera's own branding again; the saved one is kept", async () => {
    const { caller } = await ownerOn("STARTER");
    await caller.whiteLabel.enableWhiteLabel({ enabled: true });
    await caller.whiteLabel.setBranding(GOOD_BRANDING);
    const off = await caller.whiteLabel.enableWhiteLabel({ enabled: false });
    expect(off.active).toBe(false);
    expect(off.saved?.companyName).toBe("Acme Learning");
    expect(off.effective.companyName).toBe("Tessera");
    expect((await caller.whiteLabel.theme()).branding.companyName).toBe("Tessera");
  });

  it("saving never moves the switch: the first save with it Off stays off, and later saves keep it", async () => {
    const { caller } = await ownerOn("STARTER");
    expect((await caller.whiteLabel.branding()).enabled).toBe(false);
    const first = await caller.whiteLabel.setBranding(GOOD_BRANDING);
    expect(first).toMatchObject({ enabled: false, active: false, saved: { companyName: "Acme Learning" } });
    expect(first.effective.companyName).toBe("Tessera");
    expect((await caller.whiteLabel.theme()).branding.companyName).toBe("Tessera");
    await caller.whiteLabel.enableWhiteLabel({ enabled: true });
    const again = await caller.whiteLabel.setBranding({ ...GOOD_BRANDING, companyName: "Acme Two" });
    expect(again).toMatchObject({ enabled: true, active: true, effective: { companyName: "Acme Two" } });
  });

  it("switched on before any branding is saved, it starts from Tessera's colours under the organisation's name", async () => {
    const { caller } = await ownerOn("STARTER");
    const on = await caller.whiteLabel.enableWhiteLabel({ enabled: true });
    expect(on.active).toBe(true);
    expect(on.effective.companyName).toMatch(/^Fixture \d+$/);
    expect(on.effective.primaryColor).toBe("#4f46e5");
  });

  it("a member reads the branding but may not change it; another organisation's members never see it", async () => {
    const { caller, organizationId } = await ownerOn("STARTER");
    await caller.whiteLabel.enableWhiteLabel({ enabled: true });
    await caller.whiteLabel.setBranding(GOOD_BRANDING);
    const member = await addMember(h.system, organizationId, {
      name: "Member",
      email: `member-${organizationId.slice(0, 8)}@x.test`,
      password: TEST_PASSWORD,
      role: "MEMBER",
    });
    const memberCaller = await h.callerWithToken(await h.sessionToken(member.id));
    expect((await memberCaller.whiteLabel.branding()).effective.companyName).toBe("Acme Learning");
    expect(await errorCode(memberCaller.whiteLabel.setBranding(GOOD_BRANDING))).toBe("FORBIDDEN");
    const other = await h.caller("ownerB");
    expect((await other.whiteLabel.theme()).branding.companyName).not.toBe("Acme Learning");
  });

  it("an uploaded PNG is stored, served from our origin with its type, and used as the logo", async () => {
    const { caller } = await ownerOn("STARTER");
    const asset = await caller.whiteLabel.uploadLogo({
      contentType: "image/png",
      dataBase64: PNG.toString("base64"),
    });
    expect(asset.contentType).toBe("image/png");
    await caller.whiteLabel.enableWhiteLabel({ enabled: true });
    const saved = await caller.whiteLabel.setBranding({
      ...GOOD_BRANDING,
      logoUrl: undefined,
      logoAssetId: asset.id,
    });
    expect(saved.effective.logoSrc).toBe(`/branding/logos/${asset.id}`);
  });

  it("an SVG is stripped of external references before it is stored", async () => {
    const { caller } = await ownerOn("STARTER");
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"><rect width="10" height="10" fill="#123456"/><image xlink:href="https://tracker.example/pixel.png" width="1" height="1"/><use href="https://evil.example/sprite.svg#a"/></svg>`;
    const asset = await caller.whiteLabel.uploadLogo({
      contentType: "image/svg+xml",
      dataBase64: Buffer.from(svg).toString("base64"),
    });
    const [stored] = await h.db.select().from(brandingAssets).where(eq(brandingAssets.id, asset.id));
    const text = Buffer.from(stored?.dataBase64 ?? "", "base64").toString("utf8");
    expect(text).toContain("<rect");
    expect(text).not.toContain("tracker.example");
    expect(text).not.toContain("evil.example");
  });

  it("someone else's uploaded logo cannot be referenced", async () => {
    const a = await ownerOn("STARTER");
    const b = await ownerOn("STARTER");
    const asset = await a.caller.whiteLabel.uploadLogo({
      contentType: "image/png",
      dataBase64: PNG.toString("base64"),
    });
    const call = b.caller.whiteLabel.setBranding({
      ...GOOD_BRANDING,
      logoUrl: undefined,
      logoAssetId: asset.id,
    });
    expect(await errorField(call)).toBe("logoAssetId");
  });
});

describe("bad input: a 4xx naming the field, nothing stored", () => {
  it.each([
    ["a colour that is not hex", { ...GOOD_BRANDING, primaryColor: "blue" }, "primaryColor"],
    ["a six-digit colour with a bad digit", { ...GOOD_BRANDING, accentColor: "#12345g" }, "accentColor"],
    ["an http logo URL", { ...GOOD_BRANDING, logoUrl: "http://cdn.acme.example/logo.png" }, "logoUrl"],
    ["an empty company name", { ...GOOD_BRANDING, companyName: "  " }, "companyName"],
  ])("branding with %s", async (_label, input, field) => {
    const { caller, organizationId } = await ownerOn("STARTER");
    const before = { rows: await rowsOf(organizationId), audits: await auditsOf(organizationId) };
    const call = caller.whiteLabel.setBranding(input as typeof GOOD_BRANDING);
    expect(await errorCode(call)).toBe("VALIDATION_FAILED");
    expect(await errorField(caller.whiteLabel.setBranding(input as typeof GOOD_BRANDING))).toBe(field);
    expect({ rows: await rowsOf(organizationId), audits: await auditsOf(organizationId) }).toEqual(before);
  });

  const oversized = Buffer.concat([PNG, Buffer.alloc(256 * 1024)]);
  const script = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`);
  const handler = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>`);
  it.each([
    ["an oversized file", "image/png", oversized, "dataBase64"],
    ["a PNG labelled as JPEG", "image/jpeg", PNG, "contentType"],
    ["a text file labelled as PNG", "image/png", Buffer.from("hello, not an image"), "dataBase64"],
    ["an SVG with a script", "image/svg+xml", script, "dataBase64"],
    ["an SVG with an event handler", "image/svg+xml", handler, "dataBase64"],
  ] as const)("an upload of %s", async (_label, contentType, bytes, field) => {
    const { caller, organizationId } = await ownerOn("STARTER");
    const call = caller.whiteLabel.uploadLogo({ contentType, dataBase64: bytes.toString("base64") });
    expect(await errorField(call)).toBe(field);
    const [stored] = await h.db
      .select({ n: count() })
      .from(brandingAssets)
      .where(eq(brandingAssets.organizationId, organizationId));
    expect(stored?.n).toBe(0);
  });

  it.each([
    ["localhost", "localhost"],
    ["an IPv4 address", "203.0.113.10"],
    ["an IPv6 address", "[2001:db8::1]"],
    ["one of ours", "acme.tessera.app"],
    ["a bare public suffix", "co.uk"],
    ["a name with a path", "learn.acme-learning.com/path"],
    ["an internal-only name", "intranet.local"],
  ])("a custom domain that is %s", async (_label, hostname) => {
    const { caller, organizationId } = await ownerOn("PROFESSIONAL");
    const before = await rowsOf(organizationId);
    const call = caller.whiteLabel.setCustomDomain({ hostname });
    expect(await errorCode(call)).toBe("VALIDATION_FAILED");
    expect(await errorField(caller.whiteLabel.setCustomDomain({ hostname }))).toBe("hostname");
    expect(await rowsOf(organizationId)).toBe(before);
  });

  it.each([
    ["an http issuer", { issuer: "http://id.acme.example" }, "issuer"],
    ["an issuer that is not a URL", { issuer: "id.acme.example" }, "issuer"],
    ["an allowed domain that is not a domain", { allowedDomains: ["not a domain"] }, "allowedDomains.0"],
    ["no allowed domain", { allowedDomains: [] }, "allowedDomains"],
    ["no client secret on first setup", { clientSecret: undefined }, "clientSecret"],
  ])("OIDC with %s", async (_label, change, field) => {
    const { caller, organizationId } = await ownerOn("PROFESSIONAL");
    const input = {
      protocol: "OIDC" as const,
      issuer: "https://id.acme.example",
      clientId: "tessera",
      clientSecret: "s3cret",
      allowedDomains: ["acme.example"],
      ...change,
    };
    const before = await rowsOf(organizationId);
    expect(await errorField(caller.whiteLabel.enableSSO(input))).toBe(field);
    expect(await rowsOf(organizationId)).toBe(before);
  });

  it.each([
    [
      "a malformed certificate",
      () => "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----",
    ],
    ["an expired certificate", () => certificate(-30, -1)],
    ["a certificate not valid yet", () => certificate(5, 30)],
  ])("SAML with %s", async (_label, pem) => {
    const { caller, organizationId } = await ownerOn("PROFESSIONAL");
    const before = await rowsOf(organizationId);
    const call = caller.whiteLabel.enableSSO({
      protocol: "SAML",
      entityId: "https://idp.acme.example/metadata",
      ssoUrl: "https://idp.acme.example/sso",
      certificate: pem(),
      allowedDomains: ["acme.example"],
    });
    expect(await errorField(call)).toBe("certificate");
    expect(await rowsOf(organizationId)).toBe(before);
  });
});

/** A self-signed certificate valid from `fromDays` to `toDays` around the harness clock. */
const certificate = (fromDays: number, toDays: number) => {
  const dir = mkdtempSync(join(tmpdir(), "tessera-cert-"));
  const stamp = (days: number) =>
    new Date(h.clock.now().getTime() + days * DAY)
      .toISOString()
      .replace(/[-:T]/g, "")
      .replace(/\.\d+Z$/, "Z")
      .slice(2);
  try {
    execFileSync(
      "openssl",
      [
        "req",
        "-new",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=idp.acme.example",
        "-keyout",
        join(dir, "key.pem"),
        "-out",
        join(dir, "req.pem"),
      ],
      { stdio: "ignore" },
    );
    execFileSync(
      "openssl",
      [
        "ca",
        "-selfsign",
        "-batch",
        "-notext",
        "-keyfile",
        join(dir, "key.pem"),
        "-in",
        join(dir, "req.pem"),
        "-out",
        join(dir, "cert.pem"),
        "-startdate",
        stamp(fromDays),
        "-enddate",
        stamp(toDays),
        "-config",
        writeCaConfig(dir),
      ],
      { stdio: "ignore" },
    );
    return readFileSync(join(dir, "cert.pem"), "utf8");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/** The least `openssl ca` needs to sign with explicit dates. */
const writeCaConfig = (dir: string) => {
  const path = join(dir, "ca.cnf");
  execFileSync("sh", ["-c", `: > ${dir}/index.txt; echo 01 > ${dir}/serial`]);
  const config = `[ ca ]\ndefault_ca = test\n[ test ]\ndatabase = ${dir}/index.txt\nserial = ${dir}/serial\nnew_certs_dir = ${dir}\ndefault_md = sha256\npolicy = any\n[ any ]\ncommonName = supplied\n`;
  execFileSync("sh", ["-c", `cat > ${path}`], { input: config });
  return path;
};

describe("SSO configuration", () => {
  it("OIDC: the client secret is sealed at rest, never returned, and kept when left blank", async () => {
    const { caller, organizationId } = await ownerOn("PROFESSIONAL");
    const saved = await caller.whiteLabel.enableSSO({
      protocol: "OIDC",
      issuer: "https://id.acme.example/",
      clientId: "tessera",
      clientSecret: "super-secret-value",
      allowedDomains: ["Acme.Example"],
    });
    expect(saved).toMatchObject({
      protocol: "OIDC",
      issuer: "https://id.acme.example",
      hasClientSecret: true,
    });
    expect(JSON.stringify(saved)).not.toContain("super-secret-value");
    expect(saved.allowedDomains).toEqual(["acme.example"]);
    const [row] = await h.db
      .select()
      .from(customizations)
      .where(and(eq(customizations.organizationId, organizationId), eq(customizations.type, "SSO")));
    expect(row?.secretCiphertext).toBeTruthy();
    expect(row?.secretCiphertext).not.toContain("super-secret-value");
    expect(h.deps.secrets.open(row?.secretCiphertext ?? "")).toBe("super-secret-value");
    const audits = await h.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.organizationId, organizationId));
    expect(JSON.stringify(audits)).not.toContain("super-secret-value");

    const again = await caller.whiteLabel.enableSSO({
      protocol: "OIDC",
      issuer: "https://id.acme.example",
      clientId: "tessera-2",
      allowedDomains: ["acme.example"],
    });
    expect(again.hasClientSecret).toBe(true);
    expect(JSON.stringify(await caller.whiteLabel.config())).not.toContain("super-secret-value");
  });

  it("SAML: a valid certificate is accepted and its subject, fingerprint and expiry shown", async () => {
    const { caller } = await ownerOn("PROFESSIONAL");
    const saved = await caller.whiteLabel.enableSSO({
      protocol: "SAML",
      entityId: "https://idp.acme.example/metadata",
      ssoUrl: "https://idp.acme.example/sso",
      certificate: certificate(-1, 365),
      allowedDomains: ["acme.example"],
      enforced: false,
    });
    expect(saved).toMatchObject({
      protocol: "SAML",
      certificateSubject: expect.stringContaining("CN=idp.acme.example"),
      certificateFingerprint256: expect.stringMatching(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/),
    });
  });
});

describe("API access", () => {
  it("off, the organisation's keys are refused with API_ACCESS_DISABLED; on again, they work", async () => {
    const { caller, organizationId } = await ownerOn("STARTER");
    const { key } = await createApiKey(h.system, {
      organizationId,
      name: "platform",
      scopes: ["usage:write"],
    });
    const platform = await h.callerWithApiKey(key);
    const track = () =>
      platform.usage.track({ metric: "API_CALLS", value: 1, idempotencyKey: `k-${Math.random()}` });
    expect(await errorCode(track())).toBe("OK");
    const off = await caller.whiteLabel.enableAPI({ enabled: false });
    expect(off).toMatchObject({ enabled: false, active: false, requestsPerMinute: 600, activeKeys: 1 });
    expect(
      await errorCode(
        (await h.callerWithApiKey(key)).usage.track({ metric: "API_CALLS", value: 1, idempotencyKey: "x-1" }),
      ),
    ).toBe("API_ACCESS_DISABLED");
    await caller.whiteLabel.enableAPI({ enabled: true });
    expect(
      await errorCode(
        (await h.callerWithApiKey(key)).usage.track({ metric: "API_CALLS", value: 1, idempotencyKey: "x-2" }),
      ),
    ).toBe("OK");
  });

  it("rate-limits an organisation's keys together by its tier, with RateLimit headers", async () => {
    const original = h.deps.apiRateLimiter;
    h.deps.apiRateLimiter = new ApiRateLimiter(rateLimiterFactory("memory", h.dbHandle), {
      STARTER: 3,
      PROFESSIONAL: 5,
      ENTERPRISE: 50,
      CUSTOM: 50,
    });
    try {
      const starter = await ownerOn("STARTER");
      const pro = await ownerOn("PROFESSIONAL");
      const keys = async (organizationId: string) =>
        Promise.all(
          [1, 2].map(
            async (n) =>
              (await createApiKey(h.system, { organizationId, name: `k${n}`, scopes: ["usage:write"] })).key,
          ),
        );
      const calls = async (organizationId: string, total: number) => {
        const [first, second] = await keys(organizationId);
        const codes: string[] = [];
        for (let i = 0; i < total; i++) {
          const platform = await h.callerWithApiKey(i % 2 ? (first ?? "") : (second ?? ""));
          codes.push(
            await errorCode(
              platform.usage.track({
                metric: "API_CALLS",
                value: 1,
                idempotencyKey: `rl-${organizationId}-${i}`,
              }),
            ),
          );
        }
        return codes;
      };
      expect(await calls(starter.organizationId, 4)).toEqual(["OK", "OK", "OK", "RATE_LIMITED"]);
      expect(h.headers["retry-after"]).toBeDefined();
      expect(await calls(pro.organizationId, 6)).toEqual(["OK", "OK", "OK", "OK", "OK", "RATE_LIMITED"]);
    } finally {
      h.deps.apiRateLimiter = original;
    }
    expect((await (await h.caller("ownerA")).whiteLabel.apiAccess()).requestsPerMinute).toBe(3000);
  });
});

describe("feature toggles", () => {
  it("reach the platform through validate and the signed token; cached validations see the change", async () => {
    const { caller, organizationId, key, license } = await ownerOn("ENTERPRISE");
    const anonymous = await h.caller("anonymous");
    expect((await anonymous.licenses.validate({ key })).flags).toEqual({});
    await caller.whiteLabel.setFeatureToggle({
      key: "beta-editor",
      enabled: true,
      description: "New editor",
    });
    await caller.whiteLabel.setFeatureToggle({ key: "ai-grading", enabled: false });
    expect((await anonymous.licenses.validate({ key })).flags).toEqual({
      "beta-editor": true,
      "ai-grading": false,
    });
    const { token } = await caller.licenses.myToken({ licenseId: license.id });
    const claims = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8"));
    expect(claims.flags).toEqual({ "beta-editor": true, "ai-grading": false });

    const toggles = await caller.whiteLabel.customizations();
    const beta = toggles.find((row) => row.key === "beta-editor");
    await caller.whiteLabel.deleteCustomization({ customizationId: beta?.id ?? "" });
    expect((await anonymous.licenses.validate({ key })).flags).toEqual({ "ai-grading": false });
    expect(await auditsOf(organizationId)).toBeGreaterThan(0);
  });

  it("a key that is not a slug names the key field; a PROFESSIONAL org's flags are not served", async () => {
    const { caller } = await ownerOn("ENTERPRISE");
    expect(await errorField(caller.whiteLabel.setFeatureToggle({ key: "Has Spaces", enabled: true }))).toBe(
      "key",
    );
    const pro = await h.newLicensedOrganization("PROFESSIONAL");
    await h.newCustomization(pro.organization.id, "FEATURE"); // written past the gate, as after a downgrade
    expect((await (await h.caller("anonymous")).licenses.validate({ key: pro.key })).flags).toEqual({});
  });

  it("two admins saving the same flag at once: one save each, no lost version", async () => {
    const { caller, organizationId } = await ownerOn("ENTERPRISE");
    const results = await Promise.allSettled(
      [true, false, true, false].map((enabled) =>
        caller.whiteLabel.setFeatureToggle({ key: "race", enabled }),
      ),
    );
    const saved = results.filter((result) => result.status === "fulfilled").length;
    const [row] = await h.db
      .select()
      .from(customizations)
      .where(and(eq(customizations.organizationId, organizationId), eq(customizations.key, "race")));
    // every fulfilled save bumped the version once; refused ones answered STALE_VERSION
    expect(row?.version).toBe(saved);
    for (const result of results) {
      if (result.status === "rejected")
        expect(await errorCode(Promise.reject(result.reason))).toBe("STALE_VERSION");
    }
  });
});

describe("staff view and removal", () => {
  it("staff read any organisation's effective configuration; only staff admins remove a record, audited", async () => {
    const { caller, organizationId } = await ownerOn("ENTERPRISE");
    await caller.whiteLabel.enableWhiteLabel({ enabled: true });
    await caller.whiteLabel.setBranding(GOOD_BRANDING);
    await caller.whiteLabel.setFeatureToggle({ key: "beta", enabled: true });
    const viewer = await h.caller("staffViewer");
    const config = await viewer.whiteLabel.organizationConfig({ organizationId });
    expect(config).toMatchObject({ tier: "ENTERPRISE", featureTogglesActive: true });
    expect(config.branding.effective.companyName).toBe("Acme Learning");
    const toggle = config.featureToggles[0];
    expect(
      await errorCode(
        viewer.whiteLabel.deleteOrganizationCustomization({
          organizationId,
          customizationId: toggle?.id ?? "",
        }),
      ),
    ).toBe("FORBIDDEN");
    const admin = await h.caller("staffAdmin");
    await admin.whiteLabel.deleteOrganizationCustomization({
      organizationId,
      customizationId: toggle?.id ?? "",
    });
    expect((await viewer.whiteLabel.organizationConfig({ organizationId })).featureToggles).toEqual([]);
    const [deleted] = await h.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.organizationId, organizationId),
          eq(auditEvents.action, "white_label.customization_deleted"),
        ),
      );
    expect(deleted?.before).toMatchObject({ type: "FEATURE", key: "beta", enabled: true });
  });

  it("a record of another organisation is NOT_FOUND to a customer admin", async () => {
    const a = await ownerOn("ENTERPRISE");
    const b = await ownerOn("ENTERPRISE");
    const flag = await a.caller.whiteLabel.setFeatureToggle({ key: "mine", enabled: true });
    expect(await errorCode(b.caller.whiteLabel.deleteCustomization({ customizationId: flag.id }))).toBe(
      "NOT_FOUND",
    );
    expect((await a.caller.whiteLabel.customizations()).some((row) => row.id === flag.id)).toBe(true);
  });
});
