import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Link } from "react-router";
import { useMe } from "../auth/session.tsx";
import { Card, Field, formatDay, PageHeader, Pagination, QueryState } from "../components/ui.tsx";
import { useTRPC } from "../trpc.ts";

const useDebounced = (value: string, ms = 250) => {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
};

export const OrganizationsPage = () => {
  const trpc = useTRPC();
  const me = useMe();
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState("");
  const debounced = useDebounced(search);
  const query = useQuery({
    ...trpc.organizations.list.queryOptions({
      page,
      pageSize: 20,
      ...(debounced ? { search: debounced } : {}),
    }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader
        title="Organisations"
        description="Every customer organisation, searchable by name, slug or contact."
        actions={
          me.data?.role === "ADMIN" && (
            <Link
              to="/console/organizations/new"
              className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700"
            >
              New organisation
            </Link>
          )
        }
      />
      <Card>
        <div className="mb-4 max-w-sm">
          <Field
            label="Search"
            name="search"
            value={search}
            onChange={(value) => {
              setSearch(value);
              setPage(1);
            }}
            placeholder="Name, slug or contact"
          />
        </div>
        <QueryState query={query}>
          {(data) =>
            data.items.length === 0 ? (
              <p className="py-6 text-sm text-slate-600">No organisations match.</p>
            ) : (
              <>
                <table className="w-full text-left text-sm">
                  <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
                    <tr>
                      <th scope="col" className="py-2 pr-4">
                        Name
                      </th>
                      <th scope="col" className="py-2 pr-4">
                        Slug
                      </th>
                      <th scope="col" className="py-2 pr-4">
                        Contact
                      </th>
                      <th scope="col" className="py-2">
                        Created
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {data.items.map((organization) => (
                      <tr key={organization.id}>
                        <td className="py-2 pr-4">
                          <Link
                            to={`/console/organizations/${organization.id}`}
                            className="font-medium text-brand-700 hover:underline"
                          >
                            {organization.name}
                          </Link>
                        </td>
                        <td className="py-2 pr-4 font-mono text-xs">{organization.slug}</td>
                        <td className="py-2 pr-4">
                          {organization.contactName}{" "}
                          <span className="text-slate-500">{organization.contactEmail}</span>
                        </td>
                        <td className="py-2">{formatDay(organization.createdAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <Pagination page={data.page} pageCount={data.pageCount} total={data.total} onPage={setPage} />
              </>
            )
          }
        </QueryState>
      </Card>
    </>
  );
};
