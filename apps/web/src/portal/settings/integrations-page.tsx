import { useMutation } from "@tanstack/react-query";
import {
  CreateIntegrationInput,
  UpdateIntegrationInput,
  WEBHOOK_RETRY_DELAYS_SECONDS,
  WEBHOOK_SIGNATURE_HEADER,
} from "@tessera/domain";
import { type FormEvent, useState } from "react";
import { Alert } from "../../components/alert.tsx";
import { Badge } from "../../components/badge.tsx";
import { Button } from "../../components/button.tsx";
import { Card } from "../../components/card.tsx";
import { ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { formatDate } from "../../components/format-date.ts";
import { KeyReveal } from "../../components/key-reveal.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { useSchemaForm } from "../../components/use-form.ts";
import { useTRPC } from "../../trpc.ts";
import { DeliveryLog } from "./delivery-log.tsx";
import { EMPTY_INTEGRATION, IntegrationFields, type IntegrationValues } from "./integration-fields.tsx";
import { GateNotice } from "./tier-gate.tsx";
import {
  type Gate,
  useRefreshWhiteLabel,
  useWhiteLabelConfig,
  type WhiteLabelConfig,
} from "./white-label-data.ts";

type Integration = WhiteLabelConfig["integrations"][number];

const RETRY_HOURS = Math.round(WEBHOOK_RETRY_DELAYS_SECONDS.reduce((sum, delay) => sum + delay, 0) / 3_600);

/** A signing secret to show once, and whose it is. */
interface RevealedSecret {
  name: string;
  secret: string;
}

const CreateIntegration = ({
  gate,
  onCreated,
}: {
  gate: Gate;
  onCreated: (revealed: RevealedSecret) => void;
}) => {
  const trpc = useTRPC();
  const refresh = useRefreshWhiteLabel();
  const [values, setValues] = useState(EMPTY_INTEGRATION);
  const form = useSchemaForm(CreateIntegrationInput);
  const create = useMutation(
    trpc.whiteLabel.createIntegration.mutationOptions({
      onSuccess: async ({ integration, secret }) => {
        setValues(EMPTY_INTEGRATION);
        onCreated({ name: integration.name, secret });
        await refresh();
      },
      onError: form.showServerErrors,
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.reset();
    const input = form.parse({ ...values, enabled: true });
    if (input) create.mutate(input);
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Add a webhook" className="space-y-4">
      <fieldset disabled={!gate.allowed}>
        <IntegrationFields values={values} onChange={setValues} errors={form.errors} />
      </fieldset>
      <ErrorAlert error={create.error} title="Webhook not added" />
      <div className="flex justify-end">
        <Button type="submit" busy={create.isPending} disabled={!gate.allowed}>
          {create.isPending ? "Adding…" : "Add webhook"}
        </Button>
      </div>
    </form>
  );
};

const EditIntegration = ({ integration, onDone }: { integration: Integration; onDone: () => void }) => {
  const trpc = useTRPC();
  const refresh = useRefreshWhiteLabel();
  const [values, setValues] = useState<IntegrationValues>({
    name: integration.name,
    url: integration.url,
    events: integration.events,
  });
  const form = useSchemaForm(UpdateIntegrationInput);
  const update = useMutation(
    trpc.whiteLabel.updateIntegration.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone();
      },
      onError: form.showServerErrors,
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.reset();
    const input = form.parse({ integrationId: integration.id, ...values });
    if (input) update.mutate(input);
  };
  return (
    <form onSubmit={submit} noValidate aria-label={`Edit ${integration.name}`} className="space-y-4">
      <IntegrationFields values={values} onChange={setValues} errors={form.errors} />
      <ErrorAlert error={update.error} title="Webhook not saved" />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone} disabled={update.isPending}>
          Cancel
        </Button>
        <Button type="submit" busy={update.isPending}>
          {update.isPending ? "Saving…" : "Save webhook"}
        </Button>
      </div>
    </form>
  );
};

type Confirming = "rotate" | "delete" | null;

const IntegrationCard = ({
  integration,
  gate,
  onSecret,
}: {
  integration: Integration;
  gate: Gate;
  onSecret: (revealed: RevealedSecret) => void;
}) => {
  const trpc = useTRPC();
  const refresh = useRefreshWhiteLabel();
  const [editing, setEditing] = useState(false);
  const [showLog, setShowLog] = useState(false);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const setEnabled = useMutation(trpc.whiteLabel.updateIntegration.mutationOptions({ onSuccess: refresh }));
  const rotate = useMutation(
    trpc.whiteLabel.rotateIntegrationSecret.mutationOptions({
      onSuccess: async ({ integration: rotated, secret }) => {
        setConfirming(null);
        onSecret({ name: rotated.name, secret });
        await refresh();
      },
    }),
  );
  const test = useMutation(
    trpc.whiteLabel.sendTestEvent.mutationOptions({
      onSuccess: async () => {
        setShowLog(true);
        setNotice("Test event queued: it shows in the delivery log once sent.");
        await refresh();
      },
    }),
  );
  const remove = useMutation(
    trpc.whiteLabel.deleteCustomization.mutationOptions({
      onSuccess: async () => {
        setConfirming(null);
        await refresh();
      },
    }),
  );
  const error = setEnabled.error ?? test.error;
  return (
    <Card
      title={integration.name}
      actions={integration.enabled ? <Badge tone="green">Enabled</Badge> : <Badge>Disabled</Badge>}
    >
      {editing ? (
        <EditIntegration integration={integration} onDone={() => setEditing(false)} />
      ) : (
        <div className="space-y-4">
          <dl className="grid gap-3 text-sm md:grid-cols-[8rem_1fr]">
            <dt className="font-medium text-slate-600 dark:text-slate-300">URL</dt>
            <dd className="break-all font-mono text-slate-900 dark:text-slate-100">{integration.url}</dd>
            <dt className="font-medium text-slate-600 dark:text-slate-300">Events</dt>
            <dd className="flex flex-wrap gap-1">
              {integration.events.map((event) => (
                <Badge key={event} tone="blue">
                  {event}
                </Badge>
              ))}
            </dd>
            <dt className="font-medium text-slate-600 dark:text-slate-300">Signing secret</dt>
            <dd className="text-slate-900 dark:text-slate-100">
              {integration.hasSecret ? "Set (shown only when created or rotated)" : "None"}
            </dd>
            <dt className="font-medium text-slate-600 dark:text-slate-300">Changed</dt>
            <dd className="text-slate-900 dark:text-slate-100">{formatDate(integration.updatedAt)}</dd>
          </dl>
          <div aria-live="polite">{notice && <Alert tone="success">{notice}</Alert>}</div>
          <ErrorAlert error={error} title="That did not work" />
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" disabled={!gate.allowed} onClick={() => setEditing(true)}>
              Edit
            </Button>
            <Button
              variant="secondary"
              disabled={!gate.allowed}
              busy={setEnabled.isPending}
              onClick={() =>
                setEnabled.mutate({ integrationId: integration.id, enabled: !integration.enabled })
              }
            >
              {integration.enabled ? "Disable" : "Enable"}
            </Button>
            <Button variant="secondary" disabled={!gate.allowed} onClick={() => setConfirming("rotate")}>
              Rotate secret
            </Button>
            <Button
              variant="secondary"
              disabled={!gate.allowed}
              busy={test.isPending}
              onClick={() => {
                setNotice(null);
                test.mutate({ integrationId: integration.id });
              }}
            >
              {test.isPending ? "Sending…" : "Send test event"}
            </Button>
            <Button variant="secondary" aria-expanded={showLog} onClick={() => setShowLog(!showLog)}>
              {showLog ? "Hide deliveries" : "Show deliveries"}
            </Button>
            <Button variant="danger" onClick={() => setConfirming("delete")}>
              Delete
            </Button>
          </div>
        </div>
      )}
      {showLog && !editing && (
        <div className="mt-5 border-t border-slate-200 dark:border-slate-700 pt-4">
          <h3 className="mb-2 text-sm font-semibold text-slate-900 dark:text-slate-100">Delivery log</h3>
          <DeliveryLog integrationId={integration.id} name={integration.name} />
        </div>
      )}
      <ConfirmDialog
        open={confirming === "rotate"}
        title={`Rotate the secret of ${integration.name}?`}
        confirmLabel="Rotate secret"
        tone="primary"
        busy={rotate.isPending}
        busyLabel="Rotating…"
        onCancel={() => {
          setConfirming(null);
          rotate.reset();
        }}
        onConfirm={() => rotate.mutate({ integrationId: integration.id })}
      >
        <p>Deliveries are signed with the new secret at once: update your receiver right after.</p>
        <ErrorAlert error={rotate.error} title="Secret not rotated" />
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming === "delete"}
        title={`Delete ${integration.name}?`}
        confirmLabel="Delete webhook"
        busy={remove.isPending}
        busyLabel="Deleting…"
        onCancel={() => {
          setConfirming(null);
          remove.reset();
        }}
        onConfirm={() => remove.mutate({ customizationId: integration.id })}
      >
        <p>No more events are sent to it; its pending deliveries and delivery log are dropped.</p>
        <ErrorAlert error={remove.error} title="Webhook not deleted" />
      </ConfirmDialog>
    </Card>
  );
};

