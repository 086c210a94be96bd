import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { LICENSE_STATUSES, TIERS, type Tier } from "@tessera/domain";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useMe } from "../auth/session.tsx";
import { Button } from "../components/button.tsx";
import { Card } from "../components/card.tsx";
import { KeyReveal } from "../components/key-reveal.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { Pagination } from "../components/pagination.tsx";
import { QueryState } from "../components/query-state.tsx";
import { useUrlFilters } from "../components/use-url-filters.ts";
import { useTRPC } from "../trpc.ts";
import { CreateLicense } from "./create-license-form.tsx";
import { EXPIRING_CHOICES, LicenseFilters, LicensesTable, useLicenseSort } from "./licenses-table.tsx";

/** Open (with an organisation chosen, or "") or close the create form, keeping the filters. */
const withCreate = (value: string | null) => (current: URLSearchParams) => {
  const next = new URLSearchParams(current);
  if (value === null) next.delete("create");
  else next.set("create", value);
  return next;
};

/** The new license's key, shown once, with a way to the license. */
const NewLicenseKey = ({
  revealed,
  onDismiss,
}: {
  revealed: { key: string; id: string };
  onDismiss: () => void;
}) => (
  <div className="mb-6">
    <KeyReveal label="New license key" value={revealed.key} onDismiss={onDismiss} />
    <p className="mt-2 text-sm">
      <Link
        className="text-indigo-700 dark:text-indigo-300 underline"
        to={`/console/licenses/${revealed.id}`}
      >
        Open the license
      </Link>
    </p>
  </div>
);

export const LicensesPage = () => {
  const trpc = useTRPC();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState(1);
  const [{ tier, status, expiring }, setFilter] = useUrlFilters(
    { tier: "", status: "", expiring: "" },
    { tier: TIERS, status: LICENSE_STATUSES, expiring: EXPIRING_CHOICES },
    () => setPage(1),
  );
  const { sort, direction, sortBy } = useLicenseSort();
  const [revealed, setRevealed] = useState<{ key: string; id: string } | null>(null);
  const creating = params.get("create");
  const organizationId = params.get("organizationId") ?? undefined;
  const filter = {
    page,
    pageSize: 20,
    sort,
    direction,
    ...(tier ? { tier: tier as Tier } : {}),
    ...(status ? { status: status as (typeof LICENSE_STATUSES)[number] } : {}),
    ...(expiring ? { expiringWithinDays: Number(expiring) } : {}),
    ...(organizationId ? { organizationId } : {}),
  };
  const list = useQuery({ ...trpc.licenses.list.queryOptions(filter), placeholderData: keepPreviousData });
  return (
    <>
      <PageHeader
        title="License management"
        description="Every license, by tier, status and expiry."
        actions={
          me.data?.role === "ADMIN" &&
          !creating && <Button onClick={() => setParams(withCreate(""))}>New license</Button>
        }
      />
      {revealed && <NewLicenseKey revealed={revealed} onDismiss={() => setRevealed(null)} />}
      {creating !== null && (
        <div className="mb-6">
          <Card
            title="New license"
            actions={
              <Button variant="secondary" onClick={() => setParams(withCreate(null))}>
                Close
              </Button>
            }
          >
            <CreateLicense
              organizationId={creating}
              onCreated={(key, id) => {
                setRevealed({ key, id });
                setParams(withCreate(null));
              }}
            />
          </Card>
        </div>
      )}
      <Card>
        <LicenseFilters tier={tier} status={status} expiring={expiring} setFilter={setFilter} />
        <QueryState query={list}>
          {(data) =>
            data.items.length === 0 ? (
              <p className="py-6 text-sm text-slate-600 dark:text-slate-300">No licenses match.</p>
            ) : (
              <>
                <LicensesTable items={data.items} sort={sort} direction={direction} onSort={sortBy} />
                <Pagination page={data.page} pageCount={data.pageCount} total={data.total} onPage={setPage} />
              </>
            )
          }
        </QueryState>
      </Card>
    </>
  );
};
