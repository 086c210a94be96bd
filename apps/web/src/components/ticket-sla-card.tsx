import { Card } from "@tessera/ui";
import { useDateFormat } from "./dates/use-date-format.ts";
import { formatSpan, type SlaClock, SlaCountdown, type TicketClocks } from "./ticket-parts.tsx";

/** The target and when it falls due, or what stopped the clock. */
const ClockNote = ({ clock, stoppedNote }: { clock: SlaClock; stoppedNote: string | null }) => {
  const dates = useDateFormat();
  return (
    <dd className="text-xs text-fg-muted">
      Target {formatSpan(clock.targetMs)} ·{" "}
      {stoppedNote ??
        (clock.paused ? "paused while waiting on the customer" : `due ${dates.instant(clock.dueAt)}`)}
    </dd>
  );
};

/**
 * The first-response and resolution clocks, stopped once met and paused while waiting: the
 * console shows them to staff, the portal to the customer, in the same words.
 */
export const TicketSlaCard = ({ data, title = "SLA" }: { data: TicketClocks; title?: string }) => {
  const dates = useDateFormat();
  return (
    <Card title={title}>
      <dl className="space-y-3 text-sm">
        <div>
          <dt className="font-medium text-fg">First response</dt>
          <dd data-testid="sla-first-response">
            <SlaCountdown clock={data.sla.firstResponse} stopped={data.firstRespondedAt !== null} />
          </dd>
          <ClockNote
            clock={data.sla.firstResponse}
            stoppedNote={data.firstRespondedAt && `answered ${dates.instant(data.firstRespondedAt)}`}
          />
        </div>
        <div>
          <dt className="font-medium text-fg">Resolution</dt>
          <dd data-testid="sla-resolution">
            <SlaCountdown clock={data.sla.resolution} stopped={data.resolvedAt !== null} />
          </dd>
          <ClockNote
            clock={data.sla.resolution}
            stoppedNote={data.resolvedAt && `resolved ${dates.instant(data.resolvedAt)}`}
          />
        </div>
      </dl>
    </Card>
  );
};
