import type { AppDeps } from "../context.ts";
import { ingestUsage } from "../usage/ingest.ts";
import { contextAt } from "./context-at.ts";

const DAY = 86_400_000;
const GIB = 1024 ** 3;
const HISTORY_DAYS = 60;

/** Gauges move from the first value to the second over the history; API calls run at a daily rate. */
export interface UsageShape {
  ACTIVE_USERS: [number, number];
  COURSES: [number, number];
  STORAGE_GIB: [number, number];
  API_CALLS_PER_DAY: number;
}

/** Deterministic jitter in [-1, 1): the same demo on every start. */
const jitter = (seed: number): number => {
  const x = Math.sin(seed * 12.9898) * 43_758.5453;
  return (x - Math.floor(x)) * 2 - 1;
};

const along = ([from, to]: [number, number], share: number, noise: number): number =>
  Math.max(0, Math.round(from + (to - from) * share + noise));

/** One day's events: each gauge's level and that day's API calls (lighter at weekends). */
const dayEvents = (shape: UsageShape, day: number, at: Date, slug: string) => {
  const share = day / (HISTORY_DAYS - 1);
  const wobble = jitter(day + slug.length * 101);
  const weekend = at.getUTCDay() === 0 || at.getUTCDay() === 6;
  const calls = Math.round(shape.API_CALLS_PER_DAY * (weekend ? 0.45 : 1) * (1 + wobble * 0.15));
  const key = (metric: string) => `showcase:${slug}:${metric}:${day}`;
  return [
    {
      metric: "ACTIVE_USERS" as const,
      value: along(shape.ACTIVE_USERS, share, wobble * 6),
      idempotencyKey: key("users"),
    },
    { metric: "COURSES" as const, value: along(shape.COURSES, share, 0), idempotencyKey: key("courses") },
    {
      metric: "STORAGE_BYTES" as const,
      value: along(shape.STORAGE_GIB, share, 0) * GIB,
      idempotencyKey: key("storage"),
    },
    { metric: "API_CALLS" as const, value: calls, idempotencyKey: key("calls") },
  ].map((event) => ({ ...event, occurredAt: at }));
};

/** Sixty days of usage, booked day by day as the platform would have reported it. */
export const seedShowcaseUsage = async (
  deps: AppDeps,
  organizationId: string,
  shape: UsageShape,
): Promise<void> => {
  const today = deps.clock.now();
  for (let day = 0; day < HISTORY_DAYS; day++) {
    const at = new Date(today.getTime() - (HISTORY_DAYS - 1 - day) * DAY - 3_600_000);
    await ingestUsage(
      contextAt(deps, at),
      organizationId,
      dayEvents(shape, day, at, organizationId.slice(0, 8)),
    );
  }
};
