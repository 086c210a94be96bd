import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CreateLicenseInput, LICENSE_STATUSES, TIERS, type Tier } from "@tessera/domain";
import { type FormEvent, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useMe } from "../auth/session.tsx";
import { Button } from "../components/button.tsx";
import { Card } from "../components/card.tsx";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Field } from "../components/field.tsx";
import { formatDay } from "../components/format-date.ts";
import { KeyReveal } from "../components/key-reveal.tsx";
import { LicenseStatusBadge } from "../components/license-badges.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { Pagination } from "../components/pagination.tsx";
import { QueryState } from "../components/query-state.tsx";
import { Select } from "../components/select.tsx";
import { useSchemaForm } from "../components/use-form.ts";
import { useUrlFilters } from "../components/use-url-filters.ts";
import { useTRPC } from "../trpc.ts";

type Sort = "createdAt" | "expiresAt" | "tier" | "status" | "organization";
const METRIC_LABELS = {
  ACTIVE_USERS: "Active users",
  COURSES: "Courses",
  API_CALLS: "API calls / month",
  STORAGE_BYTES: "Storage (bytes)",
} as const;

const CreateLicense = ({
  organizationId,
  onCreated,
}: {
  organizationId: string;
  onCreated: (key: string, id: string) => void;
}) => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [orgSearch, setOrgSearch] = useState("");
  const organizations = useQuery(
    trpc.organizations.list.queryOptions({ pageSize: 50, ...(orgSearch ? { search: orgSearch } : {}) }),
  );
  const [values, setValues] = useState({
    organizationId,
    tier: "STARTER" as Tier,
    termMonths: "12",
    tokenTtlDays: "30",
    autoRenew: false,
    limits: { ACTIVE_USERS: "", COURSES: "", API_CALLS: "", STORAGE_BYTES: "" },
    features: "",
  });
  const form = useSchemaForm(CreateLicenseInput);
  const create = useMutation(
    trpc.licenses.create.mutationOptions({
      onSuccess: async ({ key, license }) => {
        await queryClient.invalidateQueries({ queryKey: trpc.licenses.pathKey() });
        onCreated(key, license.id);
      },
      onError: form.showServerErrors,
    }),
  );
  const limit = (text: string) => (text.trim() === "" ? null : Number(text));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const custom = values.tier === "CUSTOM";
    const input = form.parse({
      organizationId: values.organizationId,
      tier: values.tier,
      termMonths: Number(values.termMonths),
      tokenTtlDays: Number(values.tokenTtlDays),
      autoRenew: values.autoRenew,
      ...(custom
        ? {
            customLimits: Object.fromEntries(
              Object.entries(values.limits).map(([metric, text]) => [metric, limit(text)]),
            ),
            customFeatures: values.features
              .split(",")
              .map((feature) => feature.trim().toUpperCase())
              .filter(Boolean),
          }
        : {}),
    });
    if (input) create.mutate(input);
  };
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <div className="grid gap-4 md:grid-cols-4">
        <Field
          label="Find organisation"
          name="orgSearch"
          value={orgSearch}
          onChange={setOrgSearch}
          placeholder="Name or slug"
        />
        <Select
          label="Organisation"
          name="organizationId"
          value={values.organizationId}
          onChange={(value) => setValues({ ...values, organizationId: value })}
          error={form.errors.organizationId}
          options={[
            { value: "", label: "Choose…" },
            ...(organizations.data?.items ?? []).map((org) => ({ value: org.id, label: org.name })),
          ]}
        />
        <Select
          label="Tier"
          name="tier"
          value={values.tier}
          onChange={(tier) => setValues({ ...values, tier: tier as Tier })}
          error={form.errors.tier}
          options={TIERS.map((tier) => ({ value: tier, label: tier }))}
        />
        <Field
          label="Term (months)"
          name="termMonths"
          type="number"
          value={values.termMonths}
          onChange={(termMonths) => setValues({ ...values, termMonths })}
          error={form.errors.termMonths}
        />
        <Field
          label="Offline token lifetime (days)"
          name="tokenTtlDays"
          type="number"
          value={values.tokenTtlDays}
          onChange={(tokenTtlDays) => setValues({ ...values, tokenTtlDays })}
          error={form.errors.tokenTtlDays}
        />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={values.autoRenew}
          onChange={(event) => setValues({ ...values, autoRenew: event.target.checked })}
        />
        Renew automatically at expiry (invoiced)
      </label>
      {values.tier === "CUSTOM" && (
        <fieldset className="grid gap-4 md:grid-cols-4">
          <legend className="mb-2 text-sm font-semibold text-slate-700 dark:text-slate-300">
            Custom limits (empty: unlimited)
          </legend>
          {(Object.keys(METRIC_LABELS) as (keyof typeof METRIC_LABELS)[]).map((metric) => (
            <Field
              key={metric}
              label={METRIC_LABELS[metric]}
              name={metric}
              type="number"
              value={values.limits[metric]}
              onChange={(text) => setValues({ ...values, limits: { ...values.limits, [metric]: text } })}
              error={form.errors[`customLimits.${metric}`] ?? form.errors.customLimits}
            />
          ))}
          <div className="md:col-span-4">
            <Field
              label="Features (comma-separated)"
              name="features"
              value={values.features}
              onChange={(features) => setValues({ ...values, features })}
              error={form.errors.customFeatures}
              hint="BRANDING, CUSTOM_DOMAIN, SSO, API_ACCESS, FEATURE_TOGGLES, INTEGRATIONS, PRIORITY_SUPPORT, DEDICATED_SUPPORT"
            />
          </div>
        </fieldset>
      )}
      <ErrorAlert error={create.error} />
      <div className="flex justify-end">
        <Button type="submit" busy={create.isPending}>
          {create.isPending ? "Creating…" : "Create license"}
        </Button>
      </div>
    </form>
  );
};

