import { CustomDomainInput, countOf } from "@tessera/domain";
import { Button, Card, ConfirmDialog } from "@tessera/ui";
import { useState } from "react";
import { useDateFormat } from "../../components/dates/use-date-format.ts";
import { DomainStatusBadge } from "../../components/domain-status-badge.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { FormField } from "../../components/form-field.tsx";
import { Detail } from "../../components/organization-fields.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { useZodForm } from "../../components/zod-form.ts";
import { trpc } from "../../trpc.ts";
import { type CustomDomain, DnsRecords, ServingNotice } from "./domain-records.tsx";
import { GateNotice } from "./tier-gate.tsx";
import { type Gate, useRefreshWhiteLabel, useWhiteLabelConfig } from "./white-label-data.ts";

const HostnameForm = ({ current, gate }: { current: CustomDomain | null; gate: Gate }) => {
  const refresh = useRefreshWhiteLabel();
  const form = useZodForm({
    schema: CustomDomainInput,
    defaultValues: { hostname: current?.hostname ?? "" },
  });
  const save = trpc.whiteLabel.setCustomDomain.useMutation({
    onSuccess: refresh,
    onError: form.showServerErrors,
  });
  const submit = form.handleSubmit(
    (input) => save.mutate(input),
    () => save.reset(),
  );
  return (
    <form onSubmit={submit} noValidate aria-label="Custom domain" className="space-y-4">
      <fieldset disabled={!gate.allowed} className="space-y-4">
        <FormField
          control={form.control}
          label="Hostname"
          name="hostname"
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
  const dates = useDateFormat();
  const refresh = useRefreshWhiteLabel();
  const [removing, setRemoving] = useState(false);
  const verify = trpc.whiteLabel.verifyDomain.useMutation({ onSuccess: refresh });
  const remove = trpc.whiteLabel.deleteCustomization.useMutation({
    onSuccess: async () => {
      setRemoving(false);
      await refresh();
    },
  });
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
            {domain.checkedAt ? dates.instant(domain.checkedAt) : "Not yet"}
            {domain.checks > 0 && ` (${countOf(domain.checks, "check")})`}
          </Detail>
          <Detail label="Verified">{domain.verifiedAt ? dates.instant(domain.verifiedAt) : "Not yet"}</Detail>
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
        <p className="text-xs text-fg-muted">
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
  const config = useWhiteLabelConfig();
  const domain = trpc.whiteLabel.domain.useQuery();
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
