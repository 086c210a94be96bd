import { resolve } from "node:path";
import { z } from "zod";
import { LOG_LEVELS } from "./observability/logger.ts";
import { DEFAULT_TRUSTED_PROXIES, type ProxyRange, parseTrustedProxies } from "./trusted-proxies.ts";

const Booleanish = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

/** An empty variable counts as unset. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const PostgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, { message: "must be a postgres:// or postgresql:// URL" });

const ENVIRONMENTS = ["development", "production"] as const;

const ConfigSchema = z.object({
  /**
   * `production` insists on what a deployment must have (METRICS_TOKEN); `development`, the
   * default, lets `pnpm start` run the demo with no setup.
   */
  ENVIRONMENT: z.enum(ENVIRONMENTS).default("development"),
  DATABASE_URL: optional(PostgresUrl),
  /**
   * `pgbouncer`: DATABASE_URL is a PgBouncer in transaction mode, so queries go as unnamed
   * statements (no prepared statement outlives its transaction there), and migrations and
   * LISTEN use DATABASE_DIRECT_URL. `none`, the default: DATABASE_URL is PostgreSQL itself.
   */
  DATABASE_POOLER: z.enum(["none", "pgbouncer"]).default("none"),
  /** PostgreSQL itself, past the pooler: for migrations and LISTEN. Required with DATABASE_POOLER=pgbouncer. */
  DATABASE_DIRECT_URL: optional(PostgresUrl),
  /**
   * A streaming replica of DATABASE_URL's database (never migrated): reports, charts, dashboard
   * figures and audit lists read from it while it keeps up. Unset: every read goes to the primary.
   */
  DATABASE_REPLICA_URL: optional(PostgresUrl),
  /** Past this much replay lag (seconds) reads leave the replica for the primary. */
  REPLICA_MAX_LAG_SECONDS: z.coerce.number().min(0).max(3600).default(10),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().min(1).default(".data"),
  /** Seed the demo organisations and users into an empty database. */
  SEED_DEMO: Booleanish.default(true),
  /**
   * With SEED_DEMO, also seed the showcase: more organisations, 60 days of usage, tickets,
   * a domain and a webhook. `pnpm start` turns it on; tests keep the small core demo.
   */
  SEED_SHOWCASE: Booleanish.default(false),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 7),
  /** Honour X-Forwarded-For / X-Forwarded-Proto from a reverse proxy in front of us. */
  TRUST_PROXY: Booleanish.default(false),
  /**
   * With TRUST_PROXY: the proxies (CIDRs, comma-separated) whose X-Forwarded-For and
   * X-Forwarded-Proto are believed. Unset: loopback and private ranges.
   */
  TRUSTED_PROXIES: optional(
    z.string().refine(
      (value) => {
        try {
          return parseTrustedProxies(value).length > 0;
        } catch {
          return false;
        }
      },
      { message: "must be IP addresses or CIDRs such as 10.0.0.0/8,::1, comma-separated" },
    ),
  ),
  /** Folder of the built SPA; served with a fallback to index.html. */
  WEB_DIST: optional(z.string()),
  /** 32 bytes, base64: encrypts secrets at rest. Unset: a development key in DATA_DIR. */
  ENCRYPTION_KEY: optional(
    z.string().refine((value) => Buffer.from(value, "base64").length === 32, {
      message: "must be 32 bytes in base64",
    }),
  ),
  /** `iss` of offline license tokens. */
  TOKEN_ISSUER: z.string().min(1).default("tessera"),
  /** Where rate-limit counters live: `postgres` when more than one API instance runs. */
  RATE_LIMIT_STORE: z.enum(["memory", "postgres"]).default("memory"),
  /** Validations of one key from one address per window. */
  VALIDATE_MAX_PER_KEY: z.coerce.number().int().min(1).default(600),
  VALIDATE_MAX_PER_IP: z.coerce.number().int().min(1).default(60_000),
  /** Unknown-key (NOT_FOUND) answers per address per window; past it, every key from there waits. */
  VALIDATE_MAX_NOT_FOUND_PER_IP: z.coerce.number().int().min(1).default(20),
  /** How long a validation lookup may be served from memory (changes invalidate sooner). 0: off. */
  VALIDATION_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  VALIDATE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
  /** Our own hostnames (comma-separated): no organisation may claim them or names under them. */
  PLATFORM_DOMAINS: z
    .string()
    .default("tessera.app,tessera.dev")
    .transform((value) =>
      value
        .split(",")
        .map((domain) => domain.trim().toLowerCase())
        .filter(Boolean),
    ),
  /**
   * The name customers point their custom domain at: a CNAME to it, or for an apex domain A/AAAA
   * records holding its addresses. Our TLS-terminating proxy answers there (deploy/Caddyfile).
   */
  PLATFORM_CNAME_TARGET: z
    .string()
    .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/i, {
      message: "must be a hostname such as domains.tessera.app",
    })
    .default("domains.tessera.app")
    .transform((value) => value.toLowerCase()),
  /** DNS server(s) for custom-domain checks, e.g. `127.0.0.1:5353` (comma-separated). Unset: the system's. */
  DNS_RESOLVER: optional(
    z
      .string()
      .regex(/^[0-9a-fA-F.:[\],]+$/, { message: "must be addresses such as 127.0.0.1:53,[::1]:53" })
      .transform((value) => value.split(",").map((server) => server.trim())),
  ),
  /**
   * Accept plain-http URLs on loopback (127.0.0.1, localhost) for SSO issuers and webhooks, and
   * deliver webhooks to loopback: for local development and the test suite only.
   */
  ALLOW_INSECURE_LOOPBACK: Booleanish.default(false),
  /** Where users reach us, e.g. https://tessera.example.com; unset: the request's own host. */
  PUBLIC_URL: optional(z.url({ protocol: /^https?$/, message: "must be an http(s) URL" })),
  /**
   * Where mail goes: smtp://user:pass@host:587 (STARTTLS when offered) or smtps://host:465.
   * Unset: an SMTP listener inside the process catches every mail, and staff admins read
   * them on the console's "Sent email" page.
   */
  SMTP_URL: optional(z.url({ protocol: /^smtps?$/, message: "must be an smtp:// or smtps:// URL" })),
  /** The From of every mail; the organisation's name is shown as the sender's name where branded. */
  MAIL_FROM: z.email({ message: "must be an email address" }).default("no-reply@tessera.test"),
  /** JSON log lines at this level and above on stdout. */
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  /** GET /metrics asks for `Authorization: Bearer <METRICS_TOKEN>`; required in production. */
  METRICS_TOKEN: optional(z.string().min(16, { message: "must be at least 16 characters" })),
  /**
   * Anonymous single sign-on starts (GET /auth/sso/start) per minute from one client IP: room
   * for an office whose people share one address and sign in at nine.
   */
  SSO_START_MAX_PER_IP: z.coerce.number().int().min(1).default(120),
  /** Anonymous single sign-on starts per minute for one organisation. */
  SSO_START_MAX_PER_ORGANIZATION: z.coerce.number().int().min(1).default(600),
  /** Unfinished single sign-ons (each kept ten minutes) one organisation may have at once. */
  SSO_PENDING_MAX_PER_ORGANIZATION: z.coerce.number().int().min(1).default(1000),
  /** Logo uploads an organisation may make per hour (each SVG costs a sanitising pass). */
  LOGO_UPLOADS_PER_HOUR: z.coerce.number().int().min(1).default(20),
  /** Logos an organisation may store at once; unreferenced ones are collected after the grace period. */
  LOGO_MAX_PER_ORGANIZATION: z.coerce.number().int().min(1).default(20),
  /** How long an upload that no branding uses is kept before the logo collection deletes it. */
  LOGO_UNREFERENCED_GRACE_HOURS: z.coerce.number().int().min(1).default(24),
  /**
   * Time limit for checking and sanitising one SVG in the worker thread (waiting for a free thread
   * included); past it the thread is terminated and the upload refused. A 5,000-element SVG
   * takes about 0.5 s on an idle core.
   */
  SVG_SANITIZE_TIMEOUT_MS: z.coerce.number().int().min(1).max(60_000).default(10_000),
  /** Failed sign-ins per email from all addresses together (distributed guessing). */
  LOGIN_MAX_ATTEMPTS_PER_EMAIL: z.coerce.number().int().min(1).default(50),
  /** Failed sign-ins per (email, client address): a stranger's failures lock out only the stranger. */
  LOGIN_MAX_ATTEMPTS_PER_EMAIL_IP: z.coerce.number().int().min(1).default(10),
  /** Wait after a failed sign-in per (email, address), doubling with each failure; 0: none. */
  LOGIN_BACKOFF_BASE_SECONDS: z.coerce.number().int().min(0).max(60).default(1),
  /** Changes (tRPC and REST mutations) one signed-in session may make per minute. */
  SESSION_MUTATIONS_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /**
   * Staff must sign in with MFA (TOTP); one who has not enrolled may only enrol. Unset: on in
   * production, off in development (the demo and the tests).
   */
  REQUIRE_STAFF_MFA: optional(Booleanish),
  LOGIN_MAX_ATTEMPTS_PER_IP: z.coerce.number().int().min(1).default(50),
  LOGIN_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .default(15 * 60),
});

