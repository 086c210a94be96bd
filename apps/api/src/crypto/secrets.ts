import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * AES-256-GCM for secrets at rest (signing keys, SSO and webhook secrets). The stored form is
 * `v1.<iv>.<tag>.<ciphertext>` in base64url, so the scheme can change without ambiguity.
 */
export interface SecretBox {
  seal(plaintext: string): string;
  open(sealed: string): string;
}

export const createSecretBox = (key: Buffer): SecretBox => {
  if (key.length !== 32) throw new Error("encryption key must be 32 bytes");
  return {
    seal: (plaintext) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return ["v1", iv, cipher.getAuthTag(), ciphertext]
        .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
        .join(".");
    },
    open: (sealed) => {
      const [version, iv, tag, ciphertext] = sealed.split(".");
      if (version !== "v1" || !iv || !tag || ciphertext === undefined) throw new Error("not a sealed secret");
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([
        decipher.update(Buffer.from(ciphertext, "base64url")),
        decipher.final(),
      ]).toString("utf8");
    },
  };
};

/**
 * The key from ENCRYPTION_KEY, or for development one generated into DATA_DIR on first start
 * (mode 0600) and reused after.
 */
export const loadEncryptionKey = (configured: string | undefined, dataDir: string): Buffer => {
  if (configured) return Buffer.from(configured, "base64");
  const file = join(dataDir, "encryption.key");
  if (existsSync(file)) return Buffer.from(readFileSync(file, "utf8").trim(), "base64");
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  try {
    writeFileSync(file, key.toString("base64"), { mode: 0o600, flag: "wx" });
    return key;
  } catch (error) {
    // Another process wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return loadEncryptionKey(undefined, dataDir);
    throw error;
  }
};
