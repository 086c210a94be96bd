import {
  AT_RISK_SHARE,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type TicketPriority,
  type TicketStatus,
} from "@tessera/domain";
import { Badge, cx } from "@tessera/ui";
import { useEffect, useState } from "react";
import { useDateFormat } from "./dates/use-date-format.ts";

export const STATUS_LABELS: Record<TicketStatus, string> = {
  OPEN: "Open",
  IN_PROGRESS: "In progress",
  WAITING_ON_CUSTOMER: "Waiting on customer",
  RESOLVED: "Resolved",
  CLOSED: "Closed",
};

export const PRIORITY_LABELS: Record<TicketPriority, string> = {
  LOW: "Low",
  NORMAL: "Normal",
  HIGH: "High",
  CRITICAL: "Critical",
};

export const STATUS_OPTIONS = TICKET_STATUSES.map((status) => ({
  value: status,
  label: STATUS_LABELS[status],
}));
export const PRIORITY_OPTIONS = TICKET_PRIORITIES.map((priority) => ({
  value: priority,
  label: PRIORITY_LABELS[priority],
}));

const STATUS_TONES: Record<TicketStatus, "slate" | "green" | "amber" | "red" | "blue"> = {
  OPEN: "blue",
  IN_PROGRESS: "blue",
  WAITING_ON_CUSTOMER: "amber",
  RESOLVED: "green",
  CLOSED: "slate",
};

const PRIORITY_TONES: Record<TicketPriority, "slate" | "green" | "amber" | "red" | "blue"> = {
  LOW: "slate",
  NORMAL: "blue",
  HIGH: "amber",
  CRITICAL: "red",
};

export const StatusBadge = ({ status }: { status: TicketStatus }) => (
  <Badge tone={STATUS_TONES[status]}>{STATUS_LABELS[status]}</Badge>
);

export const PriorityBadge = ({ priority }: { priority: TicketPriority }) => (
  <Badge tone={PRIORITY_TONES[priority]}>{PRIORITY_LABELS[priority]}</Badge>
);

/** The current time, ticking every `intervalMs` (every second by default). */
export const useNow = (intervalMs = 1000) => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A span as people say it: "42 min", "3 h 5 min", "2 d 4 h". */
export const formatSpan = (ms: number) => {
  const abs = Math.abs(ms);
  if (abs < MINUTE) return "under a minute";
  if (abs < HOUR) return `${Math.floor(abs / MINUTE)} min`;
  if (abs < 2 * DAY) {
    const hours = Math.floor(abs / HOUR);
    const minutes = Math.floor((abs % HOUR) / MINUTE);
    return minutes ? `${hours} h ${minutes} min` : `${hours} h`;
  }
  const days = Math.floor(abs / DAY);
  const hours = Math.floor((abs % DAY) / HOUR);
  return hours ? `${days} d ${hours} h` : `${days} d`;
};

export interface SlaClock {
  targetMs: number;
  dueAt: Date | null;
  remainingMs: number;
  met: boolean;
  breached: boolean;
  atRisk: boolean;
  paused: boolean;
}

type ClockState = "met" | "missed" | "paused" | "breached" | "atRisk" | "running";

/** What a clock says at `now`: stopped clocks keep their verdict; running ones count down. */
export const describeClock = (clock: SlaClock, stopped: boolean, now: number) => {
  if (stopped) {
    return clock.met
      ? { state: "met" as ClockState, text: "met" }
      : { state: "missed" as ClockState, text: `missed by ${formatSpan(clock.remainingMs)}` };
  }
  if (clock.paused || !clock.dueAt) {
    return {
      state: "paused" as ClockState,
      text:
        clock.remainingMs >= 0 ? `paused, ${formatSpan(clock.remainingMs)} left` : "paused, already breached",
    };
  }
  const remaining = new Date(clock.dueAt).getTime() - now;
  if (remaining < 0)
    return { state: "breached" as ClockState, text: `breached ${formatSpan(remaining)} ago` };
  const atRisk = remaining < clock.targetMs * AT_RISK_SHARE;
  return {
    state: (atRisk ? "atRisk" : "running") as ClockState,
    text: `due in ${formatSpan(remaining)}`,
  };
};

const CLOCK_CLASSES: Record<ClockState, string> = {
  met: "text-emerald-800 dark:text-emerald-300",
  missed: "text-red-800 dark:text-red-300",
  paused: "text-fg-muted",
  breached: "font-semibold text-red-800 dark:text-red-300",
  atRisk: "font-medium text-amber-900 dark:text-amber-200",
  running: "text-fg",
};

/** A live countdown to a clock's due time, re-rendered every second. */
export const SlaCountdown = ({
  clock,
  stopped,
  label,
}: {
  clock: SlaClock;
  stopped: boolean;
  label?: string;
}) => {
  const now = useNow();
  const dates = useDateFormat();
  const { state, text } = describeClock(clock, stopped, now);
  return (
    <span className={cx("whitespace-nowrap tabular-nums", CLOCK_CLASSES[state])} data-sla-state={state}>
      {label && <span className="text-fg-muted">{label}: </span>}
      {clock.dueAt && !stopped ? (
        <time dateTime={new Date(clock.dueAt).toISOString()} title={dates.instant(clock.dueAt)}>
          {text}
        </time>
      ) : (
        text
      )}
      {state === "atRisk" && <span className="sr-only"> (at risk)</span>}
    </span>
  );
};

export interface TicketClocks {
  status: TicketStatus;
  firstRespondedAt: Date | null;
  resolvedAt: Date | null;
  sla: { firstResponse: SlaClock; resolution: SlaClock };
}

/** The clock that matters now: first response until answered, then resolution. */
export const currentClock = (ticket: TicketClocks) =>
  ticket.firstRespondedAt === null && ticket.status !== "RESOLVED" && ticket.status !== "CLOSED"
    ? { name: "First response", clock: ticket.sla.firstResponse, stopped: false }
    : {
        name: "Resolution",
        clock: ticket.sla.resolution,
        stopped: ticket.resolvedAt !== null,
      };

/** Whether a ticket is past a due time right now (the row is marked). */
export const isBreached = (ticket: TicketClocks, now: number) => {
  const { clock, stopped } = currentClock(ticket);
  return describeClock(clock, stopped, now).state === "breached";
};
