import { CreateOrganizationKeyInput, ORGANIZATION_KEY_SCOPES } from "@tessera/domain";
import { controlFor } from "../components/form-field.tsx";
import {
  KeyFields,
  KeySubmitRow,
  type KeyValues,
  ScopesFieldset,
  useKeyForm,
} from "../components/key-form.tsx";
import { trpc } from "../trpc.ts";

type Scope = (typeof ORGANIZATION_KEY_SCOPES)[number];

const SCOPE_HELP: Record<Scope, string> = {
  "usage:write": "report usage (POST /api/v1/usage/events)",
  "usage:read": "read your usage, limits, reports and alerts",
  "license:read": "read and validate your license, refresh its offline token",
  "tickets:write": "open support tickets and reply to them",
  "tickets:read": "read your support tickets",
  "organization:read": "read your organisation and its white-label configuration",
  "audit:read": "read your organisation's audit log",
};

export const CreateKey = ({ onCreated }: { onCreated: (key: string) => void }) => {
  const utils = trpc.useUtils();
  const form = useKeyForm<Scope, typeof CreateOrganizationKeyInput>(CreateOrganizationKeyInput);
  const create = trpc.apiKeys.createMine.useMutation({
    onSuccess: async ({ key: created }) => {
      form.reset();
      onCreated(created);
      await Promise.all([utils.apiKeys.mine.invalidate(), utils.audit.invalidate()]);
    },
    onError: form.showServerErrors,
  });
  const submit = form.handleSubmit(
    (input) => create.mutate(input),
    () => create.reset(),
  );
  return (
    <form onSubmit={submit} noValidate aria-label="Create an API key" className="space-y-4">
      <KeyFields
        control={controlFor<KeyValues<string>, KeyValues<Scope>>(form.control)}
        names={{ name: "keyName", expiresOn: "keyExpiresOn" }}
        placeholder="e.g. Learning platform (production)"
      />
      <ScopesFieldset control={controlFor<KeyValues<string>, KeyValues<Scope>>(form.control)}>
        {(chosen, toggle) => (
          <div className="mt-2 space-y-2">
            {ORGANIZATION_KEY_SCOPES.map((scope) => (
              <label key={scope} className="flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  name="keyScopes"
                  value={scope}
                  checked={chosen.includes(scope)}
                  onChange={(event) => toggle(scope, event.target.checked)}
                  className="mt-0.5 size-4"
                />
                <span>
                  <span className="font-mono text-fg">{scope}</span>
                  <span className="text-fg-muted"> — {SCOPE_HELP[scope]}</span>
                </span>
              </label>
            ))}
          </div>
        )}
      </ScopesFieldset>
      <KeySubmitRow error={create.error} busy={create.isPending} />
    </form>
  );
};
