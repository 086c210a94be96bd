import { describe, expect, it } from "vitest";
import {
  CROCKFORD_ALPHABET,
  checkCharacter,
  keyLast4,
  licenseKeyFromBytes,
  parseLicenseKey,
} from "./keys.ts";

const bytes = (seed: number) => Uint8Array.from({ length: 16 }, (_, index) => (seed * 31 + index * 17) % 256);

describe("license keys", () => {
  it("are TSR, five groups of five and a check character", () => {
    expect(licenseKeyFromBytes(bytes(1))).toMatch(/^TSR(-[0-9A-HJKMNP-TV-Z]{5}){5}-[0-9A-HJKMNP-TV-Z]$/);
  });

  it("use all 125 bits: different bytes, different keys", () => {
    const keys = new Set(Array.from({ length: 200 }, (_, seed) => licenseKeyFromBytes(bytes(seed))));
    expect(keys.size).toBe(200);
  });

  it.each([
    ["lower case", (key: string) => key.toLowerCase()],
    ["no dashes", (key: string) => key.replace(/-/g, "")],
    ["spaces", (key: string) => key.replace(/-/g, " ")],
    ["no prefix", (key: string) => key.slice(4)],
  ])("accept %s", (_name, mangle) => {
    const key = licenseKeyFromBytes(bytes(7));
    expect(parseLicenseKey(mangle(key))).toEqual({ ok: true, key });
  });

  it("read I and L as 1 and O as 0", () => {
    const payload = "1000000000000000000000001";
    const key = `TSR-${payload.match(/.{5}/g)?.join("-")}-${checkCharacter(payload)}`;
    const typed = key.replace("TSR-1", "TSR-l").replace(/0/g, "O").replace("TSR", "tsr");
    expect(parseLicenseKey(typed)).toEqual({ ok: true, key });
  });

  it("refuse every single-character typo", () => {
    const key = licenseKeyFromBytes(bytes(3)).replace(/-/g, "").slice(3);
    for (let index = 0; index < key.length; index++) {
      for (const char of CROCKFORD_ALPHABET) {
        if (char === key[index]) continue;
        const typo = key.slice(0, index) + char + key.slice(index + 1);
        expect(parseLicenseKey(typo).ok).toBe(false);
      }
    }
  });

  it("refuse swapped neighbours", () => {
    const key = licenseKeyFromBytes(bytes(5)).replace(/-/g, "").slice(3);
    for (let index = 0; index < key.length - 1; index++) {
      if (key[index] === key[index + 1]) continue;
      const swapped = key.slice(0, index) + key[index + 1] + key[index] + key.slice(index + 2);
      // Luhn mod N misses only swaps of the pair that sums to N-1 across the fold; count them
      if (parseLicenseKey(swapped).ok) {
        const pair = [key[index], key[index + 1]].map((char) => CROCKFORD_ALPHABET.indexOf(char ?? ""));
        expect(pair.sort()).toEqual([0, 31]);
      }
    }
  });

  it.each([
    ["", "SHAPE"],
    ["TSR-ABCDE", "SHAPE"],
    ["TSR-UUUUU-UUUUU-UUUUU-UUUUU-UUUUU-U", "SHAPE"],
    ["TSR-00000-00000-00000-00000-00000-1", "CHECK"],
  ])("refuse %j (%s)", (input, reason) => {
    expect(parseLicenseKey(input)).toEqual({ ok: false, reason });
  });

  it("show only the last 4 characters", () => {
    expect(keyLast4("TSR-AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-F")).toBe("EEEF");
  });
});

/**
 * Known answers, computed once from the key format as issued: a change to the bit packing or
 * to the check-character formula (even a self-consistent one) would orphan every key already
 * in customers' hands, so these must never change.
 */
const fromHex = (hex: string) =>
  Uint8Array.from({ length: hex.length / 2 }, (_, index) =>
    Number.parseInt(hex.slice(index * 2, index * 2 + 2), 16),
  );

describe("license keys: known answers", () => {
  it.each([
    ["00000000000000000000000000000000", "TSR-00000-00000-00000-00000-00000-0"],
    ["ffffffffffffffffffffffffffffffff", "TSR-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-S"],
    ["000102030405060708090a0b0c0d0e0f", "TSR-000G4-0R40M-30E20-9185G-R38E1-T"],
    ["0b30557a9fc4e90e33587da2c7ec1136", "TSR-1CR5A-YMZRK-MGWCT-RFPHC-FV0H6-T"],
    ["a5b89ff2d1340b6e4da0879af9dc3316", "TSR-MPW9Z-WPH6G-5PWKD-0GYDF-KQ1K2-5"],
  ])("bytes %s make %s, and it validates", (hex, key) => {
    expect(licenseKeyFromBytes(fromHex(hex))).toBe(key);
    expect(parseLicenseKey(key)).toEqual({ ok: true, key });
  });

  it.each([
    ["0000000000000000000000001", "Y"],
    ["0000000000000000000000010", "Z"],
    ["1000000000000000000000000", "Y"],
    ["ZZZZZZZZZZZZZZZZZZZZZZZZY", "V"],
    ["ABCDEFGHJKMNPQRSTVWXYZ012", "M"],
  ])("the check character of %s is %s", (payload, check) => {
    expect(checkCharacter(payload)).toBe(check);
  });
});
