import { createHash } from "node:crypto";
import type { ServerResponse } from "node:http";
import { brandingAssets } from "@tessera/db/schema";
import { checkLogoBytes, type UploadLogoInput } from "@tessera/domain";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../audit/service.ts";
import type { AppDeps, ServiceContext } from "../context.ts";
import { requireAllowed } from "./store.ts";
import { sanitizeSvg } from "./svg-sanitizer.ts";

export const LOGO_ROUTE = "/branding/logos/";
export const logoPath = (assetId: string) => `${LOGO_ROUTE}${assetId}`;

/**
 * Store an uploaded logo (PNG, JPEG or SVG, ≤ 256 KiB, type read from the bytes, SVG
 * sanitised). It shows once branding refers to it (`logoAssetId`).
 */
export const uploadLogo = async (
  ctx: ServiceContext,
  organizationId: string,
  input: z.output<typeof UploadLogoInput>,
) => {
  await requireAllowed(ctx.db, organizationId, "BRANDING", ctx.clock.now());
  let bytes: Buffer = Buffer.from(input.dataBase64, "base64");
  const contentType = checkLogoBytes(bytes, input.contentType);
  if (contentType === "image/svg+xml") bytes = Buffer.from(await sanitizeSvg(bytes.toString("utf8")), "utf8");
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return ctx.db.transaction(async (tx) => {
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
    await recordAudit(tx, ctx, {
      action: "white_label.logo_uploaded",
      organizationId,
      targetType: "branding_asset",
      targetId: asset.id,
      after: { contentType, sizeBytes: bytes.length, sha256 },
    });
    return { ...asset, url: logoPath(asset.id) };
  });
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
    res.writeHead(404, { "Content-Type": "application/json" });
    return res.end(JSON.stringify({ error: { code: "NOT_FOUND", message: "Not found" } }));
  }
  res.writeHead(200, {
    "Content-Type": asset.contentType,
    "Cache-Control": "public, max-age=31536000, immutable",
    // Even opened directly, an SVG may not run anything or load anything.
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  });
  res.end(Buffer.from(asset.dataBase64, "base64"));
};