/** Rules across variables. */
const DeployableConfig = ConfigSchema.superRefine((config, ctx) => {
  // Metrics name routes, procedures and error rates: in production nobody outside may read them.
  if (config.ENVIRONMENT === "production" && !config.METRICS_TOKEN) {
    ctx.addIssue({
      code: "custom",
      path: ["METRICS_TOKEN"],
      message: "is required when ENVIRONMENT=production (at least 16 characters)",
    });
  }
  // A replica of nothing: PGlite has no streaming replication.
  if (config.DATABASE_REPLICA_URL && !config.DATABASE_URL) {
    ctx.addIssue({ code: "custom", path: ["DATABASE_REPLICA_URL"], message: "needs DATABASE_URL as well" });
  }
  // LISTEN through a transaction pooler is silently lost: a pooled deployment names PostgreSQL too.
  if (config.DATABASE_POOLER === "pgbouncer" && !(config.DATABASE_URL && config.DATABASE_DIRECT_URL)) {
    ctx.addIssue({
      code: "custom",
      path: ["DATABASE_DIRECT_URL"],
      message: "is required with DATABASE_POOLER=pgbouncer (PostgreSQL itself, beside DATABASE_URL)",
    });
  }
  if (config.DATABASE_DIRECT_URL && config.DATABASE_POOLER !== "pgbouncer") {
    ctx.addIssue({
      code: "custom",
      path: ["DATABASE_POOLER"],
      message: "set DATABASE_POOLER=pgbouncer as well",
    });
  }
  // A list of proxies without TRUST_PROXY would silently do nothing: say so instead.
  if (config.TRUSTED_PROXIES && !config.TRUST_PROXY) {
    ctx.addIssue({ code: "custom", path: ["TRUSTED_PROXIES"], message: "set TRUST_PROXY=true as well" });
  }
});

