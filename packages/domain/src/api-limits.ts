/**
 * Calls per tRPC batch request. The server refuses larger batches before running any (one
 * anonymous request must not queue hundreds of calls); the SPA's client splits at it.
 */
export const MAX_BATCH_CALLS = 20;
