import { users } from "@tessera/db/schema";
import { count } from "drizzle-orm";
import { hashPassword } from "../auth/password.ts";
import type { AppDeps, ServiceContext } from "../context.ts";
import { createLicense } from "../licenses/create.ts";
import { activateLicense } from "../licenses/lifecycle.ts";
import { createOrganization } from "../organizations/service.ts";
import { addMember } from "../team/service.ts";
import { enableAPI } from "../white-label/api-access.ts";

export const DEMO_PASSWORD = "tessera-demo-2026";

interface DemoSignIn {
  who: string;
  email: string;
  password: string;
}

export const DEMO_SIGN_INS: DemoSignIn[] = [
  { who: "staff admin", email: "admin@tessera.test", password: DEMO_PASSWORD },
  { who: "support agent", email: "support@tessera.test", password: DEMO_PASSWORD },
  { who: "owner, Northwind Academy", email: "owner@northwind.test", password: DEMO_PASSWORD },
  { who: "owner, Globex Learning", email: "owner@globex.test", password: DEMO_PASSWORD },
];

/**
 * Demo data for a first start: staff users and two organisations with owners. Runs only
 * on an empty database, so a second start keeps what the first one made (and changed).
 */
export const seedDemo = async (
  deps: Pick<AppDeps, "db" | "clock">,
): Promise<{ licenseKey: string } | null> => {
  const [existing] = await deps.db.select({ total: count() }).from(users);
  if ((existing?.total ?? 0) > 0) return null;
  const ctx: ServiceContext = { db: deps.db, clock: deps.clock, actor: null, ip: null };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = deps.clock.now();
  const staff = await deps.db
    .insert(users)
    .values(
      (
        [
          ["admin@tessera.test", "Ada Admin", "ADMIN"],
          ["support@tessera.test", "Sam Support", "SUPPORT"],
          ["viewer@tessera.test", "Vic Viewer", "VIEWER"],
        ] as const
      ).map(([email, name, role]) => ({
        email,
        name,
        role,
        kind: "STAFF" as const,
        passwordHash,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .returning({ id: users.id, role: users.role });
  const accountManager = staff.find((user) => user.role === "ADMIN");

  const northwind = await createOrganization(ctx, {
    name: "Northwind Academy",
    slug: "northwind",
    contactName: "Nora North",
    contactEmail: "nora@northwind.test",
    contactPhone: "+44 20 7946 0001",
    billingAddress: { line1: "1 Harbour Street", city: "London", postalCode: "E1 1AA", country: "GB" },
    metadata: { crmId: "NW-1001", segment: "higher-education" },
    accountManagerId: accountManager?.id ?? null,
  });
  // Demo people get known passwords directly (the first owner becomes the organisation's admin);
  // real ones are invited.
  await addMember(ctx, northwind.id, {
    name: "Nora North",
    email: "owner@northwind.test",
    password: DEMO_PASSWORD,
    role: "OWNER",
  });
  await addMember(ctx, northwind.id, {
    name: "Mo Member",
    email: "member@northwind.test",
    password: DEMO_PASSWORD,
    role: "MEMBER",
  });
  // Northwind runs on an active PROFESSIONAL license; Globex has none yet.
  const { license, key } = await createLicense(ctx, {
    organizationId: northwind.id,
    tier: "PROFESSIONAL",
    termMonths: 12,
    autoRenew: true,
  });
  await activateLicense(ctx, license.id);
  // Its platform calls our API with organisation keys: API access is on.
  await enableAPI(ctx, northwind.id, true);
  const globex = await createOrganization(ctx, {
    name: "Globex Learning",
    slug: "globex",
    contactName: "Gil Globex",
    contactEmail: "gil@globex.test",
    contactPhone: null,
    billingAddress: { line1: "500 Market Street", city: "San Francisco", region: "CA", country: "US" },
    metadata: { crmId: "GX-2002" },
    accountManagerId: null,
  });
  await addMember(ctx, globex.id, {
    name: "Gil Globex",
    email: "owner@globex.test",
    password: DEMO_PASSWORD,
    role: "OWNER",
  });
  return { licenseKey: key };
};
