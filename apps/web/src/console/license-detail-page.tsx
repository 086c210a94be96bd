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
import { QueryState } from "../components/query-state.tsx";
import { RotatedKeyReveal } from "../components/rotated-key-reveal.tsx";
import { useTRPC } from "../trpc.ts";
import { LicensePolicyForm } from "./license-policy-form.tsx";
import { RotateKeyButton } from "./rotate-key-button.tsx";

type Action = "activate" | "suspend" | "reinstate" | "renew" | "cancel";

const ACTIONS: Record<
  Action,
  {
    label: string;
    allowedFrom: License["status"][];
    needsReason: boolean;
    explain: string;
    tone: "primary" | "danger";
  }
> = {
  activate: {
    label: "Activate",
    allowedFrom: ["PENDING"],
    needsReason: false,
    explain: "The license starts now and runs for its term.",
    tone: "primary",
  },
  renew: {
    label: "Renew",
    allowedFrom: ["ACTIVE", "EXPIRED"],
    needsReason: false,
    explain: "Extends from the later of now and the current expiry by the term.",
    tone: "primary",
  },
  suspend: {
    label: "Suspend",
    allowedFrom: ["ACTIVE"],
    needsReason: true,
    explain: "Validation answers SUSPENDED until reinstated.",
    tone: "danger",
  },
  reinstate: {
    label: "Reinstate",
    allowedFrom: ["SUSPENDED"],
    needsReason: false,
    explain: "The license becomes ACTIVE again.",
    tone: "primary",
  },
  cancel: {
    label: "Cancel",
    allowedFrom: ["PENDING", "ACTIVE", "SUSPENDED", "EXPIRED"],
    needsReason: true,
    explain: "Cancelling is final: the license can never be used again.",
    tone: "danger",
  },
};

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
        title={action ? `${ACTIONS[action].label} this license?` : ""}
        confirmLabel={action ? ACTIONS[action].label : ""}
        tone={action ? ACTIONS[action].tone : "primary"}
        busy={current?.isPending}
        onCancel={() => {
          setAction(null);
          setReason("");
        }}
        onConfirm={run}
      >
        {action && <p>{ACTIONS[action].explain}</p>}
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
  return (
    <QueryState query={license}>
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