const EXPIRING_CHOICES = ["7", "30", "90"] as const;

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
  const [sort, setSort] = useState<Sort>("createdAt");
  const [direction, setDirection] = useState<"asc" | "desc">("desc");
  const [revealed, setRevealed] = useState<{ key: string; id: string } | null>(null);
  const creating = params.get("create");
  /** Open (with an organisation chosen, or "") or close the create form, keeping the filters. */
  const withCreate = (value: string | null) => (current: URLSearchParams) => {
    const next = new URLSearchParams(current);
    if (value === null) next.delete("create");
    else next.set("create", value);
    return next;
  };
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
  const sortBy = (column: Sort) => {
    if (sort === column) setDirection(direction === "asc" ? "desc" : "asc");
    else {
      setSort(column);
      setDirection("asc");
    }
  };
  const header = (column: Sort, label: string) => (
    <th
      scope="col"
      className="py-2 pr-4"
      aria-sort={sort === column ? (direction === "asc" ? "ascending" : "descending") : "none"}
    >
      <button
        type="button"
        className="uppercase hover:text-slate-800 dark:hover:text-slate-200"
        onClick={() => sortBy(column)}
      >
        {label}
        {sort === column ? (direction === "asc" ? " ▲" : " ▼") : ""}
      </button>
    </th>
  );
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
      {revealed && (
        <div className="mb-6">
          <KeyReveal label="New license key" value={revealed.key} onDismiss={() => setRevealed(null)} />
          <p className="mt-2 text-sm">
            <Link
              className="text-indigo-700 dark:text-indigo-300 underline"
              to={`/console/licenses/${revealed.id}`}
            >
              Open the license
            </Link>
          </p>
        </div>
      )}
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
        <QueryState query={list}>
          {(data) =>
            data.items.length === 0 ? (
              <p className="py-6 text-sm text-slate-600 dark:text-slate-300">No licenses match.</p>
            ) : (
              <>
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
                    {data.items.map((license) => (
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
                            <span className="text-slate-500 dark:text-slate-400">
                              {" "}
                              · {license.daysUntilExpiry} d
                            </span>
                          ) : null}
                        </td>
                        <td className="py-2 pr-4 font-mono text-xs">{license.keyHint}</td>
                        <td className="py-2 pr-4">{formatDay(license.createdAt)}</td>
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
