import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { AppRouter } from "@tessera/api";
import type { inferRouterOutputs } from "@trpc/server";
import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useMe } from "../auth/session.tsx";
import { Card } from "../components/card.tsx";
import { PRIMARY_LINK } from "../components/class-names.ts";
import { Field } from "../components/field.tsx";
import { formatDay } from "../components/format-date.ts";
import { PageHeader } from "../components/page-header.tsx";
import { Pagination } from "../components/pagination.tsx";
import { QueryState } from "../components/query-state.tsx";
import { useDebounced } from "../components/use-debounced.ts";
import { useTRPC } from "../trpc.ts";

const PAGE_SIZE = 20;

type OrganizationRow = inferRouterOutputs<AppRouter>["organizations"]["list"]["items"][number];

/** Page and search live in the URL, so back, reload and shared links keep them. */
const useOrganizationSearch = () => {
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get("page")) || 1);
  const [search, setSearch] = useState(params.get("q") ?? "");
  const debounced = useDebounced(search.trim(), 300);
  useEffect(() => {
    if ((params.get("q") ?? "") === debounced) return;
    const next = new URLSearchParams(params);
    if (debounced) next.set("q", debounced);
    else next.delete("q");
    next.delete("page");
    setParams(next, { replace: true });
  }, [debounced, params, setParams]);
  const query = useQuery({
    ...trpc.organizations.list.queryOptions({
      page,
      pageSize: PAGE_SIZE,
      ...(debounced ? { search: debounced } : {}),
    }),
    placeholderData: keepPreviousData,
  });
  const goTo = (next: number) =>
    setParams((current) => {
      const updated = new URLSearchParams(current);
      updated.set("page", String(next));
      return updated;
    });
  return { search, setSearch, debounced, query, goTo };
};

const OrganizationsTable = ({ organizations }: { organizations: OrganizationRow[] }) => (
  <table className="w-full text-left text-sm">
    <caption className="sr-only">Organisations</caption>
    <thead className="border-b border-slate-200 dark:border-slate-700 text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
      <tr>
        <th scope="col" className="py-2 pr-4 font-medium">
          Name
        </th>
        <th scope="col" className="py-2 pr-4 font-medium">
          Slug
        </th>
        <th scope="col" className="py-2 pr-4 font-medium">
          Contact
        </th>
        <th scope="col" className="py-2 font-medium">
          Created
        </th>
      </tr>
    </thead>
    <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
      {organizations.map((organization) => (
        <tr key={organization.id} className="hover:bg-slate-50 dark:hover:bg-slate-800">
          <td className="py-2.5 pr-4">
            <Link
              to={`/console/organizations/${organization.id}`}
              className="font-medium text-indigo-700 dark:text-indigo-300 hover:underline"
            >
              {organization.name}
            </Link>
          </td>
          <td className="py-2.5 pr-4 font-mono text-xs text-slate-700 dark:text-slate-300">
            {organization.slug}
          </td>
          <td className="py-2.5 pr-4 text-slate-700 dark:text-slate-300">
            {organization.contactName}{" "}
            <span className="text-slate-500 dark:text-slate-400">{organization.contactEmail}</span>
          </td>
          <td className="py-2.5 text-slate-700 dark:text-slate-300">{formatDay(organization.createdAt)}</td>
        </tr>
      ))}
    </tbody>
  </table>
);

/** Every customer organisation, searchable, a page at a time. */
export const OrganizationsPage = () => {
  const me = useMe();
  const { search, setSearch, debounced, query, goTo } = useOrganizationSearch();
  return (
    <>
      <PageHeader
        title="Organisations"
        description="Every customer organisation, searchable by name, slug or contact."
        actions={
          me.data?.role === "ADMIN" && (
            <Link to="/console/organizations/new" className={PRIMARY_LINK}>
              New organisation
            </Link>
          )
        }
      />
      <Card>
        <div className="mb-4 flex flex-wrap items-end justify-between gap-4">
          <div className="w-full max-w-sm">
            <Field
              label="Search"
              name="search"
              type="search"
              value={search}
              onChange={setSearch}
              placeholder="Name, slug or contact"
            />
          </div>
          <p role="status" className="text-sm text-slate-500 dark:text-slate-400">
            {query.isFetching && !query.isPending ? "Updating…" : ""}
          </p>
        </div>
        <QueryState query={query}>
          {(data) =>
            data.items.length === 0 ? (
              <p className="py-6 text-sm text-slate-600 dark:text-slate-300">
                {debounced ? `No organisations match “${debounced}”.` : "No organisations yet."}
              </p>
            ) : (
              <>
                <div className="overflow-x-auto">
                  <OrganizationsTable organizations={data.items} />
                </div>
                <Pagination
                  page={data.page}
                  pageCount={data.pageCount}
                  total={data.total}
                  onPage={goTo}
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
