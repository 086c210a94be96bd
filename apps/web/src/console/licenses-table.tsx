import type { AppRouter } from "@tessera/api";
import { LICENSE_STATUS_LABELS, LICENSE_STATUSES, TIER_LABELS, TIERS } from "@tessera/domain";
import { NativeSelect } from "@tessera/ui";
import type { inferRouterOutputs } from "@trpc/server";
import { Link } from "react-router";
import { createdColumn } from "../components/data-table/created-column.tsx";
import { columnHelper } from "../components/data-table/features.ts";
import { DayText } from "../components/dates/date-text.tsx";
import { LicenseStatusBadge } from "../components/license-badges.tsx";

type LicenseRow = inferRouterOutputs<AppRouter>["licenses"]["list"]["items"][number];

export const EXPIRING_CHOICES = ["7", "30", "90"] as const;

/** The list's filters, kept in the address. */
export const LicenseFilters = ({
  tier,
  status,
  expiring,
  setFilter,
}: {
  tier: string;
  status: string;
  expiring: string;
  setFilter: (field: "tier" | "status" | "expiring", value: string) => void;
}) => (
  <div className="mb-4 grid gap-4 md:grid-cols-4">
    <NativeSelect
      label="Filter by tier"
      name="filterTier"
      value={tier}
      onChange={(value) => setFilter("tier", value)}
      options={[
        { value: "", label: "All tiers" },
        ...TIERS.map((value) => ({ value, label: TIER_LABELS[value] })),
      ]}
    />
    <NativeSelect
      label="Filter by status"
      name="filterStatus"
      value={status}
      onChange={(value) => setFilter("status", value)}
      options={[
        { value: "", label: "All statuses" },
        ...LICENSE_STATUSES.map((value) => ({ value, label: LICENSE_STATUS_LABELS[value] })),
      ]}
    />
    <NativeSelect
      label="Expiring within"
      name="filterExpiring"
      value={expiring}
      onChange={(value) => setFilter("expiring", value)}
      options={[
        { value: "", label: "Any time" },
        ...EXPIRING_CHOICES.map((days) => ({ value: days, label: `${days} days` })),
      ]}
    />
  </div>
);

const column = columnHelper<LicenseRow>();

/** The license list's columns; the ids of sortable ones are the API's sort keys. */
export const LICENSE_COLUMNS = [
  column.accessor("organizationName", {
    id: "organization",
    header: "Organisation",
    enableHiding: false,
    cell: ({ row }) => (
      <Link
        to={`/console/licenses/${row.original.id}`}
        className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
      >
        {row.original.organizationName}
      </Link>
    ),
  }),
  column.accessor("tier", { header: "Tier", cell: ({ getValue }) => TIER_LABELS[getValue()] }),
  column.accessor("status", {
    header: "Status",
    cell: ({ getValue }) => <LicenseStatusBadge status={getValue()} />,
  }),
  column.accessor("expiresAt", {
    header: "Expires",
    cell: ({ row: { original: license } }) => (
      <span className="whitespace-nowrap">
        <DayText value={license.expiresAt} />
        {license.daysUntilExpiry !== null && license.status === "ACTIVE" ? (
          <span className="text-fg-muted"> · {license.daysUntilExpiry} d</span>
        ) : null}
      </span>
    ),
  }),
  column.accessor("keyHint", {
    header: "Key",
    enableSorting: false,
    cell: ({ getValue }) => <span className="font-mono text-xs">{getValue()}</span>,
  }),
  createdColumn<LicenseRow>(),
];
