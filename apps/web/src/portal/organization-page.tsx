import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { UpdateOwnContactInput } from "@tessera/domain";
import { type FormEvent, useState } from "react";
import { useMe } from "../auth/session.tsx";
import {
  ContactFields,
  type ContactValues,
  contactInputOf,
  contactValuesOf,
} from "../components/organization-fields.tsx";
import { Alert, Button, Card, ErrorAlert, PageHeader, QueryState } from "../components/ui.tsx";
import { useSchemaForm } from "../components/use-form.ts";
import { useTRPC } from "../trpc.ts";

const ContactForm = ({ initial }: { initial: ContactValues }) => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(initial);
  const [saved, setSaved] = useState(false);
  const form = useSchemaForm(UpdateOwnContactInput);
  const update = useMutation(
    trpc.organizations.updateMine.mutationOptions({
      onSuccess: async () => {
        setSaved(true);
        await queryClient.invalidateQueries({ queryKey: trpc.organizations.mine.queryKey() });
      },
      onError: form.showServerErrors,
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const input = form.parse(contactInputOf(values));
    if (input) update.mutate(input);
  };
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <ContactFields values={values} onChange={setValues} errors={form.errors} />
      <ErrorAlert error={update.error} />
      {saved && <Alert tone="success">Contact details saved.</Alert>}
      <div className="flex justify-end">
        <Button type="submit" busy={update.isPending}>
          {update.isPending ? "Saving…" : "Save contact details"}
        </Button>
      </div>
    </form>
  );
};

export const PortalOrganizationPage = () => {
  const trpc = useTRPC();
  const me = useMe();
  const organization = useQuery(trpc.organizations.mine.queryOptions());
  const canEdit = me.data?.role === "OWNER" || me.data?.role === "ADMIN";
  return (
    <QueryState query={organization}>
      {(org) => (
        <>
          <PageHeader
            title={org.name}
            description={
              <>
                Your organisation · <span className="font-mono">{org.slug}</span>
                {org.accountManager ? ` · account manager ${org.accountManager.name}` : ""}
              </>
            }
          />
          <Card title="Contact and billing">
            {canEdit ? (
              <ContactForm initial={contactValuesOf(org)} />
            ) : (
              <dl className="grid gap-4 text-sm md:grid-cols-3">
                <div>
                  <dt className="text-xs uppercase text-slate-500">Contact</dt>
                  <dd>
                    {org.contactName} · {org.contactEmail}
                  </dd>
                </div>
                <div>
                  <dt className="text-xs uppercase text-slate-500">Phone</dt>
                  <dd>{org.contactPhone ?? "—"}</dd>
                </div>
                <div>
                  <dt className="text-xs uppercase text-slate-500">Billing country</dt>
                  <dd>{org.billingAddress?.country ?? "—"}</dd>
                </div>
              </dl>
            )}
          </Card>
        </>
      )}
    </QueryState>
  );
};
