import { z } from "zod";

/** Read one connection test, or (without an id) the organisation's latest. */
export const SsoTestQueryInput = z.object({
  testId: z.uuid({ message: "must be a connection test id" }).optional(),
});
export type SsoTestQueryInput = z.input<typeof SsoTestQueryInput>;

/** A connection test answers within this long, or it is reported as abandoned. */
export const SSO_TEST_TTL_MS = 10 * 60_000;