/** Webhooks: events of the organisation POSTed to its systems, signed, retried, logged. */
export const IntegrationsSettingsPage = () => {
  const config = useWhiteLabelConfig();
  const [revealed, setRevealed] = useState<RevealedSecret | null>(null);
  return (
    <QueryState query={config}>
      {({ gates, integrations }) => (
        <>
          <GateNotice gate={gates.INTEGRATION} what="Integrations" />
          {revealed && (
            <KeyReveal
              label={`Signing secret of ${revealed.name}`}
              value={revealed.secret}
              onDismiss={() => setRevealed(null)}
            />
          )}
          <p className="text-sm text-slate-600 dark:text-slate-300">
            Each delivery carries a <code className="font-mono">{WEBHOOK_SIGNATURE_HEADER}</code> header,{" "}
            <code className="font-mono">t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</code>: the HMAC-SHA256 of{" "}
            <code className="font-mono">&lt;t&gt;.&lt;body&gt;</code> with the signing secret. Refuse old
            timestamps to stop replays. A delivery your receiver does not answer with a 2xx is retried{" "}
            {WEBHOOK_RETRY_DELAYS_SECONDS.length} times over about {RETRY_HOURS} hours, then marked DEAD.
          </p>
          {integrations.length === 0 ? (
            <Card title="Webhooks">
              <p className="text-sm text-slate-600 dark:text-slate-300">No webhooks yet.</p>
            </Card>
          ) : (
            integrations.map((integration) => (
              <IntegrationCard
                key={integration.id}
                integration={integration}
                gate={gates.INTEGRATION}
                onSecret={setRevealed}
              />
            ))
          )}
          <Card title="Add a webhook">
            <CreateIntegration gate={gates.INTEGRATION} onCreated={setRevealed} />
          </Card>
        </>
      )}
    </QueryState>
  );
};
