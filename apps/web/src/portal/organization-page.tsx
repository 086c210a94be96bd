import { UpdateOwnContactInput } from "@tessera/domain";
import { Alert, Button, Card } from "@tessera/ui";
import { useState } from "react";
import { isCustomerAdmin, useRole } from "../auth/session.tsx";
import { useDateFormat } from "../components/dates/use-date-format.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { FormError } from "../components/form-field.tsx";
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
import { useZodForm } from "../components/zod-form.ts";
import { trpc } from "../trpc.ts";

const ContactForm = ({ initial, onDone }: { initial: ContactValues; onDone: (saved: boolean) => void }) => {
  const utils = trpc.useUtils();
  const form = useZodForm({
    schema: UpdateOwnContactInput,
    defaultValues: initial,
    toInput: (values) => ({ input: contactInputOf(values) }),
  });
  const update = trpc.organizations.updateMine.useMutation({
    onSuccess: async () => {
      await Promise.all([utils.organizations.mine.invalidate(), utils.audit.invalidate()]);
      onDone(true);
    },
    onError: form.showServerErrors,
  });
  const submit = form.handleSubmit(
    (input) => update.mutate(input),
    () => update.reset(),
  );
  return (
    <form onSubmit={submit} noValidate aria-label="Contact details" className="space-y-4">
      <ContactFields control={form.control} />
      <FormError control={form.control} />
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
  const dates = useDateFormat();
  const canEdit = isCustomerAdmin(useRole());
  const organization = trpc.organizations.mine.useQuery();
  const health = trpc.organizations.myHealth.useQuery();
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
              <Detail label="Customer since">{dates.day(org.createdAt)}</Detail>
            </dl>
          </Card>
        </div>
      )}
    </QueryState>
  );
};
