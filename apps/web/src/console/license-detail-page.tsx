import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { useMe } from "../auth/session.tsx";
import { AuditLog } from "../components/audit-log.tsx";
import { Button } from "../components/button.tsx";
import { Card } from "../components/card.tsx";
import { ConfirmDialog } from "../components/confirm-dialog.tsx";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Field } from "../components/field.tsx";
import { KeyReveal } from "../components/key-reveal.tsx";
import { type License, LicenseSummary } from "../components/license-summary.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { useRecordTitle } from "../components/page-title.tsx";
import { QueryState } from "../components/query-state.tsx";
import { RotatedKeyReveal } from "../components/rotated-key-reveal.tsx";
import { useTRPC } from "../trpc.ts";
import {
  LICENSE_ACTIONS as ACTIONS,
  type LicenseAction as Action,
  licenseActionConsequence,
} from "./license-actions.ts";
import { LicensePolicyForm } from "./license-policy-form.tsx";
import { RotateKeyButton } from "./rotate-key-button.tsx";

/**
 * The lifecycle action being confirmed (with its reason) and every mutation of the license;
 * each refreshes the license lists and the audit log. Key and token answers are shown once.
 */
const useLicenseMutations = (license: License) => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<Action | null>(null);
  const [reason, setReason] = useState("");
  const [revealed, setRevealed] = useState<{ label: string; value: string } | null>(null);
  const [rotated, setRotated] = useState<{ key: string; previousKeyExpiresAt: Date | null } | null>(null);
  const refresh = () =>
    queryClient
      .invalidateQueries({ queryKey: trpc.licenses.pathKey() })
      .then(() => queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() }));
  const options = {
    onSuccess: async () => {
      setAction(null);
      setReason("");
      await refresh();
    },
  };
  const mutations = {
    activate: useMutation(trpc.licenses.activate.mutationOptions(options)),
    renew: useMutation(trpc.licenses.renew.mutationOptions(options)),
    suspend: useMutation(trpc.licenses.suspend.mutationOptions(options)),
    reinstate: useMutation(trpc.licenses.reinstate.mutationOptions(options)),
    cancel: useMutation(trpc.licenses.cancel.mutationOptions(options)),
  };
  const onRotated = async (answer: { key: string; previousKeyExpiresAt: Date | null }) => {
    setRevealed(null);
    setRotated(answer);
    await refresh();
  };
  const token = useMutation(
    trpc.licenses.issueToken.mutationOptions({
      onSuccess: ({ token: value }) => {
        setRotated(null);
        setRevealed({ label: "Offline license token", value });
      },
    }),
  );
  const run = () => {
    if (!action) return;
    const base = { licenseId: license.id, expectedVersion: license.version };
    if (action === "suspend" || action === "cancel") mutations[action].mutate({ ...base, reason });
    else mutations[action].mutate(base);
  };
  const current = action ? mutations[action] : null;
  return {
    action,
    setAction,
    reason,
    setReason,
    revealed,
    setRevealed,
    rotated,
    setRotated,
    onRotated,
    token,
    run,
    current,
  };
};

const LicenseActions = ({ license }: { license: License }) => {
  const { action, setAction, reason, setReason, revealed, setRevealed, token, run, current, ...keys } =
    useLicenseMutations(license);
  const available = (Object.keys(ACTIONS) as Action[]).filter((name) =>
    ACTIONS[name].allowedFrom.includes(license.status),
  );
  return (
    <div className="space-y-4">
      {revealed && (
        <KeyReveal label={revealed.label} value={revealed.value} onDismiss={() => setRevealed(null)} />
      )}
      {keys.rotated && (
        <RotatedKeyReveal
          label="New license key"
          rotated={keys.rotated}
          onDismiss={() => keys.setRotated(null)}
        />
      )}
      <div className="flex flex-wrap gap-2">
        {available.map((name) => (
          <Button
            key={name}
            variant={ACTIONS[name].tone === "danger" ? "danger" : "primary"}
            onClick={() => {
              current?.reset();
              setAction(name);
            }}
          >
            {ACTIONS[name].label}
          </Button>
        ))}
        {license.status !== "CANCELLED" && (
          <RotateKeyButton licenseId={license.id} onRotated={keys.onRotated} />
        )}
        {license.status === "ACTIVE" && (
          <Button
            variant="secondary"
            busy={token.isPending}
            onClick={() => token.mutate({ licenseId: license.id })}
          >
            Issue offline token
          </Button>
        )}
      </div>
      <ErrorAlert error={token.error} />
      <ConfirmDialog
        open={action !== null}
        title={action ? `${ACTIONS[action].label}?` : ""}
        confirmLabel={action ? ACTIONS[action].label : ""}
        cancelLabel={action ? ACTIONS[action].keepLabel : ""}
        busyLabel={action ? ACTIONS[action].busyLabel : undefined}
        tone={action ? ACTIONS[action].tone : "primary"}
        busy={current?.isPending}
        onCancel={() => {
          setAction(null);
          setReason("");
        }}
        onConfirm={run}
      >
        {action && (
          <p data-testid="action-consequence">{licenseActionConsequence(action, license, new Date())}</p>
        )}
        {action && ACTIONS[action].needsReason && (
          <Field label="Reason" name="reason" value={reason} onChange={setReason} required />
        )}
        <ErrorAlert error={current?.error} />
      </ConfirmDialog>
    </div>
  );
};

export const LicenseDetailPage = () => {
  const { licenseId = "" } = useParams();
  const trpc = useTRPC();
  const me = useMe();
  const license = useQuery(trpc.licenses.get.queryOptions({ licenseId }));
  useRecordTitle(license.data?.organizationName && `${license.data.organizationName} license`);
  return (
    <QueryState
      query={license}
      record={{ what: "license", list: { to: "/console/licenses", label: "All licenses" } }}
    >
      {(data) => (
        <div className="space-y-6">
          <PageHeader
            title={`${data.organizationName ?? "License"} · ${data.tier}`}
            description={
              <Link
                className="text-indigo-700 dark:text-indigo-300 hover:underline"
                to={`/console/organizations/${data.organizationId}`}
              >
                Organisation
              </Link>
            }
          />
          <Card title="License">
            <LicenseSummary license={data} />
          </Card>
          {me.data?.role === "ADMIN" && (
            <>
              <Card title="Actions">
                <LicenseActions license={data} />
              </Card>
              <Card title="Reminders and grace">
                <LicensePolicyForm key={data.version} license={data} />
              </Card>
            </>
          )}
          <Card title="History">
            <AuditLog scope="staff" targetId={data.id} />
          </Card>
        </div>
      )}
    </QueryState>
  );
};
