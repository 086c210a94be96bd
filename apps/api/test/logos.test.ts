import { auditEvents, brandingAssets } from "@tessera/db/schema";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimiterFactory } from "../src/rate-limits.ts";
import { addMember } from "../src/team/service.ts";
import { runLogoCollection } from "../src/white-label/logo-collection.ts";
import { LogoUploadLimiter } from "../src/white-label/logo-upload-limiter.ts";
import { createSvgSanitizer } from "../src/white-label/svg-sanitizer-pool.ts";
import { createTestHarness, errorCode, TEST_PASSWORD, type TestHarness } from "./harness.ts";
import { refusal } from "./support/refusal.ts";

let h: TestHarness;
beforeAll(async () => {
  h = await createTestHarness({
    LOGO_MAX_PER_ORGANIZATION: "3",
    LOGO_UPLOADS_PER_HOUR: "20",
    // Files at the structure bounds must not hit the time limit on a busy test machine.
    SVG_SANITIZE_TIMEOUT_MS: "60000",
  });
});
afterAll(() => h.close());

const HOUR = 3_600_000;
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
const NS = 'xmlns="http://www.w3.org/2000/svg"';
const svgOf = (body: string) => `<svg ${NS} width="10" height="10">${body}</svg>`;
/** `levels` elements nested inside one another, the root <svg> counting as the first. */
const nested = (levels: number) =>
  `<svg ${NS}>${"<g>".repeat(levels - 2)}<rect/>${"</g>".repeat(levels - 2)}</svg>`;
const siblings = (elements: number) =>
  `<svg ${NS}>${'<rect width="1" height="1"/>'.repeat(elements - 1)}</svg>`;

let owners = 0;
/** A STARTER organisation with a signed-in OWNER. */
const ownerOn = async () => {
  const { organization } = await h.newLicensedOrganization("STARTER");
  const user = await addMember(h.system, organization.id, {
    name: "Owner",
    email: `logo-owner${owners++}@${organization.slug}.test`,
    password: TEST_PASSWORD,
    role: "OWNER",
  });
  const token = await h.sessionToken(user.id);
  return { caller: await h.callerWithToken(token), organizationId: organization.id };
};
type Owner = Awaited<ReturnType<typeof ownerOn>>;

const uploadSvg = (owner: Owner, svg: string) =>
  owner.caller.whiteLabel.uploadLogo({
    contentType: "image/svg+xml",
    dataBase64: Buffer.from(svg).toString("base64"),
  });
const uploadPng = (owner: Owner) =>
  owner.caller.whiteLabel.uploadLogo({ contentType: "image/png", dataBase64: PNG.toString("base64") });
const storedText = async (assetId: string) => {
  const [row] = await h.db.select().from(brandingAssets).where(eq(brandingAssets.id, assetId));
  return Buffer.from(row?.dataBase64 ?? "", "base64").toString("utf8");
};
const logosOf = async (organizationId: string) =>
  (
    await h.db
      .select({ n: count() })
      .from(brandingAssets)
      .where(eq(brandingAssets.organizationId, organizationId))
  )[0]?.n;

