import type { AppRouter } from "@tessera/api";
import { SsoDomainInput } from "@tessera/domain";
import { Badge, Button, Card, ConfirmDialog } from "@tessera/ui";
import type { inferRouterOutputs } from "@trpc/server";
import { useState } from "react";
import { CopyButton } from "../../components/copy-button.tsx";
import { useDateFormat } from "../../components/dates/use-date-format.ts";
import { DomainStatusBadge } from "../../components/domain-status-badge.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { FormField } from "../../components/form-field.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { useZodForm } from "../../components/zod-form.ts";
import { trpc } from "../../trpc.ts";
import { type Gate, useRefreshWhiteLabel } from "./white-label-data.ts";

type SsoDomain = inferRouterOutputs<AppRouter>["whiteLabel"]["ssoDomains"][number];

const AddDomainForm = ({ gate }: { gate: Gate }) => {
  const refresh = useRefreshWhiteLabel();
  const form = useZodForm({ schema: SsoDomainInput, defaultValues: { domain: "" } });
  const add = trpc.whiteLabel.addSsoDomain.useMutation({
    onSuccess: async () => {
      form.reset();
      await refresh();
    },
    onError: form.showServerErrors,
  });
  const submit = form.handleSubmit(
    (input) => add.mutate(input),
    () => add.reset(),
  );
  return (
    <form onSubmit={submit} noValidate aria-label="Add an email domain" className="space-y-3">
      <fieldset disabled={!gate.allowed}>
        <FormField
          control={form.control}
          label="Domain to claim"
          name="domain"
          placeholder="example.com"
          hint="A domain your organisation owns. Public mail providers (gmail.com and the like) cannot be claimed."
          required
        />
      </fieldset>
      <ErrorAlert error={add.error} title="Domain not added" />
      <div className="flex justify-end">
        <Button type="submit" variant="secondary" busy={add.isPending} disabled={!gate.allowed}>
          {add.isPending ? "Adding…" : "Add domain"}
        </Button>
      </div>
    </form>
  );
};

const TxtRecord = ({ claim }: { claim: SsoDomain }) => (
  <dl className="grid gap-2 text-sm md:grid-cols-[auto_1fr]">
    <dt className="font-medium text-fg-muted">TXT name</dt>
    <dd className="flex flex-wrap items-center gap-2">
      <code data-testid="sso-domain-record-name" className="break-all font-mono">
        {claim.verification.name}
      </code>
      <CopyButton value={claim.verification.name} label={`record name for ${claim.domain}`} />
    </dd>
    <dt className="font-medium text-fg-muted">TXT value</dt>
    <dd className="flex flex-wrap items-center gap-2">
      <code data-testid="sso-domain-record-value" className="break-all font-mono">
        {claim.verification.value}
      </code>
      <CopyButton value={claim.verification.value} label={`record value for ${claim.domain}`} />
    </dd>
  </dl>
);

const ClaimRow = ({ claim, gate, listed }: { claim: SsoDomain; gate: Gate; listed: boolean }) => {
  const dates = useDateFormat();
  const refresh = useRefreshWhiteLabel();
  const [removing, setRemoving] = useState(false);
  const verify = trpc.whiteLabel.verifySsoDomain.useMutation({ onSuccess: refresh });
  const remove = trpc.whiteLabel.removeSsoDomain.useMutation({
    onSuccess: async () => {
      setRemoving(false);
      await refresh();
    },
  });
  return (
    <li className="space-y-3 py-4" data-testid="sso-domain" aria-label={claim.domain}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-mono font-medium text-fg">{claim.domain}</span>
        <span data-testid="sso-domain-status">
          <DomainStatusBadge status={claim.status} />
        </span>
        {!listed && <Badge tone="amber">Not in allowed email domains</Badge>}
      </div>
      <p className="text-sm text-fg-muted">
        {claim.reason ?? "Not checked yet."}
        {claim.verifiedAt && ` Verified ${dates.instant(claim.verifiedAt)}.`}
      </p>
      {claim.status !== "VERIFIED" && <TxtRecord claim={claim} />}
      <ErrorAlert error={verify.error} title="Could not check" />
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={() => setRemoving(true)} aria-label={`Remove ${claim.domain}`}>
          Remove
        </Button>
        {claim.status !== "VERIFIED" && (
          <Button
            busy={verify.isPending}
            disabled={!gate.allowed}
            onClick={() => verify.mutate({ ssoDomainId: claim.id })}
            aria-label={`Verify ${claim.domain}`}
          >
            {verify.isPending ? "Checking DNS…" : "Verify"}
          </Button>
        )}
      </div>
      <ConfirmDialog
        open={removing}
        title={`Remove ${claim.domain}?`}
        confirmLabel="Remove domain"
        cancelLabel="Keep domain"
        busy={remove.isPending}
        busyLabel="Removing…"
        onCancel={() => {
          setRemoving(false);
          remove.reset();
        }}
        onConfirm={() => remove.mutate({ ssoDomainId: claim.id })}
      >
        <p>People with this email domain no longer sign in through your provider.</p>
        <ErrorAlert error={remove.error} title="Domain not removed" />
      </ConfirmDialog>
    </li>
  );
};

/**
 * The email domains the organisation claims for single sign-on: each routes sign-ins to its
 * provider only once a DNS TXT record proves the organisation controls it.
 */
export const SsoDomainsPanel = ({ gate, allowedDomains }: { gate: Gate; allowedDomains: string[] }) => {
  const claims = trpc.whiteLabel.ssoDomains.useQuery();
  return (
    <Card title="Email domain verification">
      <p className="mb-4 text-sm text-fg-muted">
        Single sign-on applies to an email domain only once you prove you control it: add the TXT record shown
        at your DNS provider, then verify. Domains you list above are added here automatically; a domain
        another organisation has verified cannot be claimed.
      </p>
      <QueryState query={claims}>
        {(rows) =>
          rows.length === 0 ? (
            <p className="text-sm text-fg-muted">No email domains claimed yet.</p>
          ) : (
            <ul className="divide-y divide-line" aria-label="Claimed email domains">
              {rows.map((claim) => (
                <ClaimRow
                  key={claim.id}
                  claim={claim}
                  gate={gate}
                  listed={allowedDomains.includes(claim.domain)}
                />
              ))}
            </ul>
          )
        }
      </QueryState>
      <div className="mt-4 border-t border-line pt-4">
        <AddDomainForm gate={gate} />
      </div>
    </Card>
  );
};
