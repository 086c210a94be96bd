import { describe, it } from "vitest";

/**
 * Races need PostgreSQL: PGlite serves every query in turn on one connection, so concurrent
 * calls queue and a missing guard cannot lose. Race tests run only with DATABASE_URL set and are
 * reported as skipped on PGlite, never as passed; their names end in RACES_NEED_POSTGRES.
 */
export const RACES_RUN = Boolean(process.env.DATABASE_URL);
export const RACES_NEED_POSTGRES = "(races need PostgreSQL: skipped on PGlite)";
export const raceIt = it.skipIf(!RACES_RUN);
export const raceDescribe = describe.skipIf(!RACES_RUN);
