import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";

// scrypt with N=2^15, r=8, p=1 (OWASP's minimum is N=2^17 for r=8 with p=1 … we use
// 2^15 with a 64-byte key to keep sign-in under ~100 ms on 2 cores; parameters travel
// with the hash so they can be raised later without breaking stored hashes).
const DEFAULT = { N: 2 ** 15, r: 8, p: 1, keyLength: 64 };

const scryptAsync = (password: string, salt: Buffer, keyLength: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(password, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))),
  );

/** `scrypt$N$r$p$salt$key` with base64url salt and key. */
export const hashPassword = async (password: string): Promise<string> => {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, DEFAULT.keyLength, {
    N: DEFAULT.N,
    r: DEFAULT.r,
    p: DEFAULT.p,
    maxmem: 128 * DEFAULT.N * DEFAULT.r * 2,
  });
  return [
    "scrypt",
    DEFAULT.N,
    DEFAULT.r,
    DEFAULT.p,
    salt.toString("base64url"),
    key.toString("base64url"),
  ].join("$");
};

export const verifyPassword = async (password: string, stored: string): Promise<boolean> => {
  const [scheme, n, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, "base64url");
  const N = Number(n);
  const actual = await scryptAsync(password, Buffer.from(salt, "base64url"), expected.length, {
    N,
    r: Number(r),
    p: Number(p),
    maxmem: 128 * N * Number(r) * 2,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
};

/** A hash no password matches, compared against when the email is unknown so timing does not tell. */
export const UNUSABLE_PASSWORD_HASH = `scrypt$${DEFAULT.N}$8$1$${Buffer.alloc(16).toString("base64url")}$${Buffer.alloc(64).toString("base64url")}`;
