import { keepPreviousData } from "@tanstack/react-query";
import { ORGANIZATION_SORTS } from "@tessera/domain";
import { Button, Card } from "@tessera/ui";
import { useEffect, useState } from "react";
import { Link } from "react-router";
import { useMe } from "../auth/session.tsx";
import { DataTable } from "../components/data-table/data-table.tsx";
import { FilterChips } from "../components/data-table/filter-chips.tsx";
import { TableEmpty } from "../components/data-table/table-empty.tsx";
import { useTableUrlState } from "../components/data-table/use-table-url-state.ts";
import { Field } from "../components/field.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { Pagination } from "../components/pagination.tsx";
import { QueryState } from "../components/query-state.tsx";
import { useDebounced } from "../components/use-debounced.ts";
import { trpc } from "../trpc.ts";
import { ORGANIZATION_COLUMNS } from "./organization-columns.tsx";

const PAGE_SIZE = 20;

/** Search, sort and page live in the URL, so back, reload and shared links keep them. */
const useOrganizationList = () => {
  const table = useTableUrlState({
    filters: { q: "" },
    sorts: ORGANIZATION_SORTS,
    sort: "name",
    direction: "asc",
  });
  const [search, setSearch] = useState(table.filters.q);
  const debounced = useDebounced(search.trim(), 300);
  const { filters, setFilter } = table;
  useEffect(() => {
    if (filters.q !== debounced) setFilter("q", debounced);
  }, [debounced, filters.q, setFilter]);
  const query = trpc.organizations.list.useQuery(
    {
      page: table.page,
      pageSize: PAGE_SIZE,
      sort: table.sort,
      direction: table.direction,
      ...(filters.q ? { search: filters.q } : {}),
    },
    { placeholderData: keepPreviousData },
  );
  const clearSearch = () => {
    setSearch("");
    table.clearFilters();
  };
  return { table, search, setSearch, clearSearch, query };
};

/** Every customer organisation, searchable and sortable, a page at a time. */
export const OrganizationsPage = () => {
  const me = useMe();
  const { table, search, setSearch, clearSearch, query } = useOrganizationList();
  return (
    <>
      <PageHeader
        title="Organisations"
        description="Every customer organisation, searchable by name, slug or contact."
        actions={
          me.data?.role === "ADMIN" && (
            <Button asChild>
              <Link to="/console/organizations/new">New organisation</Link>
            </Button>
          )
        }
      />
      <Card>
        <div className="mb-4 w-full max-w-sm">
          <Field
            label="Search"
            name="search"
            type="search"
            value={search}
            onChange={setSearch}
            placeholder="Name, slug or contact"
          />
        </div>
        <FilterChips
          chips={table.filters.q ? [{ name: "q", label: `Search: “${table.filters.q}”` }] : []}
          onClear={clearSearch}
          onClearAll={clearSearch}
        />
        <QueryState query={query}>
          {(data) =>
            data.items.length === 0 ? (
              <TableEmpty
                filtered={table.active.length > 0}
                empty="No organisations yet."
                noMatch={`No organisations match “${table.filters.q}”.`}
                onClear={clearSearch}
              />
            ) : (
              <>
                <DataTable
                  id="organizations"
                  caption="Organisations"
                  columns={ORGANIZATION_COLUMNS}
                  data={data.items}
                  getRowId={(row) => row.id}
                  sorting={table.sorting}
                  onSortingChange={table.onSortingChange}
                  toolbar={
                    <p role="status" className="mr-auto text-sm text-fg-muted">
                      {query.isFetching && !query.isPending ? "Updating…" : ""}
                    </p>
                  }
                />
                <Pagination
                  page={data.page}
                  pageCount={data.pageCount}
                  total={data.total}
                  onPage={table.setPage}
                  noun="organisation"
                />
              </>
            )
          }
        </QueryState>
      </Card>
    </>
  );
};
