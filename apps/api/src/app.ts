import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { createDb, type DbHandle } from "@tessera/db";
import type { DestinationStream } from "pino";
import { ApiRateLimiter } from "./api-keys/api-rate-limiter.ts";
import { LoginLimiter } from "./auth/login-limiter.ts";
import { answerClientError } from "./client-error.ts";
import { type Clock, systemClock } from "./clock.ts";
import { type Config, databaseOptions } from "./config.ts";
import type { AppDeps } from "./context.ts";
import { createSecretBox, loadEncryptionKey } from "./crypto/secrets.ts";
import { createEgress } from "./egress/outbound-client.ts";
import { createRequestHandler } from "./http.ts";
import { startScheduler } from "./jobs/scheduler.ts";
import { type BillingPort, invoiceBillingPort } from "./licenses/billing.ts";
import { ensureSigningKey } from "./licenses/signing-keys.ts";
import { LICENSE_CHANGED_CHANNEL, ValidationCache } from "./licenses/validation-cache.ts";
import { ValidationLimiter } from "./licenses/validation-limiter.ts";
import { createMailer } from "./mail/mailer.ts";
import { createLogger, flushLogs } from "./observability/logger.ts";
import { collectProcessMetrics, createMetrics } from "./observability/metrics.ts";
import { SessionMutationLimiter } from "./quotas/session-mutation-limiter.ts";
import { rateLimiterFactory } from "./rate-limits.ts";
import { ReadReplica } from "./replica/read-replica.ts";
import { seedDemo } from "./seed/demo.ts";
import { seedShowcase } from "./seed/showcase.ts";
import { LogoUploadLimiter } from "./white-label/logo-upload-limiter.ts";
import { createSamlXmlInspector } from "./white-label/saml-xml-pool.ts";
import { SsoStartLimiter } from "./white-label/sso-start-guard.ts";
import { createSvgSanitizer } from "./white-label/svg-sanitizer-pool.ts";

export interface RunningApp {
  deps: AppDeps;
  server: Server;
  url: string;
  /** What the demo seed made on this start (null when the database already had data). */
  seeded: { licenseKey: string } | null;
  close(): Promise<void>;
}

export const createDeps = (
  config: Config,
  dbHandle: DbHandle,
  clock: Clock = systemClock,
  billing: BillingPort = invoiceBillingPort,
  logDestination?: DestinationStream,
): AppDeps => {
  const createLimiter = rateLimiterFactory(config.RATE_LIMIT_STORE, dbHandle);
  const logger = createLogger(config.LOG_LEVEL, logDestination);
  return {
    db: dbHandle.db,
    dbHandle,
    replica: config.DATABASE_REPLICA_URL
      ? new ReadReplica(config.DATABASE_REPLICA_URL, config.REPLICA_MAX_LAG_SECONDS)
      : null,
    clock,
    config,
    loginLimiter: new LoginLimiter(
      {
        maxPerEmail: config.LOGIN_MAX_ATTEMPTS_PER_EMAIL,
        maxPerEmailAndIp: config.LOGIN_MAX_ATTEMPTS_PER_EMAIL_IP,
        maxPerIp: config.LOGIN_MAX_ATTEMPTS_PER_IP,
        windowSeconds: config.LOGIN_WINDOW_SECONDS,
        backoffBaseSeconds: config.LOGIN_BACKOFF_BASE_SECONDS,
      },
      createLimiter,
    ),
    validationLimiter: new ValidationLimiter(
      {
        maxPerKey: config.VALIDATE_MAX_PER_KEY,
        maxPerIp: config.VALIDATE_MAX_PER_IP,
        maxNotFoundPerIp: config.VALIDATE_MAX_NOT_FOUND_PER_IP,
        windowSeconds: config.VALIDATE_WINDOW_SECONDS,
      },
      createLimiter,
    ),
    validationCache: new ValidationCache(config.VALIDATION_CACHE_TTL_SECONDS * 1000),
    secrets: createSecretBox(loadEncryptionKey(config.ENCRYPTION_KEY, config.dataDir)),
    billing,
    apiRateLimiter: new ApiRateLimiter(createLimiter),
    sessionMutationLimiter: new SessionMutationLimiter(config.SESSION_MUTATIONS_PER_MINUTE, createLimiter),
    logger,
    metrics: createMetrics(),
    egress: createEgress(config),
    ssoStartLimiter: new SsoStartLimiter(
      {
        maxPerIp: config.SSO_START_MAX_PER_IP,
        maxPerOrganization: config.SSO_START_MAX_PER_ORGANIZATION,
      },
      createLimiter,
    ),
    svgSanitizer: createSvgSanitizer({
      timeoutMs: config.SVG_SANITIZE_TIMEOUT_MS,
      onWorkerError: (error) => logger.error({ err: error }, "SVG sanitiser thread failed"),
    }),
    samlXml: createSamlXmlInspector({
      timeoutMs: config.SVG_SANITIZE_TIMEOUT_MS,
      onWorkerError: (error) => logger.error({ err: error }, "SAML XML check thread failed"),
    }),
    logoUploadLimiter: new LogoUploadLimiter(config.LOGO_UPLOADS_PER_HOUR, createLimiter),
    // A directory's full sync pages through users well within this.
    scimRateLimiter: createLimiter({ keyPrefix: "scim", points: 600, durationSeconds: 60 }),
    mailer: createMailer(config),
  };
};

/** Open the database (PostgreSQL when DATABASE_URL is set, else PGlite under DATA_DIR), migrate, seed, listen. */
export const startApp = async (
  config: Config,
  options: { dbHandle?: DbHandle; clock?: Clock; jobs?: boolean; logDestination?: DestinationStream } = {},
) => {
  const dbHandle =
    options.dbHandle ??
    (await createDb(
      config.DATABASE_URL ? databaseOptions(config) : { dataDir: join(config.dataDir, "pglite") },
    ));
  await dbHandle.migrate();
  const deps = createDeps(config, dbHandle, options.clock, undefined, options.logDestination);
  collectProcessMetrics(deps.metrics);
  await ensureSigningKey(deps);
  // Other instances' license changes reach this one's validation cache through NOTIFY.
  const unlisten = await dbHandle.listen(LICENSE_CHANGED_CHANNEL, (licenseId) =>
    deps.validationCache.invalidate(licenseId),
  );
  const seeded = config.SEED_DEMO ? await seedDemo(deps) : null;
  if (seeded && config.SEED_SHOWCASE) await seedShowcase(deps);
  const server = createServer(createRequestHandler(deps, { webDist: config.WEB_DIST }));
  server.on("clientError", answerClientError);
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new Error(`Port ${config.PORT} on ${config.HOST} is in use: stop what runs there or set PORT`)
          : error,
      ),
    );
    server.listen(config.PORT, config.HOST, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const host = config.HOST === "0.0.0.0" ? "localhost" : config.HOST;
  if (!config.PUBLIC_URL) deps.mailer.baseUrl = `http://${host}:${port}`;
  // Jobs start once the server listens: their first runs (every job at once, each query on
  // PGlite running on this thread) would otherwise hold the listen callback back by ~0.5 s.
  const stopJobs = options.jobs === false ? () => {} : startScheduler(deps);
  return {
    deps,
    server,
    url: `http://${host}:${port}`,
    seeded,
    close: async () => {
      stopJobs();
      await unlisten().catch(() => {});
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await deps.svgSanitizer.close();
      await deps.samlXml.close();
      await deps.mailer.close();
      await dbHandle.close();
      await deps.replica?.close();
      await deps.egress.close();
      await flushLogs(deps.logger);
    },
  } satisfies RunningApp;
};
