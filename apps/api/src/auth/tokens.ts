import { createHash, randomBytes } from "node:crypto";

/** 256 random bits, URL-safe: used for session tokens. */
export const randomToken = (): string => randomBytes(32).toString("base64url");

/** What we store in place of a token or key: its SHA-256, hex. */
export const sha256 = (value: string): string => createHash("sha256").update(value).digest("hex");
