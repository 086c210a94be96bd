import { DomainError } from "../errors.ts";

/**
 * License keys: `TSR-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-C`. 25 Crockford base32 characters carry
 * 125 random bits; `C` is a Luhn mod 32 check character, which catches every single-character
 * typo and every swap of two neighbours, so a mistyped key is refused before any lookup.
 */
export const CROCKFORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const KEY_PREFIX = "TSR";
const KEY_GROUPS = 5;
const KEY_GROUP_LENGTH = 5;
const KEY_PAYLOAD_LENGTH = KEY_GROUPS * KEY_GROUP_LENGTH;
/** Random bytes a key needs: 125 bits are taken from 16 bytes. */
const KEY_RANDOM_BYTES = 16;

const digitValue = (char: string): number => CROCKFORD_ALPHABET.indexOf(char);

/** Luhn mod N over the Crockford alphabet (N = 32). */
export const checkCharacter = (payload: string): string => {
  let factor = 2;
  let sum = 0;
  for (let index = payload.length - 1; index >= 0; index--) {
    let addend = factor * digitValue(payload[index] ?? "0");
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / 32) + (addend % 32);
    sum += addend;
  }
  return CROCKFORD_ALPHABET[(32 - (sum % 32)) % 32] ?? "0";
};

const format = (payload: string): string => {
  const groups: string[] = [];
  for (let index = 0; index < payload.length; index += KEY_GROUP_LENGTH) {
    groups.push(payload.slice(index, index + KEY_GROUP_LENGTH));
  }
  return [KEY_PREFIX, ...groups, checkCharacter(payload)].join("-");
};

/** A key from 16 random bytes (the caller supplies randomness: this package is pure). */
export const licenseKeyFromBytes = (bytes: Uint8Array): string => {
  if (bytes.length < KEY_RANDOM_BYTES) throw new Error(`need ${KEY_RANDOM_BYTES} random bytes`);
  let bits = "";
  for (const byte of bytes.subarray(0, KEY_RANDOM_BYTES)) bits += byte.toString(2).padStart(8, "0");
  let payload = "";
  for (let index = 0; index < KEY_PAYLOAD_LENGTH; index++) {
    payload += CROCKFORD_ALPHABET[Number.parseInt(bits.slice(index * 5, index * 5 + 5), 2)];
  }
  return format(payload);
};

type KeyParse = { ok: true; key: string } | { ok: false; reason: "SHAPE" | "CHECK" };

/**
 * Normalise what a person typed — any case, spaces or dashes anywhere, I/L for 1 and O for 0,
 * with or without the TSR prefix — and check it. Only a key that passes is looked up.
 */
export const parseLicenseKey = (input: string): KeyParse => {
  let text = input.toUpperCase().replace(/[\s-]/g, "");
  if (text.startsWith(KEY_PREFIX) && text.length === KEY_PREFIX.length + KEY_PAYLOAD_LENGTH + 1) {
    text = text.slice(KEY_PREFIX.length);
  }
  text = text.replace(/[IL]/g, "1").replace(/O/g, "0");
  if (text.length !== KEY_PAYLOAD_LENGTH + 1 || [...text].some((char) => digitValue(char) < 0)) {
    return { ok: false, reason: "SHAPE" };
  }
  const payload = text.slice(0, KEY_PAYLOAD_LENGTH);
  if (checkCharacter(payload) !== text.slice(KEY_PAYLOAD_LENGTH)) return { ok: false, reason: "CHECK" };
  return { ok: true, key: format(payload) };
};

/** The canonical key, or a VALIDATION_FAILED error naming `field`. */
export const requireLicenseKey = (input: string, field = "key"): string => {
  const parsed = parseLicenseKey(input);
  if (parsed.ok) return parsed.key;
  throw new DomainError(
    "VALIDATION_FAILED",
    parsed.reason === "SHAPE"
      ? "must look like TSR-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-C"
      : "has a typo: its check character does not match",
    { field },
  );
};

/** The part of a key that may be shown after creation: its last 4 characters. */
export const keyLast4 = (key: string): string => key.replace(/-/g, "").slice(-4);
