import { keepPreviousData } from "@tanstack/react-query";
import {
  LICENSE_SORTS,
  LICENSE_STATUS_LABELS,
  LICENSE_STATUSES,
  TIER_LABELS,
  TIERS,
  type Tier,
} from "@tessera/domain";
import { DataTable } from "../components/data-table/data-table.tsx";
import { type FilterChip, FilterChips } from "../components/data-table/filter-chips.tsx";
import { TableEmpty } from "../components/data-table/table-empty.tsx";
import { useTableUrlState } from "../components/data-table/use-table-url-state.ts";
import { Pagination } from "../components/pagination.tsx";
import { QueryState } from "../components/query-state.tsx";
import { trpc } from "../trpc.ts";
import { EXPIRING_CHOICES, LICENSE_COLUMNS, LicenseFilters } from "./licenses-table.tsx";

const FILTERS = { tier: "", status: "", expiring: "", organizationId: "" };

/** Every license, filtered, sorted (newest first until a header is pressed) and paged, all in the address. */
export const LicenseList = () => {
  const table = useTableUrlState({
    filters: FILTERS,
    allowed: { tier: TIERS, status: LICENSE_STATUSES, expiring: EXPIRING_CHOICES },
    sorts: LICENSE_SORTS,
    sort: "createdAt",
    direction: "desc",
  });
  const { tier, status, expiring, organizationId } = table.filters;
  const list = trpc.licenses.list.useQuery(
    {
      page: table.page,
      pageSize: 20,
      sort: table.sort,
      direction: table.direction,
      ...(tier ? { tier: tier as Tier } : {}),
      ...(status ? { status: status as (typeof LICENSE_STATUSES)[number] } : {}),
      ...(expiring ? { expiringWithinDays: Number(expiring) } : {}),
      ...(organizationId ? { organizationId } : {}),
    },
    { placeholderData: keepPreviousData },
  );
  const organizationName = list.data?.items[0]?.organizationName;
  const chips: FilterChip[] = [
    ...(tier ? [{ name: "tier", label: `Tier: ${TIER_LABELS[tier as Tier] ?? tier}` }] : []),
    ...(status
      ? [
          {
            name: "status",
            label: `Status: ${LICENSE_STATUS_LABELS[status as (typeof LICENSE_STATUSES)[number]] ?? status}`,
          },
        ]
      : []),
    ...(expiring ? [{ name: "expiring", label: `Expiring within ${expiring} days` }] : []),
    ...(organizationId
      ? [{ name: "organizationId", label: `Organisation: ${organizationName ?? "one organisation"}` }]
      : []),
  ];
  return (
    <>
      <LicenseFilters tier={tier} status={status} expiring={expiring} setFilter={table.setFilter} />
      <FilterChips
        chips={chips}
        onClear={(name) => table.setFilter(name as keyof typeof FILTERS, "")}
        onClearAll={table.clearFilters}
      />
      <QueryState query={list}>
        {(data) =>
          data.items.length === 0 ? (
            <TableEmpty
              filtered={chips.length > 0}
              empty="No licenses yet."
              noMatch="No licenses match."
              onClear={table.clearFilters}
            />
          ) : (
            <>
              <DataTable
                id="licenses"
                caption="Licenses"
                columns={LICENSE_COLUMNS}
                data={data.items}
                getRowId={(row) => row.id}
                sorting={table.sorting}
                onSortingChange={table.onSortingChange}
              />
              <Pagination
                page={data.page}
                pageCount={data.pageCount}
                total={data.total}
                onPage={table.setPage}
                noun="license"
              />
            </>
          )
        }
      </QueryState>
    </>
  );
};