describe("security: structurally abusive SVGs are refused before any DOM is built", () => {
  it.each([
    ["nested 65 levels deep", nested(65), /more than 64 levels deep/],
    ["nested 5,000 levels deep", nested(5_000), /more than 64 levels deep/],
    ["of 5,001 elements", siblings(5_001), /more than 5,000 elements/],
    [
      "declaring entities (billion laughs)",
      `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><svg ${NS}><text>&b;</text></svg>`,
      /entities/,
    ],
    [
      "with an external entity",
      `<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg ${NS}><text>&x;</text></svg>`,
      /entities/,
    ],
    [
      "with a stylesheet processing instruction",
      `<?xml-stylesheet href="https://evil.example/a.css"?><svg ${NS}><rect/></svg>`,
      /processing instruction/,
    ],
    ["that is not well-formed", `<svg ${NS}><g><rect></g></svg>`, /not well-formed/],
  ])(
    "an SVG %s: 400 VALIDATION_FAILED on dataBase64 saying why, nothing stored",
    async (_label, svg, reason) => {
      const owner = await ownerOn();
      const answer = await refusal(uploadSvg(owner, svg));
      expect(answer).toMatchObject({ code: "VALIDATION_FAILED", status: 400, field: "dataBase64" });
      expect(answer?.message).toMatch(reason);
      expect(await logosOf(owner.organizationId)).toBe(0);
    },
  );

  it("an SVG at the bounds (64 levels, 5,000 elements) and one with a bare SVG 1.1 DOCTYPE are accepted", async () => {
    const owner = await ownerOn();
    for (const svg of [
      nested(64),
      siblings(5_000),
      `<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg ${NS}><rect width="1" height="1"/></svg>`,
    ]) {
      const asset = await uploadSvg(owner, svg);
      expect(await storedText(asset.id)).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    }
  });

  it("a sanitising that runs past the time limit is refused with a 400, and the next upload still works", async () => {
    const original = h.deps.svgSanitizer;
    const hurried = createSvgSanitizer({ timeoutMs: 1 });
    // A caller's context takes the app's dependencies when it is made: swap, then sign in.
    h.deps.svgSanitizer = hurried;
    try {
      const answer = await refusal(uploadSvg(await ownerOn(), siblings(10)));
      expect(answer).toMatchObject({ code: "VALIDATION_FAILED", status: 400, field: "dataBase64" });
      expect(answer?.message).toMatch(/took too long/);
    } finally {
      h.deps.svgSanitizer = original;
      await hurried.close();
    }
    const asset = await uploadSvg(await ownerOn(), siblings(10));
    expect(await storedText(asset.id)).toContain("<rect");
  });
});

describe("security: only same-document url() references survive sanitising", () => {
  const EVIL = "https://evil.example/x.svg#f";
  it.each([
    ["fill", `<rect width="5" height="5" fill="url(${EVIL})"/>`],
    ["stroke", `<rect width="5" height="5" stroke="url(${EVIL})"/>`],
    ["filter", `<rect width="5" height="5" filter="url(${EVIL})"/>`],
    ["mask", `<rect width="5" height="5" mask="url(${EVIL})"/>`],
    ["clip-path", `<rect width="5" height="5" clip-path="url('${EVIL}')"/>`],
    ["marker-start", `<path d="M0 0L5 5" marker-start="url(${EVIL})"/>`],
    ["marker-mid", `<path d="M0 0L5 5" marker-mid="url(${EVIL})"/>`],
    ["marker-end", `<path d="M0 0L5 5" marker-end="url(${EVIL})"/>`],
    ["style", `<rect width="5" height="5" style="fill: url(${EVIL})"/>`],
    ["style with u\\72l(", `<rect width="5" height="5" style="fill: u\\72l(${EVIL})"/>`],
    ["style with \\75rl(", `<rect width="5" height="5" style="fill: \\75rl(${EVIL})"/>`],
    ["style with \\000055 RL(", `<rect width="5" height="5" style="fill: \\000055 RL(${EVIL})"/>`],
    ["fill with an escaped name", `<rect width="5" height="5" fill="u\\72l(${EVIL})"/>`],
    ["style with a comment", `<rect width="5" height="5" style="fill: url(/**/${EVIL})"/>`],
  ])("an external url() in %s is dropped, a local one kept", async (_label, element) => {
    const owner = await ownerOn();
    const svg = svgOf(
      `<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>${element}<circle r="2" fill="url(#g)"/>`,
    );
    const text = await storedText((await uploadSvg(owner, svg)).id);
    expect(text).not.toContain("evil.example");
    expect(text).toContain('fill="url(#g)"');
  });
});

