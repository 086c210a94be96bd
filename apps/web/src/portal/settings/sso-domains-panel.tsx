import { useMutation, useQuery } from "@tanstack/react-query";
import type { AppRouter } from "@tessera/api";
import { SsoDomainInput } from "@tessera/domain";
import type { inferRouterOutputs } from "@trpc/server";
import { type FormEvent, useState } from "react";
import { Badge } from "../../components/badge.tsx";
import { Button } from "../../components/button.tsx";
import { Card } from "../../components/card.tsx";
import { ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { CopyButton } from "../../components/copy-button.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { Field } from "../../components/field.tsx";
import { formatDate } from "../../components/format-date.ts";
import { QueryState } from "../../components/query-state.tsx";
import { useSchemaForm } from "../../components/use-form.ts";
import { useTRPC } from "../../trpc.ts";
import { DomainStatusBadge } from "./domain-page.tsx";
import { type Gate, useRefreshWhiteLabel } from "./white-label-data.ts";

type SsoDomain = inferRouterOutputs<AppRouter>["whiteLabel"]["ssoDomains"][number];

const AddDomainForm = ({ gate }: { gate: Gate }) => {
  const trpc = useTRPC();
  const refresh = useRefreshWhiteLabel();
  const [domain, setDomain] = useState("");
  const form = useSchemaForm(SsoDomainInput);
  const add = useMutation(
    trpc.whiteLabel.addSsoDomain.mutationOptions({
      onSuccess: async () => {
        setDomain("");
        await refresh();
      },
      onError: form.showServerErrors,
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.reset();
    const input = form.parse({ domain });
    if (input) add.mutate(input);
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Add an email domain" className="space-y-3">
      <fieldset disabled={!gate.allowed}>
        <Field
          label="Domain to claim"
          name="domain"
          value={domain}
          onChange={setDomain}
          error={form.errors.domain}
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
    <dt className="font-medium text-slate-700 dark:text-slate-300">TXT name</dt>
    <dd className="flex flex-wrap items-center gap-2">
      <code data-testid="sso-domain-record-name" className="break-all font-mono">
        {claim.verification.name}
      </code>
      <CopyButton value={claim.verification.name} label={`record name for ${claim.domain}`} />
    </dd>
    <dt className="font-medium text-slate-700 dark:text-slate-300">TXT value</dt>
    <dd className="flex flex-wrap items-center gap-2">
      <code data-testid="sso-domain-record-value" className="break-all font-mono">
        {claim.verification.value}
      </code>
      <CopyButton value={claim.verification.value} label={`record value for ${claim.domain}`} />
    </dd>
  </dl>
);

const ClaimRow = ({ claim, gate, listed }: { claim: SsoDomain; gate: Gate; listed: boolean }) => {
  const trpc = useTRPC();
  const refresh = useRefreshWhiteLabel();
  const [removing, setRemoving] = useState(false);
  const verify = useMutation(trpc.whiteLabel.verifySsoDomain.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(
    trpc.whiteLabel.removeSsoDomain.mutationOptions({
      onSuccess: async () => {
        setRemoving(false);
        await refresh();
      },
    }),
  );
  return (
    <li className="space-y-3 py-4" data-testid="sso-domain" aria-label={claim.domain}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-mono font-medium text-slate-900 dark:text-slate-100">{claim.domain}</span>
        <span data-testid="sso-domain-status">
          <DomainStatusBadge status={claim.status} />
        </span>
        {!listed && <Badge tone="amber">Not in allowed email domains</Badge>}
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        {claim.reason ?? "Not checked yet."}
        {claim.verifiedAt && ` Verified ${formatDate(claim.verifiedAt)}.`}
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
  const trpc = useTRPC();
  const claims = useQuery(trpc.whiteLabel.ssoDomains.queryOptions());
  return (
    <Card title="Email domain verification">
      <p className="mb-4 text-sm text-slate-600 dark:text-slate-300">
        Single sign-on applies to an email domain only once you prove you control it: add the TXT record shown
        at your DNS provider, then verify. Domains you list above are added here automatically; a domain
        another organisation has verified cannot be claimed.
      </p>
      <QueryState query={claims}>
        {(rows) =>
          rows.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-300">No email domains claimed yet.</p>
          ) : (
            <ul
              className="divide-y divide-slate-200 dark:divide-slate-700"
              aria-label="Claimed email domains"
            >
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
      <div className="mt-4 border-t border-slate-200 dark:border-slate-700 pt-4">
        <AddDomainForm gate={gate} />
      </div>
    </Card>
  );
};
