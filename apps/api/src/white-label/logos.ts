import { createHash } from "node:crypto";
import type { ServerResponse } from "node:http";
import type { Transaction } from "@tessera/db";
import { brandingAssets } from "@tessera/db/schema";
import { checkLogoBytes, DomainError, type UploadLogoInput } from "@tessera/domain";
import { count, eq } from "drizzle-orm";
import type { z } from "zod";
import type { AppDeps, ServiceContext } from "../context.ts";
import { recordEvent } from "../events/record-event.ts";
import { writeJson } from "../json-response.ts";
import { lockOrganizationFor } from "../quotas/organization-lock.ts";
import { requireAllowed } from "./store.ts";

export const LOGO_ROUTE = "/branding/logos/";
export const logoPath = (assetId: string) => `${LOGO_ROUTE}${assetId}`;

/** What guards an upload: the hourly rate, the SVG sanitiser, and the cap on stored logos. */
type LogoUploadGuards = Pick<AppDeps, "logoUploadLimiter" | "svgSanitizer"> & {
  config: Pick<AppDeps["config"], "LOGO_MAX_PER_ORGANIZATION" | "LOGO_UNREFERENCED_GRACE_HOURS">;
};

/**
 * Store an uploaded logo (PNG, JPEG or SVG, ≤ 256 KiB, type read from the bytes, SVG
 * sanitised off the event loop). It shows once branding refers to it (`logoAssetId`);
 * until then the logo collection may delete it after the grace period.
 */
export const uploadLogo = async (
  ctx: ServiceContext,
  guards: LogoUploadGuards,
  organizationId: string,
  input: z.output<typeof UploadLogoInput>,
) => {
  await requireAllowed(ctx.db, organizationId, "BRANDING", ctx.clock.now());
  await guards.logoUploadLimiter.consume(organizationId);
  let bytes: Buffer = Buffer.from(input.dataBase64, "base64");
  const contentType = checkLogoBytes(bytes, input.contentType);
  if (contentType === "image/svg+xml")
    bytes = Buffer.from(await guards.svgSanitizer.sanitize(bytes.toString("utf8")), "utf8");
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return ctx.db.transaction(async (tx) => {
    await requireLogoRoom(tx, organizationId, guards.config);
    const [asset] = await tx
      .insert(brandingAssets)
      .values({
        organizationId,
        contentType,
        dataBase64: bytes.toString("base64"),
        sha256,
        sizeBytes: bytes.length,
        createdAt: ctx.clock.now(),
      })
      .returning({
        id: brandingAssets.id,
        contentType: brandingAssets.contentType,
        sizeBytes: brandingAssets.sizeBytes,
      });
    if (!asset) throw new Error("insert returned no row");
    await recordEvent(tx, ctx, {
      action: "white_label.logo_uploaded",
      organizationId,
      targetType: "branding_asset",
      targetId: asset.id,
      after: { contentType, sizeBytes: bytes.length, sha256 },
    });
    return { ...asset, url: logoPath(asset.id) };
  });
};

/**
 * The per-organisation cap on stored logos (configurable, unlike the fixed quotas), counted
 * under the same organisation lock as every quota so that concurrent uploads cannot all pass it.
 */
const requireLogoRoom = async (
  tx: Transaction,
  organizationId: string,
  config: LogoUploadGuards["config"],
) => {
  await lockOrganizationFor(tx, organizationId, "quota:LOGOS");
  const [stored] = await tx
    .select({ n: count() })
    .from(brandingAssets)
    .where(eq(brandingAssets.organizationId, organizationId));
  const cap = config.LOGO_MAX_PER_ORGANIZATION;
  if ((stored?.n ?? 0) >= cap) {
    throw new DomainError(
      "QUOTA_EXCEEDED",
      `This organisation already stores ${cap} logos; uploads that no branding uses are removed ${config.LOGO_UNREFERENCED_GRACE_HOURS} h after upload`,
      { field: "dataBase64", limit: cap },
    );
  }
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** GET /branding/logos/<id>: public (the sign-in page shows it), immutable, never executable. */
export const serveLogo = async (deps: Pick<AppDeps, "db">, assetId: string, res: ServerResponse) => {
  const [asset] = UUID.test(assetId)
    ? await deps.db
        .select({ contentType: brandingAssets.contentType, dataBase64: brandingAssets.dataBase64 })
        .from(brandingAssets)
        .where(eq(brandingAssets.id, assetId))
    : [];
  if (!asset) {
    return writeJson(res, 404, { error: { code: "NOT_FOUND", message: "Not found" } });
  }
  res.writeHead(200, {
    "Content-Type": asset.contentType,
    "Cache-Control": "public, max-age=31536000, immutable",
    // Even opened directly, an SVG may not run anything or load anything.
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  });
  res.end(Buffer.from(asset.dataBase64, "base64"));
};
