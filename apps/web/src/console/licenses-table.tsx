import type { AppRouter } from "@tessera/api";
import { LICENSE_STATUSES, TIERS } from "@tessera/domain";
import type { inferRouterOutputs } from "@trpc/server";
import { useState } from "react";
import { Link } from "react-router";
import { formatDay } from "../components/format-date.ts";
import { LicenseStatusBadge } from "../components/license-badges.tsx";
import { Select } from "../components/select.tsx";

type Sort = "createdAt" | "expiresAt" | "tier" | "status" | "organization";
type Direction = "asc" | "desc";
type LicenseRow = inferRouterOutputs<AppRouter>["licenses"]["list"]["items"][number];

export const EXPIRING_CHOICES = ["7", "30", "90"] as const;

/** Newest first until a header is clicked; a second click on one header turns the direction. */
export const useLicenseSort = () => {
  const [sort, setSort] = useState<Sort>("createdAt");
  const [direction, setDirection] = useState<Direction>("desc");
  const sortBy = (column: Sort) => {
    if (sort === column) setDirection(direction === "asc" ? "desc" : "asc");
    else {
      setSort(column);
      setDirection("asc");
    }
  };
  return { sort, direction, sortBy };
};

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
    <Select
      label="Filter by tier"
      name="filterTier"
      value={tier}
      onChange={(value) => setFilter("tier", value)}
      options={[{ value: "", label: "All tiers" }, ...TIERS.map((value) => ({ value, label: value }))]}
    />
    <Select
      label="Filter by status"
      name="filterStatus"
      value={status}
      onChange={(value) => setFilter("status", value)}
      options={[
        { value: "", label: "All statuses" },
        ...LICENSE_STATUSES.map((value) => ({ value, label: value })),
      ]}
    />
    <Select
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

/** A column header that sorts by its column; a second click turns the direction. */
const SortHeader = ({
  column,
  label,
  sort,
  direction,
  onSort,
}: {
  column: Sort;
  label: string;
  sort: Sort;
  direction: Direction;
  onSort: (column: Sort) => void;
}) => (
  <th
    scope="col"
    className="py-2 pr-4"
    aria-sort={sort === column ? (direction === "asc" ? "ascending" : "descending") : "none"}
  >
    <button
      type="button"
      className="uppercase hover:text-slate-800 dark:hover:text-slate-200"
      onClick={() => onSort(column)}
    >
      {label}
      {sort === column ? (direction === "asc" ? " ▲" : " ▼") : ""}
    </button>
  </th>
);

export const LicensesTable = ({
  items,
  sort,
  direction,
  onSort,
}: {
  items: LicenseRow[];
  sort: Sort;
  direction: Direction;
  onSort: (column: Sort) => void;
}) => {
  const header = (column: Sort, label: string) => (
    <SortHeader column={column} label={label} sort={sort} direction={direction} onSort={onSort} />
  );
  return (
    <table className="w-full text-left text-sm">
      <thead className="border-b border-slate-200 dark:border-slate-700 text-xs text-slate-500 dark:text-slate-400">
        <tr>
          {header("organization", "Organisation")}
          {header("tier", "Tier")}
          {header("status", "Status")}
          {header("expiresAt", "Expires")}
          <th scope="col" className="py-2 pr-4 uppercase">
            Key
          </th>
          {header("createdAt", "Created")}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
        {items.map((license) => (
          <tr key={license.id}>
            <td className="py-2 pr-4">
              <Link
                to={`/console/licenses/${license.id}`}
                className="font-medium text-indigo-700 dark:text-indigo-300 hover:underline"
              >
                {license.organizationName}
              </Link>
            </td>
            <td className="py-2 pr-4">{license.tier}</td>
            <td className="py-2 pr-4">
              <LicenseStatusBadge status={license.status} />
            </td>
            <td className="py-2 pr-4">
              {formatDay(license.expiresAt)}
              {license.daysUntilExpiry !== null && license.status === "ACTIVE" ? (
                <span className="text-slate-500 dark:text-slate-400"> · {license.daysUntilExpiry} d</span>
              ) : null}
            </td>
            <td className="py-2 pr-4 font-mono text-xs">{license.keyHint}</td>
            <td className="py-2 pr-4">{formatDay(license.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};
