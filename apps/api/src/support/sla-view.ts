import type { tickets } from "@tessera/db/schema";
import { type Pause, slaClocks, type TicketPriority, type Tier } from "@tessera/domain";

type TicketRow = typeof tickets.$inferSelect;

/** The stored pause total and the open pause as the pure SLA function wants them. */
const pausesOf = (row: Pick<TicketRow, "createdAt" | "pausedMs" | "waitingSince">): Pause[] => [
  ...(row.pausedMs > 0
    ? [{ from: row.createdAt, to: new Date(row.createdAt.getTime() + row.pausedMs) }]
    : []),
  ...(row.waitingSince ? [{ from: row.waitingSince, to: null }] : []),
];

export const slaOf = (row: TicketRow, now: Date) =>
  slaClocks(
    {
      priority: row.priority as TicketPriority,
      tier: (row.tier as Tier | null) ?? null,
      customCapHours: row.responseCapHours,
      createdAt: row.createdAt,
      firstRespondedAt: row.firstRespondedAt,
      resolvedAt: row.resolvedAt,
      pauses: pausesOf(row),
    },
    now,
  );

/** Due times to store (for sorting and breach queries) after any change. */
export const storedDueTimes = (row: TicketRow, now: Date) => {
  const { firstResponse, resolution } = slaOf(row, now);
  return { responseDueAt: firstResponse.dueAt ?? row.responseDueAt, resolutionDueAt: resolution.dueAt };
};