describe("logo quotas", () => {
  it("uploads past the hourly allowance answer 429 RATE_LIMITED", async () => {
    const original = h.deps.logoUploadLimiter;
    h.deps.logoUploadLimiter = new LogoUploadLimiter(2, rateLimiterFactory("memory", h.dbHandle));
    try {
      const owner = await ownerOn();
      await uploadSvg(owner, siblings(3));
      await uploadPng(owner);
      expect(await refusal(uploadPng(owner))).toMatchObject({ code: "RATE_LIMITED", status: 429 });
      // Refused uploads count too, and the allowance is per organisation.
      expect(await errorCode(uploadPng(await ownerOn()))).toBe("OK");
    } finally {
      h.deps.logoUploadLimiter = original;
    }
  });

  it("an organisation storing its cap of logos gets 409 QUOTA_EXCEEDED, nothing stored", async () => {
    const owner = await ownerOn();
    for (let i = 0; i < 3; i++) await uploadPng(owner);
    const answer = await refusal(uploadPng(owner));
    expect(answer).toMatchObject({ code: "QUOTA_EXCEEDED", status: 409, field: "dataBase64" });
    expect(answer?.message).toMatch(/3 logos/);
    expect(await logosOf(owner.organizationId)).toBe(3);
    // Another organisation's cap is its own.
    expect(await errorCode(uploadPng(await ownerOn()))).toBe("OK");
  });

  it.skipIf(!process.env.DATABASE_URL)("concurrent uploads cannot pass the cap (PostgreSQL)", async () => {
    const owner = await ownerOn();
    const codes = await Promise.all(Array.from({ length: 8 }, () => errorCode(uploadPng(owner))));
    expect(codes.filter((code) => code === "OK")).toHaveLength(3);
    expect(codes.filter((code) => code === "QUOTA_EXCEEDED")).toHaveLength(5);
    expect(await logosOf(owner.organizationId)).toBe(3);
  });
});

describe("logo collection", () => {
  it("deletes old unreferenced uploads, keeps referenced and fresh ones, and is idempotent", async () => {
    const owner = await ownerOn();
    const used = await uploadPng(owner);
    const abandoned = await uploadPng(owner);
    await owner.caller.whiteLabel.enableWhiteLabel({ enabled: true });
    await owner.caller.whiteLabel.setBranding({
      companyName: "Acme",
      logoAssetId: used.id,
      primaryColor: "#1D4ED8",
      secondaryColor: "#0f172a",
      accentColor: "#f59e0b",
    });
    const later = new Date(h.clock.now().getTime() + 25 * HOUR);
    const fresh = await uploadPng(owner);
    await h.db
      .update(brandingAssets)
      .set({ createdAt: new Date(later.getTime() - HOUR) })
      .where(eq(brandingAssets.id, fresh.id));
    const first = await runLogoCollection(h.deps, later);
    expect(first.deleted).toBeGreaterThanOrEqual(1);
    const left = await h.db
      .select({ id: brandingAssets.id })
      .from(brandingAssets)
      .where(eq(brandingAssets.organizationId, owner.organizationId));
    expect(left.map((row) => row.id).sort()).toEqual([used.id, fresh.id].sort());
    const audits = await h.db
      .select({ n: count() })
      .from(auditEvents)
      .where(
        and(eq(auditEvents.targetId, abandoned.id), eq(auditEvents.action, "white_label.logo_collected")),
      );
    expect(audits[0]?.n).toBe(1);
    expect(await runLogoCollection(h.deps, later)).toEqual({ deleted: 0 });
    // The branding still shows its logo.
    expect((await owner.caller.whiteLabel.branding()).effective.logoSrc).toBe(`/branding/logos/${used.id}`);
  });

  it.skipIf(!process.env.DATABASE_URL)(
    "a logo that a branding save holds (FOR SHARE) is skipped, not deleted under it (PostgreSQL)",
    async () => {
      const owner = await ownerOn();
      const logo = await uploadPng(owner);
      const later = new Date(h.clock.now().getTime() + 25 * HOUR);
      const second = await h.secondInstance();
      let release = () => {};
      let signalHeld = () => {};
      const held = new Promise<void>((resolve) => {
        signalHeld = resolve;
      });
      // What setBranding does inside its transaction before it writes the reference.
      const saving = second.deps.db.transaction(async (tx) => {
        await tx.select().from(brandingAssets).where(eq(brandingAssets.id, logo.id)).for("share");
        signalHeld();
        await new Promise<void>((resolve) => {
          release = resolve;
        });
      });
      await held;
      try {
        await runLogoCollection(h.deps, later);
        expect(await h.db.select().from(brandingAssets).where(eq(brandingAssets.id, logo.id))).toHaveLength(
          1,
        );
      } finally {
        release();
        await saving;
        await second.close();
      }
      await runLogoCollection(h.deps, later);
      expect(await h.db.select().from(brandingAssets).where(eq(brandingAssets.id, logo.id))).toHaveLength(0);
    },
  );
});
