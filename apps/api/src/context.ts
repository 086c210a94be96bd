import type { Database, DbHandle } from "@tessera/db";
import type { UserKind, UserRole } from "@tessera/domain";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import type { ApiRateLimiter } from "./api-keys/api-rate-limiter.ts";
import type { ApiKeyPrincipal, ApiKeyProblem } from "./api-keys/principal.ts";
import type { LoginLimiter } from "./auth/login-limiter.ts";
import type { Clock } from "./clock.ts";
import type { Config } from "./config.ts";
import type { SecretBox } from "./crypto/secrets.ts";
import type { Egress } from "./egress/outbound-client.ts";
import type { BillingPort } from "./licenses/billing.ts";
import type { ValidationCache } from "./licenses/validation-cache.ts";
import type { ValidationLimiter } from "./licenses/validation-limiter.ts";
import type { Mailer } from "./mail/mailer.ts";
import type { Logger } from "./observability/logger.ts";
import type { Metrics } from "./observability/metrics.ts";
import type { SessionMutationLimiter } from "./quotas/session-mutation-limiter.ts";
import type { ReadReplica } from "./replica/read-replica.ts";
import type { LogoUploadLimiter } from "./white-label/logo-upload-limiter.ts";
import type { SamlXmlInspector } from "./white-label/saml-xml-pool.ts";
import type { SsoStartLimiter } from "./white-label/sso-start-guard.ts";
import type { SvgSanitizer } from "./white-label/svg-sanitizer-pool.ts";

/** Who is calling, resolved from the session cookie. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  kind: UserKind;
  role: UserRole;
  organizationId: string | null;
  sessionId: string;
  /** The primary's WAL position after this session's last change (with a read replica). */
  lastWriteLsn?: string | null;
  /** Must turn on MFA first: the session may only enrol (`trpc.ts`). */
  mfaEnrolmentRequired?: boolean;
}

/** What lives for the whole process and every request shares. */
export interface AppDeps {
  db: Database;
  dbHandle: DbHandle;
  /** DATABASE_REPLICA_URL's streaming replica; read through `onReplica` only. */
  replica: ReadReplica | null;
  clock: Clock;
  config: Config;
  loginLimiter: LoginLimiter;
  validationLimiter: ValidationLimiter;
  validationCache: ValidationCache;
  secrets: SecretBox;
  billing: BillingPort;
  apiRateLimiter: ApiRateLimiter;
  sessionMutationLimiter: SessionMutationLimiter;
  logger: Logger;
  metrics: Metrics;
  /** Every server-side request to the outside (webhooks, OpenID providers) goes through it. */
  egress: Egress;
  ssoStartLimiter: SsoStartLimiter;
  /** SVG logos are sanitised in worker threads of this pool (closed with the app). */
  svgSanitizer: SvgSanitizer;
  /** SAML responses and IdP metadata are checked for abusive structure in its worker thread. */
  samlXml: SamlXmlInspector;
  logoUploadLimiter: LogoUploadLimiter;
  /** Requests per minute of each SCIM token. */
  scimRateLimiter: RateLimiterAbstract;
  /** Sends what the mail outbox holds (SMTP_URL, or the development mailbox). */
  mailer: Mailer;
}

/** The per-request view of the HTTP exchange that services and procedures need. */
export interface RequestInfo {
  ip: string | null;
  userAgent: string | null;
  /** Served over TLS (directly or behind a trusted proxy): cookies get `Secure`. */
  secure: boolean;
  sessionToken: string | null;
  /** Echoed as X-Request-Id and on every log line of the request. */
  requestId?: string;
  /** The Host the request arrived on: a verified custom domain themes the portal. */
  host?: string | null;
  setHeader(name: string, value: string | string[]): void;
}

export interface Context extends AppDeps {
  request: RequestInfo;
  actor: Actor | null;
  /** A valid Bearer API key, or null; `apiKeyProblem` says why a key that was sent is not. */
  apiKey: ApiKeyPrincipal | null;
  apiKeyProblem: ApiKeyProblem | null;
}

/** The part of the context services use: no HTTP in here. */
export interface ServiceContext {
  db: Database;
  clock: Clock;
  actor: Actor | null;
  ip: string | null;
  apiKey?: ApiKeyPrincipal | null;
  /** The SCIM token a customer's directory provisions with. */
  scimToken?: { id: string; prefix: string } | null;
  /** Name of the job acting when there is no person or key, e.g. `license-sweep`. */
  system?: string;
  /** Told of every license change, so validation never answers from a stale lookup. */
  licenseCache?: Pick<ValidationCache, "invalidate">;
}

export const serviceContext = (ctx: Context): ServiceContext => ({
  db: ctx.db,
  clock: ctx.clock,
  actor: ctx.actor,
  ip: ctx.request.ip,
  apiKey: ctx.apiKey,
  licenseCache: ctx.validationCache,
});
