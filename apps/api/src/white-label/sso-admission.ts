import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { users } from "@tessera/db/schema";
import { DomainError, emailDomainAllowed, emailDomainOf, type SsoSettingsValue } from "@tessera/domain";
import { and, eq, sql } from "drizzle-orm";
import { sessionCookie } from "../auth/cookie.ts";
import { hashPassword } from "../auth/password.ts";
import { startSession } from "../auth/service.ts";
import type { AppDeps, ServiceContext } from "../context.ts";
import { clientIp, isSecure } from "../request-context.ts";
import { insertIfEmailFree } from "../team/service.ts";
import { ssoDomainVerified } from "./sso-domains.ts";
import { redirect } from "./sso-http.ts";

type User = typeof users.$inferSelect;
type AdmissionDeps = Pick<AppDeps, "db" | "clock">;
/** The person the provider vouched for. */
interface Asserted {
  email: string;
  name?: string | undefined;
}

const findMember = async (deps: AdmissionDeps, organizationId: string, email: string) => {
  const [user] = await deps.db
    .select()
    .from(users)
    .where(and(sql`lower(${users.email}) = ${email}`, eq(users.organizationId, organizationId)))
    .limit(1);
  return user ?? null;
};

/**
 * Create the user on a first SSO sign-in, within the team quota. Null when the email already
 * belongs to someone (in another organisation: never moved) or the team is full.
 */
const provision = async (
  deps: AdmissionDeps,
  organizationId: string,
  settings: SsoSettingsValue,
  person: Asserted,
): Promise<User | null> => {
  // no one knows this password: the user signs in through SSO (or resets it by email)
  const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
  const ctx: ServiceContext = { db: deps.db, clock: deps.clock, actor: null, ip: null, system: "sso" };
  try {
    const created = await deps.db.transaction((tx) =>
      insertIfEmailFree(tx, ctx, organizationId, {
        email: person.email,
        name: person.name?.trim() || person.email.slice(0, person.email.indexOf("@")),
        role: settings.defaultRole,
        passwordHash,
      }),
    );
    return created ? findMember(deps, organizationId, person.email) : null;
  } catch (error) {
    if (error instanceof DomainError && error.code === "QUOTA_EXCEEDED") return null;
    throw error;
  }
};

/**
 * Who an SSO assertion signs in, the same for OIDC and SAML: the email's domain must be listed
 * and proven by DNS for this organisation, and the user an active member of it (or, with
 * just-in-time provisioning, created on first sign-in). Otherwise the refusal code. A
 * connection test (`testing`) creates no one: `user` is then null where JIT would create one.
 * `match` says in words who was matched, for the test report.
 */
export const admitSsoUser = async (
  deps: AdmissionDeps,
  organizationId: string,
  settings: SsoSettingsValue,
  asserted: Asserted,
  testing = false,
): Promise<{ user: User | null; match: string } | { refused: string }> => {
  const person = { ...asserted, email: asserted.email.trim().toLowerCase() };
  // Listed and proven by DNS: a domain the organisation merely names is not its own.
  if (
    !emailDomainAllowed(person.email, settings.allowedDomains) ||
    !(await ssoDomainVerified(deps.db, organizationId, emailDomainOf(person.email)))
  ) {
    return { refused: "SSO_DOMAIN_NOT_ALLOWED" };
  }
  const member = await findMember(deps, organizationId, person.email);
  if (!member && settings.jitProvisioning && testing) {
    return {
      user: null,
      match: `${person.email} has no account yet: one would be created as ${settings.defaultRole} (just-in-time)`,
    };
  }
  const user =
    member ?? (settings.jitProvisioning ? await provision(deps, organizationId, settings, person) : null);
  if (!user) return { refused: "SSO_UNKNOWN_USER" };
  if (user.disabledAt) return { refused: "USER_DISABLED" };
  return { user, match: `${user.email} is an active ${user.role} of this organisation` };
};

/** Open the session, set its cookie and send the browser to `returnTo`. */
export const finishSsoSignIn = async (
  deps: AppDeps,
  req: IncomingMessage,
  res: ServerResponse,
  user: User,
  returnTo: string,
) => {
  const now = deps.clock.now();
  const ip = clientIp(req, deps.config.trustedProxies);
  const session = await startSession(
    deps,
    { db: deps.db, clock: deps.clock, actor: null, ip, userAgent: req.headers["user-agent"] ?? null },
    user,
    "sso",
  );
  const maxAge = Math.floor((session.expiresAt.getTime() - now.getTime()) / 1000);
  return redirect(
    res,
    returnTo,
    sessionCookie(session.token, maxAge, isSecure(req, deps.config.trustedProxies)),
  );
};
