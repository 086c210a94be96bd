import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { UpdateOwnContactInput } from "@tessera/domain";
import { type FormEvent, useState } from "react";
import { isCustomerAdmin, useRole } from "../auth/session.tsx";
import { Alert } from "../components/alert.tsx";
import { Button } from "../components/button.tsx";
import { Card } from "../components/card.tsx";
import { ErrorAlert } from "../components/error-alert.tsx";
import { formatDay } from "../components/format-date.ts";
import {
  ContactDetails,
  ContactFields,
  type ContactValues,
  contactInputOf,
  contactValuesOf,
  Detail,
} from "../components/organization-fields.tsx";
import { HealthSummary, portalHealthLinks } from "../components/organization-health.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { QueryState } from "../components/query-state.tsx";
import { useSchemaForm } from "../components/use-form.ts";
import { useTRPC } from "../trpc.ts";

const ContactForm = ({ initial, onDone }: { initial: ContactValues; onDone: (saved: boolean) => void }) => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(initial);
  const form = useSchemaForm(UpdateOwnContactInput);
  const update = useMutation(
    trpc.organizations.updateMine.mutationOptions({
      onSuccess: async () => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.organizations.mine.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() }),
        ]);
        onDone(true);
      },
      onError: form.showServerErrors,
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.reset();
    const input = form.parse(contactInputOf(values));
    if (input) update.mutate(input);
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Contact details" className="space-y-4">
      <ContactFields values={values} onChange={setValues} errors={form.errors} />
      <ErrorAlert error={update.error} title="Contact details not saved" />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={() => onDone(false)} disabled={update.isPending}>
          Cancel
        </Button>
        <Button type="submit" busy={update.isPending}>
          {update.isPending ? "Saving…" : "Save contact details"}
        </Button>
      </div>
    </form>
  );
};

/** The customer's own organisation: everyone reads it, owners and admins edit its contact details. */
export const PortalOrganizationPage = () => {
  const trpc = useTRPC();
  const canEdit = isCustomerAdmin(useRole());
  const organization = useQuery(trpc.organizations.mine.queryOptions());
  const health = useQuery(trpc.organizations.myHealth.queryOptions());
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  return (
    <QueryState query={organization}>
      {(org) => (
        <div className="space-y-6">
          <PageHeader
            title={org.name}
            description={
              <>
                Your organisation · <span className="font-mono">{org.slug}</span>
              </>
            }
          />
          <QueryState query={health}>
            {(data) => <HealthSummary health={data} links={portalHealthLinks(canEdit)} />}
          </QueryState>
          {saved && <Alert tone="success">Contact details saved.</Alert>}
          <Card
            title="Contact and billing"
            actions={
              canEdit &&
              !editing && (
                <Button
                  variant="secondary"
                  onClick={() => {
                    setSaved(false);
                    setEditing(true);
                  }}
                >
                  Edit contact details
                </Button>
              )
            }
          >
            {editing ? (
              <ContactForm
                initial={contactValuesOf(org)}
                onDone={(done) => {
                  setSaved(done);
                  setEditing(false);
                }}
              />
            ) : (
              <dl className="grid gap-4 md:grid-cols-3">
                <ContactDetails organization={org} />
              </dl>
            )}
          </Card>
          <Card title="Your account team">
            <dl className="grid gap-4 md:grid-cols-3">
              <Detail label="Account manager">
                {org.accountManager ? (
                  <>
                    {org.accountManager.name}
                    <br />
                    <a
                      className="text-indigo-700 dark:text-indigo-300 hover:underline"
                      href={`mailto:${org.accountManager.email}`}
                    >
                      {org.accountManager.email}
                    </a>
                  </>
                ) : (
                  "Not assigned yet"
                )}
              </Detail>
              <Detail label="Customer since">{formatDay(org.createdAt)}</Detail>
            </dl>
          </Card>
        </div>
      )}
    </QueryState>
  );
};
