import { METRIC_LABELS, type Metric } from "@tessera/domain";
import { Badge, Button } from "@tessera/ui";
import { columnHelper } from "./data-table/features.ts";
import { InstantText, UtcPeriodText } from "./dates/date-text.tsx";
import { formatUsedOfLimit, type UsageAlert } from "./usage-metrics.ts";

/** Acknowledging from the list: the alert being saved, and whether buttons wait for it. */
export interface AlertAcknowledge {
  pendingId: string | undefined;
  disabled: boolean;
  run: (alert: UsageAlert) => void;
}

interface AlertTableMeta {
  acknowledge: AlertAcknowledge | undefined;
  showOrganization: boolean;
}

const labelOf = (alert: UsageAlert) => METRIC_LABELS[alert.metric as Metric] ?? alert.metric;

const ThresholdBadge = ({ threshold }: { threshold: number }) => (
  <Badge tone={threshold >= 100 ? "red" : "amber"}>{threshold}%</Badge>
);

/** The button names the alert (and its organisation where the list spans several), so each is told apart. */
const AcknowledgeButton = ({ alert, meta }: { alert: UsageAlert; meta: AlertTableMeta }) => {
  const { acknowledge, showOrganization } = meta;
  if (!acknowledge) return null;
  return (
    <Button
      variant="secondary"
      busy={acknowledge.pendingId === alert.id}
      disabled={acknowledge.disabled}
      onClick={() => acknowledge.run(alert)}
      aria-label={`Acknowledge the ${alert.threshold}% ${labelOf(alert).toLowerCase()} alert${showOrganization ? ` of ${alert.organizationName}` : ""}`}
    >
      {acknowledge.pendingId === alert.id ? "Saving…" : "Acknowledge"}
    </Button>
  );
};

const column = columnHelper<UsageAlert>();

/** An alert list's columns: open ones end with an Acknowledge button, acknowledged ones with when and by whom. */
export const alertColumns = (showOrganization: boolean, acknowledging: boolean) => [
  ...(showOrganization
    ? [
        column.accessor("organizationName", {
          header: "Organisation",
          enableHiding: false,
          cell: ({ getValue }) => <span className="font-medium text-fg">{getValue()}</span>,
        }),
      ]
    : []),
  column.accessor(labelOf, { id: "metric", header: "Metric", enableHiding: false }),
  column.accessor("threshold", {
    header: "Reached",
    cell: ({ getValue }) => <ThresholdBadge threshold={getValue()} />,
  }),
  column.accessor("period", {
    header: "Month",
    cell: ({ getValue }) => (
      <span className="whitespace-nowrap">
        <UtcPeriodText value={getValue()} />
      </span>
    ),
  }),
  column.accessor("used", {
    header: "Used / limit",
    cell: ({ row: { original: alert } }) => (
      <span className="whitespace-nowrap tabular-nums">
        {formatUsedOfLimit(alert.metric as Metric, alert.used, alert.limit)}
      </span>
    ),
  }),
  column.accessor("createdAt", {
    header: "Raised",
    cell: ({ getValue }) => (
      <span className="whitespace-nowrap">
        <InstantText value={getValue()} />
      </span>
    ),
  }),
  acknowledging
    ? column.display({
        id: "actions",
        header: "Actions",
        enableHiding: false,
        cell: ({ row, table }) => (
          <AcknowledgeButton alert={row.original} meta={table.options.meta as AlertTableMeta} />
        ),
      })
    : column.accessor("acknowledgedAt", {
        header: "Acknowledged",
        cell: ({ row: { original: alert } }) => (
          <span className="whitespace-nowrap">
            <InstantText value={alert.acknowledgedAt} />
            {alert.acknowledgedBy ? <span className="text-fg-muted"> by {alert.acknowledgedBy}</span> : null}
          </span>
        ),
      }),
];
