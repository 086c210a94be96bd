import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AppRouter } from "@tessera/api";
import { UpdateOrganizationInput } from "@tessera/domain";
import type { inferRouterOutputs } from "@trpc/server";
import { type FormEvent, useState } from "react";
import { Link, useParams } from "react-router";
import { useMe } from "../auth/session.tsx";
import { Alert } from "../components/alert.tsx";
import { AuditLog } from "../components/audit-log.tsx";
import { Button } from "../components/button.tsx";
import { Card } from "../components/card.tsx";
import { SECONDARY_LINK } from "../components/class-names.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { formatDay } from "../components/format-date.ts";
import { LicenseStatusBadge } from "../components/license-badges.tsx";
import { ContactDetails, contactValuesOf, Detail } from "../components/organization-fields.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { useRecordTitle } from "../components/page-title.tsx";
import { QueryState } from "../components/query-state.tsx";
import { TeamManager } from "../components/team-manager.tsx";
import { useSchemaForm } from "../components/use-form.ts";
import { useTRPC } from "../trpc.ts";
import { OrganizationFields, type OrganizationValues, organizationInputOf } from "./organization-form.tsx";
import { WhiteLabelOverview } from "./white-label-overview.tsx";

type Organization = inferRouterOutputs<AppRouter>["organizations"]["get"];

const EditOrganization = ({ organization, onDone }: { organization: Organization; onDone: () => void }) => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<OrganizationValues>({
    ...contactValuesOf(organization),
    name: organization.name,
    slug: organization.slug,
    metadata: JSON.stringify(organization.metadata, null, 2),
    accountManagerId: organization.accountManagerId ?? "",
  });
  const form = useSchemaForm(UpdateOrganizationInput);
  const update = useMutation(
    trpc.organizations.update.mutationOptions({
      onSuccess: async () => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.organizations.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() }),
        ]);
        onDone();
      },
      onError: form.showServerErrors,
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.reset();
    const { input, errors } = organizationInputOf(values);
    const parsed = form.parse({ organizationId: organization.id, ...input }, errors);
    if (parsed) update.mutate(parsed);
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Edit organisation" className="space-y-4">
      <OrganizationFields values={values} onChange={setValues} errors={form.errors} />
      <ErrorAlert error={update.error} title="Changes not saved" />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" busy={update.isPending}>
          {update.isPending ? "Saving…" : "Save changes"}
        </Button>
      </div>
    </form>
  );
};

export const OrganizationDetailPage = () => {
  const { organizationId = "" } = useParams();
  const trpc = useTRPC();
  const me = useMe();
  const isAdmin = me.data?.role === "ADMIN";
  const [editing, setEditing] = useState(false);
  const organization = useQuery(trpc.organizations.get.queryOptions({ organizationId }));
  const license = useQuery(trpc.licenses.byOrganization.queryOptions({ organizationId }));
  useRecordTitle(organization.data?.name);
  return (
    <QueryState
      query={organization}
      record={{ what: "organisation", list: { to: "/console/organizations", label: "All organisations" } }}
    >
      {(org) => (
        <div className="space-y-6">
          <PageHeader
            title={org.name}
            description={<span className="font-mono">{org.slug}</span>}
            actions={
              <div className="flex gap-2">
                <Link className={SECONDARY_LINK} to={`/console/organizations/${org.id}/health`}>
                  Health
                </Link>
                {isAdmin && !editing && (
                  <Button variant="secondary" onClick={() => setEditing(true)}>
                    Edit
                  </Button>
                )}
              </div>
            }
          />
          <Card title="Details">
            {editing ? (
              <EditOrganization organization={org} onDone={() => setEditing(false)} />
            ) : (
              <dl className="grid gap-4 md:grid-cols-3">
                <ContactDetails organization={org} />
                <Detail label="Account manager">
                  {org.accountManager ? `${org.accountManager.name} (${org.accountManager.email})` : "—"}
                </Detail>
                <Detail label="Metadata">
                  <pre className="whitespace-pre-wrap break-all rounded bg-slate-50 dark:bg-slate-800 p-2 text-xs">
                    {JSON.stringify(org.metadata, null, 2)}
                  </pre>
                </Detail>
                <Detail label="Created">{formatDay(org.createdAt)}</Detail>
              </dl>
            )}
          </Card>
          <Card
            title="License"
            actions={
              <Link
                className="text-sm text-indigo-700 dark:text-indigo-300 hover:underline"
                to={`/console/licenses?organizationId=${org.id}`}
              >
                All licenses
              </Link>
            }
          >
            <QueryState query={license}>
              {({ current }) =>
                current ? (
                  <p className="text-sm">
                    <Link
                      to={`/console/licenses/${current.id}`}
                      className="font-medium text-indigo-700 dark:text-indigo-300 hover:underline"
                    >
                      {current.tier}
                    </Link>{" "}
                    <LicenseStatusBadge status={current.status} /> · expires {formatDay(current.expiresAt)} ·
                    key {current.keyHint}
                  </p>
                ) : (
                  <Alert tone="info">
                    No license yet.{" "}
                    {isAdmin && (
                      <Link className="underline" to={`/console/licenses?create=${org.id}`}>
                        Create one
                      </Link>
                    )}
                  </Alert>
                )
              }
            </QueryState>
          </Card>
          <WhiteLabelOverview organizationId={org.id} canDelete={isAdmin} />
          <TeamManager organizationId={org.id} canManage={isAdmin} canGrantOwner />
          <Card title="Audit log">
            <AuditLog scope="staff" organizationId={org.id} />
          </Card>
        </div>
      )}
    </QueryState>
  );
};
