import { randomBytes } from "node:crypto";
import type { Database } from "@tessera/db";
import { licenses, organizations } from "@tessera/db/schema";
import { keyLast4, licenseKeyFromBytes } from "@tessera/domain";
import { sql } from "drizzle-orm";
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
    // named columns only: the partition migration's test seeds a database migrated to 0019,
    // and drizzle's insert would name columns later migrations added
    const values = rows.map(
      (row) =>
        sql`(${row.organizationId}::uuid, ${row.tier}::license_tier, ${row.status}::license_status, ${row.termMonths}, ${row.startsAt.toISOString()}::timestamptz, ${row.expiresAt.toISOString()}::timestamptz, ${row.activatedAt.toISOString()}::timestamptz, ${row.keyHash}, ${row.keyLast4})`,
    );
    await db.execute(
      sql`insert into ${licenses} (organization_id, tier, status, term_months, starts_at, expires_at, activated_at, key_hash, key_last4) values ${sql.join(values, sql`, `)}`,
    );
  }
  return keys;
};
