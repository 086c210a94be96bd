import { UpdateIntegrationInput } from "@tessera/domain";
import { Alert, Badge, Button, Card, ConfirmDialog } from "@tessera/ui";
import { useState } from "react";
import { useDateFormat } from "../../components/dates/use-date-format.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useZodForm } from "../../components/zod-form.ts";
import { trpc } from "../../trpc.ts";
import { DeliveryLog } from "./delivery-log.tsx";
import { IntegrationFields, type IntegrationValues } from "./integration-fields.tsx";
import { type Gate, useRefreshWhiteLabel, type WhiteLabelConfig } from "./white-label-data.ts";

type Integration = WhiteLabelConfig["integrations"][number];

/** A signing secret to show once, and whose it is. */
export interface RevealedSecret {
  name: string;
  secret: string;
}

const EditIntegration = ({ integration, onDone }: { integration: Integration; onDone: () => void }) => {
  const refresh = useRefreshWhiteLabel();
  const form = useZodForm({
    schema: UpdateIntegrationInput,
    defaultValues: {
      name: integration.name,
      url: integration.url,
      events: integration.events,
    } as IntegrationValues,
    toInput: (values) => ({ input: { integrationId: integration.id, ...values } }),
  });
  const update = trpc.whiteLabel.updateIntegration.useMutation({
    onSuccess: async () => {
      await refresh();
      onDone();
    },
    onError: form.showServerErrors,
  });
  const submit = form.handleSubmit(
    (input) => update.mutate(input),
    () => update.reset(),
  );
  return (
    <form onSubmit={submit} noValidate aria-label={`Edit ${integration.name}`} className="space-y-4">
      <IntegrationFields control={form.control} />
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

/** The card's state and its mutations; each refreshes the white-label data when done. */
const useIntegrationActions = (onSecret: (revealed: RevealedSecret) => void) => {
  const refresh = useRefreshWhiteLabel();
  const [editing, setEditing] = useState(false);
  const [showLog, setShowLog] = useState(false);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const setEnabled = trpc.whiteLabel.updateIntegration.useMutation({ onSuccess: refresh });
  const rotate = trpc.whiteLabel.rotateIntegrationSecret.useMutation({
    onSuccess: async ({ integration: rotated, secret }) => {
      setConfirming(null);
      onSecret({ name: rotated.name, secret });
      await refresh();
    },
  });
  const test = trpc.whiteLabel.sendTestEvent.useMutation({
    onSuccess: async () => {
      setShowLog(true);
      setNotice("Test event queued: it shows in the delivery log once sent.");
      await refresh();
    },
  });
  const remove = trpc.whiteLabel.deleteCustomization.useMutation({
    onSuccess: async () => {
      setConfirming(null);
      await refresh();
    },
  });
  const error = setEnabled.error ?? test.error;
  return {
    editing,
    setEditing,
    showLog,
    setShowLog,
    confirming,
    setConfirming,
    notice,
    setNotice,
    setEnabled,
    rotate,
    test,
    remove,
    error,
  };
};
type IntegrationActions = ReturnType<typeof useIntegrationActions>;

const IntegrationSummary = ({ integration }: { integration: Integration }) => {
  const dates = useDateFormat();
  return (
    <dl className="grid gap-3 text-sm md:grid-cols-[8rem_1fr]">
      <dt className="font-medium text-fg-muted">URL</dt>
      <dd className="break-all font-mono text-fg">{integration.url}</dd>
      <dt className="font-medium text-fg-muted">Events</dt>
      <dd className="flex flex-wrap gap-1">
        {integration.events.map((event) => (
          <Badge key={event} tone="blue">
            {event}
          </Badge>
        ))}
      </dd>
      <dt className="font-medium text-fg-muted">Signing secret</dt>
      <dd className="text-fg">
        {integration.hasSecret ? "Set (shown only when created or rotated)" : "None"}
      </dd>
      <dt className="font-medium text-fg-muted">Changed</dt>
      <dd className="text-fg">{dates.instant(integration.updatedAt)}</dd>
    </dl>
  );
};

const IntegrationButtons = ({
  integration,
  gate,
  actions,
}: {
  integration: Integration;
  gate: Gate;
  actions: IntegrationActions;
}) => {
  const { setEditing, showLog, setShowLog, setConfirming, setNotice, setEnabled, test } = actions;
  return (
    <div className="flex flex-wrap gap-2">
      <Button variant="secondary" disabled={!gate.allowed} onClick={() => setEditing(true)}>
        Edit
      </Button>
      <Button
        variant="secondary"
        disabled={!gate.allowed}
        busy={setEnabled.isPending}
        onClick={() => setEnabled.mutate({ integrationId: integration.id, enabled: !integration.enabled })}
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
  );
};

/** Rotating and deleting ask first: both break the receiver until it is updated. */
const IntegrationDialogs = ({
  integration,
  actions,
}: {
  integration: Integration;
  actions: IntegrationActions;
}) => {
  const { confirming, setConfirming, rotate, remove } = actions;
  return (
    <>
      <ConfirmDialog
        open={confirming === "rotate"}
        title={`Rotate the secret of ${integration.name}?`}
        confirmLabel="Rotate secret"
        cancelLabel="Keep current secret"
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
        cancelLabel="Keep webhook"
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
    </>
  );
};

type Confirming = "rotate" | "delete" | null;

/** One webhook: what it sends where, its controls, its delivery log. */
export const IntegrationCard = ({
  integration,
  gate,
  onSecret,
}: {
  integration: Integration;
  gate: Gate;
  onSecret: (revealed: RevealedSecret) => void;
}) => {
  const actions = useIntegrationActions(onSecret);
  const { editing, setEditing, showLog, notice, error } = actions;
  return (
    <Card
      title={integration.name}
      actions={integration.enabled ? <Badge tone="green">Enabled</Badge> : <Badge>Disabled</Badge>}
    >
      {editing ? (
        <EditIntegration integration={integration} onDone={() => setEditing(false)} />
      ) : (
        <div className="space-y-4">
          <IntegrationSummary integration={integration} />
          <div aria-live="polite">{notice && <Alert tone="success">{notice}</Alert>}</div>
          <ErrorAlert error={error} title="That did not work" />
          <IntegrationButtons integration={integration} gate={gate} actions={actions} />
        </div>
      )}
      {showLog && !editing && (
        <div className="mt-5 border-t border-line pt-4">
          <h3 className="mb-2 text-sm font-semibold text-fg">Delivery log</h3>
          <DeliveryLog integrationId={integration.id} name={integration.name} />
        </div>
      )}
      <IntegrationDialogs integration={integration} actions={actions} />
    </Card>
  );
};
