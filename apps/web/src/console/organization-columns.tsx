import type { AppRouter } from "@tessera/api";
import { TIER_LABELS } from "@tessera/domain";
import type { inferRouterOutputs } from "@trpc/server";
import { Link } from "react-router";
import { createdColumn } from "../components/data-table/created-column.tsx";
import { columnHelper } from "../components/data-table/features.ts";
import { LicenseStatusBadge } from "../components/license-badges.tsx";
import { HealthGradeBadge } from "../components/organization-health.tsx";

export type OrganizationRow = inferRouterOutputs<AppRouter>["organizations"]["list"]["items"][number];

const column = columnHelper<OrganizationRow>();
const NONE = <span className="text-fg-muted">—</span>;

/** The organisation list's columns; the ids of sortable ones are the API's sort keys. */
export const ORGANIZATION_COLUMNS = [
  column.accessor("name", {
    header: "Name",
    enableHiding: false,
    cell: ({ row }) => (
      <Link
        to={`/console/organizations/${row.original.id}`}
        className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
      >
        {row.original.name}
      </Link>
    ),
  }),
  column.accessor("tier", {
    header: "Tier",
    cell: ({ getValue }) => {
      const tier = getValue();
      return tier ? TIER_LABELS[tier] : NONE;
    },
  }),
  column.accessor("licenseStatus", {
    header: "License status",
    cell: ({ getValue }) => {
      const status = getValue();
      return status ? <LicenseStatusBadge status={status} /> : NONE;
    },
  }),
  column.accessor((row) => row.health.score, {
    id: "grade",
    header: "Health grade",
    cell: ({ row }) => (
      <HealthGradeBadge grade={row.original.health.grade} score={row.original.health.score} size="sm" />
    ),
  }),
  column.accessor("accountManagerName", {
    id: "accountManager",
    header: "Account manager",
    cell: ({ getValue }) => getValue() ?? NONE,
  }),
  column.accessor("contactName", {
    header: "Contact",
    enableSorting: false,
    cell: ({ row }) => (
      <>
        {row.original.contactName} <span className="text-fg-muted">{row.original.contactEmail}</span>
      </>
    ),
  }),
  column.accessor("slug", {
    header: "Slug",
    enableSorting: false,
    cell: ({ getValue }) => <span className="font-mono text-xs">{getValue()}</span>,
  }),
  createdColumn<OrganizationRow>(),
];
