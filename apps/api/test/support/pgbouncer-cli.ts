import { startPgBouncer } from "./pgbouncer.ts";

/**
 * A PgBouncer (transaction pooling) in front of DATABASE_URL's server until killed, for
 * .ci/run's pass through the pooler: prints its URL (TEST_PGBOUNCER_URL) as the first line.
 */
const bouncer = await startPgBouncer({ poolSize: Number(process.env.PGBOUNCER_POOL_SIZE ?? 20) });
console.log(bouncer.url);
const stop = async () => {
  await bouncer.stop();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
