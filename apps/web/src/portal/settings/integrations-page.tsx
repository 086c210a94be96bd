import {
  CreateIntegrationInput,
  WEBHOOK_RETRY_DELAYS_SECONDS,
  WEBHOOK_SIGNATURE_HEADER,
} from "@tessera/domain";
import { Button, Card } from "@tessera/ui";
import { useState } from "react";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { KeyReveal } from "../../components/key-reveal.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { useZodForm } from "../../components/zod-form.ts";
import { trpc } from "../../trpc.ts";
import { IntegrationCard, type RevealedSecret } from "./integration-card.tsx";
import { EMPTY_INTEGRATION, IntegrationFields } from "./integration-fields.tsx";
import { GateNotice } from "./tier-gate.tsx";
import { type Gate, useRefreshWhiteLabel, useWhiteLabelConfig } from "./white-label-data.ts";

const RETRY_HOURS = Math.round(WEBHOOK_RETRY_DELAYS_SECONDS.reduce((sum, delay) => sum + delay, 0) / 3_600);

const CreateIntegration = ({
  gate,
  onCreated,
}: {
  gate: Gate;
  onCreated: (revealed: RevealedSecret) => void;
}) => {
  const refresh = useRefreshWhiteLabel();
  const form = useZodForm({
    schema: CreateIntegrationInput,
    defaultValues: EMPTY_INTEGRATION,
    toInput: (values) => ({ input: { ...values, enabled: true } }),
  });
  const create = trpc.whiteLabel.createIntegration.useMutation({
    onSuccess: async ({ integration, secret }) => {
      form.reset();
      onCreated({ name: integration.name, secret });
      await refresh();
    },
    onError: form.showServerErrors,
  });
  const submit = form.handleSubmit(
    (input) => create.mutate(input),
    () => create.reset(),
  );
  return (
    <form onSubmit={submit} noValidate aria-label="Add a webhook" className="space-y-4">
      <fieldset disabled={!gate.allowed}>
        <IntegrationFields control={form.control} />
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
          <p className="text-sm text-fg-muted">
            Each delivery carries a <code className="font-mono">{WEBHOOK_SIGNATURE_HEADER}</code> header,{" "}
            <code className="font-mono">t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</code>: the HMAC-SHA256 of{" "}
            <code className="font-mono">&lt;t&gt;.&lt;body&gt;</code> with the signing secret. Refuse old
            timestamps to stop replays. A delivery your receiver does not answer with a 2xx is retried{" "}
            {WEBHOOK_RETRY_DELAYS_SECONDS.length} times over about {RETRY_HOURS} hours, then marked DEAD.
          </p>
          {integrations.length === 0 ? (
            <Card title="Webhooks">
              <p className="text-sm text-fg-muted">No webhooks yet.</p>
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
