import { useMutation, useQuery } from "@tanstack/react-query";
import { CustomDomainInput, countOf } from "@tessera/domain";
import { type FormEvent, useState } from "react";
import { Badge } from "../../components/badge.tsx";
import { Button } from "../../components/button.tsx";
import { Card } from "../../components/card.tsx";
import { ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { Field } from "../../components/field.tsx";
import { formatDate } from "../../components/format-date.ts";
import { Detail } from "../../components/organization-fields.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { useSchemaForm } from "../../components/use-form.ts";
import { useTRPC } from "../../trpc.ts";
import { type CustomDomain, DnsRecords, ServingNotice } from "./domain-records.tsx";
import { GateNotice } from "./tier-gate.tsx";
import { type Gate, useRefreshWhiteLabel, useWhiteLabelConfig } from "./white-label-data.ts";

const STATUS_TONE = { PENDING: "amber", VERIFIED: "green", FAILED: "red", LAPSED: "red" } as const;

export const DomainStatusBadge = ({ status }: { status: CustomDomain["status"] }) => (
  <Badge tone={STATUS_TONE[status]}>{status}</Badge>
);

const HostnameForm = ({ current, gate }: { current: CustomDomain | null; gate: Gate }) => {
  const trpc = useTRPC();
  const refresh = useRefreshWhiteLabel();
  const [hostname, setHostname] = useState(current?.hostname ?? "");
  const form = useSchemaForm(CustomDomainInput);
  const save = useMutation(
    trpc.whiteLabel.setCustomDomain.mutationOptions({ onSuccess: refresh, onError: form.showServerErrors }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.reset();
    const input = form.parse({ hostname });
    if (input) save.mutate(input);
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Custom domain" className="space-y-4">
      <fieldset disabled={!gate.allowed} className="space-y-4">
        <Field
          label="Hostname"
          name="hostname"
          value={hostname}
          onChange={setHostname}
          error={form.errors.hostname}
          placeholder="learn.example.com"
          hint="A name you own, without https:// or a path. Changing it starts a new verification."
          required
        />
      </fieldset>
      <ErrorAlert error={save.error} title="Hostname not saved" />
      <div className="flex justify-end">
        <Button type="submit" busy={save.isPending} disabled={!gate.allowed}>
          {save.isPending ? "Saving…" : current ? "Change hostname" : "Save hostname"}
        </Button>
      </div>
    </form>
  );
};

const SeenRecords = ({ domain }: { domain: CustomDomain }) => {
  if (domain.dnsError) return <span className="font-mono">{domain.dnsError}</span>;
  if (!domain.dnsRecords) return <>Not looked up yet</>;
  if (domain.dnsRecords.length === 0) return <>None</>;
  return (
    <ul className="space-y-1">
      {domain.dnsRecords.map((record) => (
        <li key={record} className="break-all font-mono text-xs">
          {record}
        </li>
      ))}
    </ul>
  );
};

const RoutingSeen = ({ domain }: { domain: CustomDomain }) => {
  if (!domain.routing) return <>Not looked up yet</>;
  if (domain.routing.records.length === 0) return <>None</>;
  return (
    <ul className="space-y-1">
      {domain.routing.records.map((record) => (
        <li key={record} className="break-all font-mono text-xs">
          {record}
        </li>
      ))}
    </ul>
  );
};

const Verification = ({ domain, gate }: { domain: CustomDomain; gate: Gate }) => {
  const trpc = useTRPC();
  const refresh = useRefreshWhiteLabel();
  const [removing, setRemoving] = useState(false);
  const verify = useMutation(trpc.whiteLabel.verifyDomain.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(
    trpc.whiteLabel.deleteCustomization.mutationOptions({
      onSuccess: async () => {
        setRemoving(false);
        await refresh();
      },
    }),
  );
  return (
    <Card
      title="Verification"
      actions={
        <span data-testid="domain-status">
          <DomainStatusBadge status={domain.status} />
        </span>
      }
    >
      <div className="space-y-5">
        <ServingNotice domain={domain} />
        <dl className="grid gap-4 md:grid-cols-3">
          <Detail label="Hostname">
            <span className="font-mono">{domain.hostname}</span>
          </Detail>
          <Detail label="Last checked">
            {domain.checkedAt ? formatDate(domain.checkedAt) : "Not yet"}
            {domain.checks > 0 && ` (${countOf(domain.checks, "check")})`}
          </Detail>
          <Detail label="Verified">{domain.verifiedAt ? formatDate(domain.verifiedAt) : "Not yet"}</Detail>
          <Detail label="Result">{domain.reason ?? "Waiting for the first check"}</Detail>
          <Detail label="TXT records seen">
            <SeenRecords domain={domain} />
          </Detail>
          <Detail label="Routing">
            {domain.routing ? domain.routing.reason : "Checked with the TXT record"}
          </Detail>
          <Detail label="Routing records seen">
            <RoutingSeen domain={domain} />
          </Detail>
        </dl>
        <DnsRecords domain={domain} />
        <ErrorAlert error={verify.error} title="Could not check" />
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={() => setRemoving(true)}>
            Remove domain
          </Button>
          <Button busy={verify.isPending} disabled={!gate.allowed} onClick={() => verify.mutate()}>
            {verify.isPending ? "Checking DNS…" : "Verify now"}
          </Button>
        </div>
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Unverified domains are also re-checked automatically every few minutes for 72 hours after they are
          set; verified ones daily. A verified domain whose TXT record stays missing for 72 hours lapses.
        </p>
      </div>
      <ConfirmDialog
        open={removing}
        title={`Remove ${domain.hostname}?`}
        confirmLabel="Remove domain"
        cancelLabel="Keep domain"
        busy={remove.isPending}
        busyLabel="Removing…"
        onCancel={() => {
          setRemoving(false);
          remove.reset();
        }}
        onConfirm={() => remove.mutate({ customizationId: domain.id })}
      >
        <p>Requests on this hostname stop showing your branding, and the name is free for anyone to claim.</p>
        <ErrorAlert error={remove.error} title="Domain not removed" />
      </ConfirmDialog>
    </Card>
  );
};

/** Your own hostname for the portal, proved by a DNS TXT record. */
export const DomainSettingsPage = () => {
  const trpc = useTRPC();
  const config = useWhiteLabelConfig();
  const domain = useQuery(trpc.whiteLabel.domain.queryOptions());
  return (
    <QueryState query={config}>
      {({ gates }) => (
        <>
          <GateNotice gate={gates.DOMAIN} what="A custom domain" />
          <QueryState query={domain}>
            {(current) => (
              <>
                <Card title="Custom domain">
                  <HostnameForm key={current?.hostname ?? ""} current={current} gate={gates.DOMAIN} />
                </Card>
                {current && <Verification domain={current} gate={gates.DOMAIN} />}
              </>
            )}
          </QueryState>
        </>
      )}
    </QueryState>
  );
};
