import { generateKeyPairSync, verify } from "node:crypto";
import { importJWK, jwtVerify, SignJWT } from "jose";

const measure = async (run: () => Promise<unknown> | unknown, ms = 2000) => {
  const end = performance.now() + ms;
  let count = 0;
  while (performance.now() < end) {
    await run();
    count++;
  }
  return Math.round((count * 1000) / ms);
};

/** jose's jwtVerify (what integrators call) beside a bare crypto.verify of the same signature. */
export const tokenVerification = async () => {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const token = await new SignJWT({ tier: "ENTERPRISE", limits: { ACTIVE_USERS: null }, features: ["SSO"] })
    .setProtectedHeader({ alg: "EdDSA", kid: "bench" })
    .setIssuer("tessera")
    .setExpirationTime("1y")
    .sign(privateKey);
  const jwk = await importJWK(publicKey.export({ format: "jwk" }), "EdDSA");
  const [header, payload, signature] = token.split(".");
  const signed = Buffer.from(`${header}.${payload}`);
  const raw = Buffer.from(signature ?? "", "base64url");
  if (!verify(null, signed, publicKey, raw)) throw new Error("baseline verify failed");
  return [
    {
      name: "baseline crypto.verify (signature only)",
      perSecond: await measure(() => verify(null, signed, publicKey, raw)),
    },
    {
      name: "jose jwtVerify (signature + claims)",
      perSecond: await measure(() => jwtVerify(token, jwk, { issuer: "tessera" })),
    },
  ];
};
