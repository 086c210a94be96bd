import {
  LIMIT_STATUS_LABELS,
  type LimitCheck,
  type LimitStatus,
  METRIC_LABELS,
  METRICS,
  type Metric,
} from "@tessera/domain";
import { Badge, cx } from "@tessera/ui";
import { useId } from "react";
import { formatMetric, formatUsedOfLimit, METRIC_LIMIT_NOTE, STATUS_TONES } from "./usage-metrics.ts";

export const LimitStatusBadge = ({ status }: { status: LimitStatus }) => (
  <Badge tone={STATUS_TONES[status]}>{LIMIT_STATUS_LABELS[status]}</Badge>
);

const FILL: Record<LimitStatus, string> = {
  OK: "bg-slate-500",
  WARNING: "bg-amber-500",
  EXCEEDED: "bg-red-600",
};

/**
 * One metric against its limit: a progress bar (neutral, amber from 80 %, red from 100 %)
 * with `used / limit` beside it; an unlimited metric shows its number and "Unlimited".
 */
export const UsageMeter = ({ metric, check }: { metric: Metric; check: LimitCheck }) => {
  const labelId = useId();
  const label = METRIC_LABELS[metric];
  const unlimited = check.limit === null || check.percent === null;
  return (
    <div data-metric={metric}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <span id={labelId} className="text-sm font-medium text-fg">
          {label}
        </span>
        <span className="flex items-center gap-2 text-sm text-fg-muted">
          <span className="whitespace-nowrap tabular-nums">
            {unlimited
              ? formatMetric(metric, check.used)
              : formatUsedOfLimit(metric, check.used, check.limit)}
          </span>
          {unlimited ? (
            <Badge tone="blue">Unlimited</Badge>
          ) : (
            <>
              <span className="whitespace-nowrap tabular-nums text-fg-muted">{check.percent}%</span>
              <LimitStatusBadge status={check.status} />
            </>
          )}
        </span>
      </div>
      {unlimited ? (
        <p className="mt-2 text-xs text-fg-muted">The license sets no limit on this.</p>
      ) : (
        <>
          <div
            role="progressbar"
            aria-labelledby={labelId}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.min(check.percent ?? 0, 100)}
            aria-valuetext={`${formatUsedOfLimit(metric, check.used, check.limit)} (${check.percent}%), ${LIMIT_STATUS_LABELS[check.status]}`}
            data-status={check.status}
            className="mt-2 h-2.5 w-full overflow-hidden rounded-full bg-line"
          >
            <div
              className={cx("h-full rounded-full", FILL[check.status])}
              style={{ width: `${Math.min(check.percent ?? 0, 100)}%` }}
            />
          </div>
          <p className="mt-1 text-xs text-fg-muted">Limit applies to the {METRIC_LIMIT_NOTE[metric]}.</p>
        </>
      )}
    </div>
  );
};

/** Every metric's meter, in the usual order. */
export const UsageMeters = ({ metrics }: { metrics: Record<Metric, LimitCheck> }) => (
  <div className="grid gap-6 md:grid-cols-2">
    {METRICS.map((metric) => (
      <UsageMeter key={metric} metric={metric} check={metrics[metric]} />
    ))}
  </div>
);
