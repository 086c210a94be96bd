import { z } from "zod";

/** What ingestion answers, once the events are committed. */
export const IngestOutput = z.object({
  accepted: z.number().int().describe("events recorded now"),
  duplicates: z.number().int().describe("events whose idempotency key was seen before: counted once already"),
  alerts: z.array(
    z.object({
      metric: z.string(),
      threshold: z.number(),
      period: z.string(),
      used: z.number(),
      limit: z.number(),
    }),
  ),
});
