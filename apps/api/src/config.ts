import { resolve } from "node:path";
import { z } from "zod";
import { LOG_LEVELS } from "./observability/logger.ts";

const Booleanish = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

/** An empty variable counts as unset. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const ConfigSchema = z.object({
  DATABASE_URL: optional(
    z.string().regex(/^postgres(ql)?:\/\//, { message: "must be a postgres:// or postgresql:// URL" }),
  ),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().min(1).default(".data"),
  /** Seed the demo organisations and users into an empty database. */
  SEED_DEMO: Booleanish.default(true),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 7),
  /** Honour X-Forwarded-For / X-Forwarded-Proto from a reverse proxy in front of us. */
  TRUST_PROXY: Booleanish.default(false),
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
  VALIDATE_MAX_PER_KEY: z.coerce.number().int().min(1).default(600),
  VALIDATE_MAX_PER_IP: z.coerce.number().int().min(1).default(60_000),
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
  /** JSON log lines at this level and above on stdout. */
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  /** When set, GET /metrics asks for `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: optional(z.string().min(16, { message: "must be at least 16 characters" })),
  /** Changes (tRPC and REST mutations) one signed-in session may make per minute. */
  SESSION_MUTATIONS_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  LOGIN_MAX_ATTEMPTS_PER_EMAIL: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_ATTEMPTS_PER_IP: z.coerce.number().int().min(1).default(50),
  LOGIN_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .default(15 * 60),
});

export type Config = z.infer<typeof ConfigSchema> & { dataDir: string };

export class ConfigError extends Error {}

/** Parse the environment once at start-up; a bad value names the variable. */
export const loadConfig = (env: Record<string, string | undefined> = process.env): Config => {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return { ...parsed.data, dataDir: resolve(parsed.data.DATA_DIR) };
};
