import { z } from "zod";

/** Read one connection test, or (without an id) the organisation's latest. */
export const SsoTestQueryInput = z.object({
  testId: z.uuid({ message: "must be a connection test id" }).optional(),
});
export type SsoTestQueryInput = z.input<typeof SsoTestQueryInput>;

/** A connection test answers within this long, or it is reported as abandoned. */
export const SSO_TEST_TTL_MS = 10 * 60_000;

/** A connection test's state: ABANDONED is one still PENDING after SSO_TEST_TTL_MS. */
type SsoTestStatus = "PENDING" | "SUCCEEDED" | "FAILED" | "ABANDONED";

/** What people call each connection test state. */
export const SSO_TEST_STATUS_LABELS: Record<SsoTestStatus, string> = {
  PENDING: "Waiting",
  SUCCEEDED: "Succeeded",
  FAILED: "Failed",
  ABANDONED: "Abandoned",
};
