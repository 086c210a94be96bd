import { randomBytes } from "node:crypto";
import type { Database } from "@tessera/db";
import { licenses, organizations } from "@tessera/db/schema";
import { keyLast4, licenseKeyFromBytes } from "@tessera/domain";
import { sha256 } from "../src/auth/tokens.ts";

/** N organisations, each with an ACTIVE license for a year; returns the keys. */
export const seedLicenses = async (db: Database, count: number, now = new Date()): Promise<string[]> => {
  const keys: string[] = [];
  const chunk = 1000;
  for (let offset = 0; offset < count; offset += chunk) {
    const size = Math.min(chunk, count - offset);
    const orgs = await db
      .insert(organizations)
      .values(
        Array.from({ length: size }, (_, index) => ({
          name: `Bench Org ${offset + index}`,
          slug: `bench-${offset + index}-${randomBytes(3).toString("hex")}`,
          contactName: "Bench",
          contactEmail: `bench${offset + index}@bench.test`,
        })),
      )
      .returning({ id: organizations.id });
    const rows = orgs.map((organization, index) => {
      const key = licenseKeyFromBytes(randomBytes(16));
      keys.push(key);
      return {
        organizationId: organization.id,
        tier: (["STARTER", "PROFESSIONAL", "ENTERPRISE"] as const)[index % 3] ?? "STARTER",
        status: "ACTIVE" as const,
        termMonths: 12,
        startsAt: now,
        expiresAt: new Date(now.getTime() + 365 * 86_400_000),
        activatedAt: now,
        keyHash: sha256(key),
        keyLast4: keyLast4(key),
      };
    });
    await db.insert(licenses).values(rows);
  }
  return keys;
};