export type Config = Omit<z.infer<typeof ConfigSchema>, "REQUIRE_STAFF_MFA"> & {
  REQUIRE_STAFF_MFA: boolean;
  dataDir: string;
  /** The proxies whose forwarding headers are believed: none unless TRUST_PROXY. */
  trustedProxies: ProxyRange[];
};

export class ConfigError extends Error {}

/** How `createDb` reaches PostgreSQL: directly, or through PgBouncer with the direct URL beside. */
export const databaseOptions = (config: Config) =>
  config.DATABASE_POOLER === "pgbouncer"
    ? { url: config.DATABASE_URL, directUrl: config.DATABASE_DIRECT_URL, prepare: false }
    : { url: config.DATABASE_URL };

/** Parse the environment once at start-up; a bad value names the variable. */
export const loadConfig = (env: Record<string, string | undefined> = process.env): Config => {
  const parsed = DeployableConfig.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const { TRUST_PROXY, TRUSTED_PROXIES, REQUIRE_STAFF_MFA, ENVIRONMENT } = parsed.data;
  return {
    ...parsed.data,
    REQUIRE_STAFF_MFA: REQUIRE_STAFF_MFA ?? ENVIRONMENT === "production",
    dataDir: resolve(parsed.data.DATA_DIR),
    trustedProxies: TRUST_PROXY ? parseTrustedProxies(TRUSTED_PROXIES ?? DEFAULT_TRUSTED_PROXIES) : [],
  };
};
