import { randomBytes } from "node:crypto";
import { signingKeys } from "@tessera/db/schema";
import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import { exportJWK, exportPKCS8, generateKeyPair, importPKCS8, type JWK, SignJWT } from "jose";
import type { AppDeps, ServiceContext } from "../context.ts";
import { recordEvent } from "../events/record-event.ts";

const ALGORITHM = "EdDSA";

const newKid = (now: Date) => `${now.toISOString().slice(0, 10)}-${randomBytes(4).toString("hex")}`;

const insertSigningKey = async (deps: Pick<AppDeps, "db" | "secrets">, now: Date) => {
  const { publicKey, privateKey } = await generateKeyPair(ALGORITHM, { crv: "Ed25519", extractable: true });
  const kid = newKid(now);
  const { kty, crv, x } = await exportJWK(publicKey);
  const publicJwk: Record<string, string> = {
    kty: kty ?? "OKP",
    crv: crv ?? "Ed25519",
    x: x ?? "",
    kid,
    alg: ALGORITHM,
    use: "sig",
  };
  return {
    kid,
    publicJwk,
    privateKeyEncrypted: deps.secrets.seal(await exportPKCS8(privateKey)),
    createdAt: now,
  };
};

/**
 * Make sure a signing key exists (first start). Two instances starting together both try;
 * the partial unique index keeps one, and the other's insert does nothing.
 */
export const ensureSigningKey = async (deps: Pick<AppDeps, "db" | "secrets" | "clock">): Promise<void> => {
  const [active] = await deps.db
    .select({ kid: signingKeys.kid })
    .from(signingKeys)
    .where(isNull(signingKeys.retiredAt));
  if (active) return;
  await deps.db
    .insert(signingKeys)
    .values(await insertSigningKey(deps, deps.clock.now()))
    .onConflictDoNothing();
};

/** Retire the active key and start signing with a new one; the old one stays published. */
export const rotateSigningKey = async (ctx: ServiceContext, deps: Pick<AppDeps, "secrets">) => {
  const now = ctx.clock.now();
  const next = await insertSigningKey({ db: ctx.db, secrets: deps.secrets }, now);
  return ctx.db.transaction(async (tx) => {
    const retired = await tx
      .update(signingKeys)
      .set({ retiredAt: now })
      .where(isNull(signingKeys.retiredAt))
      .returning({ kid: signingKeys.kid });
    await tx.insert(signingKeys).values(next);
    await recordEvent(tx, ctx, {
      action: "signing_key.rotated",
      organizationId: null,
      targetType: "signing_key",
      targetId: next.kid,
      before: { kids: retired.map((row) => row.kid) },
      after: { kid: next.kid },
    });
    return { kid: next.kid, retired: retired.map((row) => row.kid) };
  });
};

/** The JWKS: the active key and every retired key with tokens still unexpired. */
export const publishedKeys = async (deps: Pick<AppDeps, "db" | "clock">): Promise<{ keys: JWK[] }> => {
  const rows = await deps.db
    .select({ publicJwk: signingKeys.publicJwk })
    .from(signingKeys)
    .where(or(isNull(signingKeys.retiredAt), gt(signingKeys.lastTokenExpiresAt, deps.clock.now())))
    .orderBy(signingKeys.createdAt);
  return { keys: rows.map((row) => row.publicJwk) };
};

/** Sign claims with the active key; remembers how long that key must stay published. */
export const signToken = async (
  deps: Pick<AppDeps, "db" | "secrets" | "clock" | "config">,
  claims: { subject: string; expiresAt: Date; payload: Record<string, unknown> },
): Promise<{ token: string; kid: string }> => {
  const [active] = await deps.db.select().from(signingKeys).where(isNull(signingKeys.retiredAt));
  if (!active) throw new Error("no active signing key: ensureSigningKey runs at start-up");
  const privateKey = await importPKCS8(deps.secrets.open(active.privateKeyEncrypted), ALGORITHM);
  const now = deps.clock.now();
  const token = await new SignJWT(claims.payload)
    .setProtectedHeader({ alg: ALGORITHM, kid: active.kid, typ: "JWT" })
    .setIssuer(deps.config.TOKEN_ISSUER)
    .setSubject(claims.subject)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(claims.expiresAt.getTime() / 1000))
    .setJti(randomBytes(12).toString("base64url"))
    .sign(privateKey);
  // Raw timestamps go in as ISO text: postgres.js does not bind a Date inside sql``.
  const tokenExpiry = sql`${claims.expiresAt.toISOString()}::timestamptz`;
  await deps.db
    .update(signingKeys)
    .set({
      lastTokenExpiresAt: sql`greatest(coalesce(${signingKeys.lastTokenExpiresAt}, ${tokenExpiry}), ${tokenExpiry})`,
    })
    .where(and(eq(signingKeys.kid, active.kid)));
  return { token, kid: active.kid };
};
