import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createSecretBox, loadEncryptionKey } from "./secrets.ts";

describe("secret box", () => {
  const box = createSecretBox(randomBytes(32));
  it("round-trips and never stores the plaintext", () => {
    const sealed = box.seal("client-secret-123");
    expect(sealed).not.toContain("client-secret-123");
    expect(sealed.startsWith("v1.")).toBe(true);
    expect(box.open(sealed)).toBe("client-secret-123");
  });
  it("uses a fresh IV each time", () => expect(box.seal("x")).not.toBe(box.seal("x")));
  it("refuses tampered ciphertext and another key", () => {
    const sealed = box.seal("secret");
    const parts = sealed.split(".");
    const tampered = [...parts.slice(0, 3), Buffer.from("other!").toString("base64url")].join(".");
    expect(() => box.open(tampered)).toThrow();
    expect(() => createSecretBox(randomBytes(32)).open(sealed)).toThrow();
  });
  it("generates a development key once and reuses it", () => {
    const dir = mkdtempSync(join(tmpdir(), "tessera-key-"));
    const first = loadEncryptionKey(undefined, dir);
    expect(first).toHaveLength(32);
    expect(loadEncryptionKey(undefined, dir).equals(first)).toBe(true);
    const configured = randomBytes(32);
    expect(loadEncryptionKey(configured.toString("base64"), dir).equals(configured)).toBe(true);
  });
});
