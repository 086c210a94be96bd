import type { tickets } from "@tessera/db/schema";
import {
  type BusinessCalendar,
  type Pause,
  slaClocks,
  type TicketPriority,
  type Tier,
} from "@tessera/domain";

type TicketRow = typeof tickets.$inferSelect;
/** What the SLA of a ticket is computed from. */
type SlaRow = Pick<
  TicketRow,
  | "priority"
  | "tier"
  | "responseCapHours"
  | "createdAt"
  | "firstRespondedAt"
  | "resolvedAt"
  | "pausedMs"
  | "pauseSpans"
  | "waitingSince"
  | "responseDueAt"
>;

/**
 * The finished waits, the open one, and any waited time the spans do not cover (tickets from
 * before spans were kept) as one wait from creation, as the pure SLA function wants them.
 */
const pausesOf = (row: SlaRow): Pause[] => {
  const spans = row.pauseSpans.map((span) => ({ from: new Date(span.from), to: new Date(span.to) }));
  const uncovered =
    row.pausedMs - spans.reduce((total, span) => total + (span.to.getTime() - span.from.getTime()), 0);
  return [
    ...(uncovered > 0 ? [{ from: row.createdAt, to: new Date(row.createdAt.getTime() + uncovered) }] : []),
    ...spans,
    ...(row.waitingSince ? [{ from: row.waitingSince, to: null }] : []),
  ];
};

/** Both clocks, counted in `calendar`'s business hours (null: around the clock). */
export const slaOf = (row: SlaRow, now: Date, calendar: BusinessCalendar | null) =>
  slaClocks(
    {
      priority: row.priority as TicketPriority,
      tier: (row.tier as Tier | null) ?? null,
      customCapHours: row.responseCapHours,
      createdAt: row.createdAt,
      firstRespondedAt: row.firstRespondedAt,
      resolvedAt: row.resolvedAt,
      pauses: pausesOf(row),
      calendar,
    },
    now,
  );

/** Due times to store (for sorting and breach queries) after any change, in the same calendar. */
export const storedDueTimes = (row: SlaRow, now: Date, calendar: BusinessCalendar | null) => {
  const { firstResponse, resolution } = slaOf(row, now, calendar);
  return { responseDueAt: firstResponse.dueAt ?? row.responseDueAt, resolutionDueAt: resolution.dueAt };
};
