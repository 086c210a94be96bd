import type { Tier } from "../licenses/tiers.ts";
import { addBusinessMs, type BusinessCalendar, businessMsBetween } from "./business-hours.ts";

export const TICKET_PRIORITIES = ["LOW", "NORMAL", "HIGH", "CRITICAL"] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

const HOUR = 3_600_000;

/** First-response target by priority, before any tier cap. */
const PRIORITY_RESPONSE_HOURS: Record<TicketPriority, number> = {
  LOW: 48,
  NORMAL: 24,
  HIGH: 4,
  CRITICAL: 1,
};

/** Tier caps on the first-response target; CUSTOM takes its license's value. */
const TIER_RESPONSE_CAP_HOURS: Record<Exclude<Tier, "CUSTOM">, number | null> = {
  STARTER: null,
  PROFESSIONAL: 4,
  ENTERPRISE: 1,
};

/** The resolution target is this many times the first-response target. */
const RESOLUTION_FACTOR = 3;

/** Under this share of the target left, a clock is at risk. */
export const AT_RISK_SHARE = 0.25;

/** The tier's cap on first-response targets in hours; null when it sets none (STARTER, no license). */
export const tierResponseCapHours = (tier: Tier | null, customCapHours: number | null): number | null =>
  tier === null ? null : tier === "CUSTOM" ? customCapHours : TIER_RESPONSE_CAP_HOURS[tier];

/**
 * First-response target in hours: the priority's target, capped by the tier (PROFESSIONAL
 * 4 h, ENTERPRISE 1 h, CUSTOM as set on its license; no cap when CUSTOM sets none).
 */
export const firstResponseTargetHours = (
  priority: TicketPriority,
  tier: Tier | null,
  customCapHours: number | null = null,
): number => {
  const cap = tierResponseCapHours(tier, customCapHours);
  const target = PRIORITY_RESPONSE_HOURS[priority];
  return cap === null ? target : Math.min(target, cap);
};

/** A span in which the resolution clock stood still (the ticket waited on the customer). */
export interface Pause {
  from: Date;
  to: Date | null;
}

/** Business milliseconds of `pauses` that fall before `until`. */
const pausedBefore = (calendar: BusinessCalendar | null, pauses: readonly Pause[], until: Date): number =>
  pauses.reduce((total, pause) => {
    const end = Math.min((pause.to ?? until).getTime(), until.getTime());
    return total + businessMsBetween(calendar, pause.from, new Date(end));
  }, 0);

/** CRITICAL tickets count around the clock; the others in their team's business hours, if any. */
const slaCalendar = (priority: TicketPriority, calendar: BusinessCalendar | null): BusinessCalendar | null =>
  priority === "CRITICAL" ? null : calendar;

export interface ClockState {
  targetMs: number;
  /** When the clock runs out, counting pauses so far; null while paused (it may move). */
  dueAt: Date | null;
  /** Time left (negative once breached), pauses excluded. */
  remainingMs: number;
  /** Stopped in time (first response given, or resolved) — the clock no longer runs. */
  met: boolean;
  breached: boolean;
  atRisk: boolean;
  paused: boolean;
}

interface SlaInput {
  priority: TicketPriority;
  tier: Tier | null;
  customCapHours?: number | null;
  createdAt: Date;
  /** The first public staff reply: it stops the first-response clock. */
  firstRespondedAt: Date | null;
  resolvedAt: Date | null;
  /** Spans in WAITING_ON_CUSTOMER; the last may still be open. */
  pauses: readonly Pause[];
  /** The team's business hours; none (or CRITICAL) counts around the clock. */
  calendar?: BusinessCalendar | null;
}

const clock = (
  targetMs: number,
  elapsedMs: number,
  stoppedAt: Date | null,
  paused: boolean,
  dueAt: Date | null,
): ClockState => {
  const remainingMs = targetMs - elapsedMs;
  const met = stoppedAt !== null && remainingMs >= 0;
  const breached = remainingMs < 0;
  return {
    targetMs,
    dueAt,
    remainingMs,
    met,
    breached,
    atRisk: stoppedAt === null && !breached && remainingMs < targetMs * AT_RISK_SHARE,
    paused,
  };
};

/**
 * Both SLA clocks of a ticket at `now`, as pure data. The first-response clock runs from
 * creation to the first public staff reply. The resolution clock (3 × the response target)
 * runs from creation to resolution and stands still while waiting on the customer. Both count
 * business time when the ticket's team has business hours, except for CRITICAL tickets. A
 * priority change takes effect from creation: both targets are simply recomputed.
 */
export const slaClocks = (ticket: SlaInput, now: Date) => {
  const calendar = slaCalendar(ticket.priority, ticket.calendar ?? null);
  const responseTargetMs =
    firstResponseTargetHours(ticket.priority, ticket.tier, ticket.customCapHours ?? null) * HOUR;
  const responseEnd = ticket.firstRespondedAt ?? now;
  const firstResponse = clock(
    responseTargetMs,
    businessMsBetween(calendar, ticket.createdAt, responseEnd),
    ticket.firstRespondedAt,
    false,
    addBusinessMs(calendar, ticket.createdAt, responseTargetMs),
  );

  const resolutionTargetMs = responseTargetMs * RESOLUTION_FACTOR;
  const resolutionEnd = ticket.resolvedAt ?? now;
  const paused = ticket.resolvedAt === null && ticket.pauses.some((pause) => pause.to === null);
  const pausedMs = pausedBefore(calendar, ticket.pauses, resolutionEnd);
  const resolution = clock(
    resolutionTargetMs,
    businessMsBetween(calendar, ticket.createdAt, resolutionEnd) - pausedMs,
    ticket.resolvedAt,
    paused,
    paused ? null : addBusinessMs(calendar, ticket.createdAt, resolutionTargetMs + pausedMs),
  );
  return { firstResponse, resolution };
};
