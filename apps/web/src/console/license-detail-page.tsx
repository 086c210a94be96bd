import { TIER_LABELS } from "@tessera/domain";
import { Button, Card, ConfirmDialog } from "@tessera/ui";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { useMe } from "../auth/session.tsx";
import { AuditLog } from "../components/audit-log.tsx";
import { useDateFormat } from "../components/dates/use-date-format.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Field } from "../components/field.tsx";
import { KeyReveal } from "../components/key-reveal.tsx";
import { type License, LicenseSummary } from "../components/license-summary.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { useRecordTitle } from "../components/page-title.tsx";
import { QueryState } from "../components/query-state.tsx";
import { RotatedKeyReveal } from "../components/rotated-key-reveal.tsx";
import { trpc } from "../trpc.ts";
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
  const utils = trpc.useUtils();
  const [action, setAction] = useState<Action | null>(null);
  const [reason, setReason] = useState("");
  const [revealed, setRevealed] = useState<{ label: string; value: string } | null>(null);
  const [rotated, setRotated] = useState<{ key: string; previousKeyExpiresAt: Date | null } | null>(null);
  const refresh = () => utils.licenses.invalidate().then(() => utils.audit.invalidate());
  const options = {
    onSuccess: async () => {
      setAction(null);
      setReason("");
      await refresh();
    },
  };
  const mutations = {
    activate: trpc.licenses.activate.useMutation(options),
    renew: trpc.licenses.renew.useMutation(options),
    suspend: trpc.licenses.suspend.useMutation(options),
    reinstate: trpc.licenses.reinstate.useMutation(options),
    cancel: trpc.licenses.cancel.useMutation(options),
  };
  const onRotated = async (answer: { key: string; previousKeyExpiresAt: Date | null }) => {
    setRevealed(null);
    setRotated(answer);
    await refresh();
  };
  const token = trpc.licenses.issueToken.useMutation({
    onSuccess: ({ token: value }) => {
      setRotated(null);
      setRevealed({ label: "Offline license token", value });
    },
  });
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
  const dates = useDateFormat();
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
          <p data-testid="action-consequence">
            {licenseActionConsequence(action, license, new Date(), dates)}
          </p>
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
  const me = useMe();
  const license = trpc.licenses.get.useQuery({ licenseId });
  useRecordTitle(license.data?.organizationName && `${license.data.organizationName} license`);
  return (
    <QueryState
      query={license}
      record={{ what: "license", list: { to: "/console/licenses", label: "All licenses" } }}
    >
      {(data) => (
        <div className="space-y-6">
          <PageHeader
            title={`${data.organizationName ?? "License"} · ${TIER_LABELS[data.tier]}`}
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
