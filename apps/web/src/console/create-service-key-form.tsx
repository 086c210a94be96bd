import { CreateServiceKeyInput, SERVICE_KEY_SCOPES } from "@tessera/domain";
import { controlFor } from "../components/form-field.tsx";
import {
  KeyFields,
  KeySubmitRow,
  type KeyValues,
  ScopesFieldset,
  useKeyForm,
} from "../components/key-form.tsx";
import { trpc } from "../trpc.ts";

type Scope = (typeof SERVICE_KEY_SCOPES)[number];

/** What each resource's scopes reach, across every organisation. */
const RESOURCE_HELP: Record<string, string> = {
  licenses: "create, activate, renew and read licenses",
  usage: "report and read usage",
  tickets: "open and read support tickets",
  organizations: "read organisations and their white-label configuration",
  audit: "read the audit log",
};

/** Scopes grouped by resource (`tickets:read`, `tickets:write` → tickets), in the domain's order. */
const RESOURCES = [...new Set(SERVICE_KEY_SCOPES.map((scope) => scope.split(":")[0] ?? scope))].map(
  (resource) => ({
    resource,
    scopes: SERVICE_KEY_SCOPES.filter((scope) => scope.startsWith(`${resource}:`)),
  }),
);

const ScopeChoices = ({
  chosen,
  onToggle,
}: {
  chosen: string[];
  onToggle: (scope: string, on: boolean) => void;
}) => (
  <div className="mt-2 divide-y divide-line">
    {RESOURCES.map(({ resource, scopes }) => (
      <div key={resource} className="flex flex-wrap items-center gap-x-6 gap-y-1 py-2 text-sm">
        <span className="w-72 text-fg-muted">
          <span className="font-medium capitalize text-fg">{resource}</span> — {RESOURCE_HELP[resource] ?? ""}
        </span>
        {scopes.map((scope) => (
          <label key={scope} className="flex items-center gap-2">
            <input
              type="checkbox"
              name="serviceKeyScopes"
              value={scope}
              checked={chosen.includes(scope)}
              onChange={(event) => onToggle(scope, event.target.checked)}
              className="size-4"
            />
            <span className="font-mono text-fg">{scope}</span>
          </label>
        ))}
      </div>
    ))}
  </div>
);

/** A staff service key for an internal system: name, scopes, optional expiry; the key is handed up once. */
export const CreateServiceKey = ({ onCreated }: { onCreated: (key: string) => void }) => {
  const utils = trpc.useUtils();
  const form = useKeyForm<Scope, typeof CreateServiceKeyInput>(CreateServiceKeyInput);
  const create = trpc.serviceKeys.create.useMutation({
    onSuccess: async ({ key: created }) => {
      form.reset();
      onCreated(created);
      await Promise.all([utils.serviceKeys.list.invalidate(), utils.audit.invalidate()]);
    },
    onError: form.showServerErrors,
  });
  const submit = form.handleSubmit(
    (input) => create.mutate(input),
    () => create.reset(),
  );
  return (
    <form onSubmit={submit} noValidate aria-label="Create a service key" className="space-y-4">
      <KeyFields
        control={controlFor<KeyValues<string>, KeyValues<Scope>>(form.control)}
        names={{ name: "serviceKeyName", expiresOn: "serviceKeyExpiresOn" }}
        placeholder="e.g. Billing (production)"
      />
      <ScopesFieldset control={controlFor<KeyValues<string>, KeyValues<Scope>>(form.control)}>
        {(chosen, toggle) => <ScopeChoices chosen={chosen} onToggle={toggle} />}
      </ScopesFieldset>
      <KeySubmitRow error={create.error} busy={create.isPending} />
    </form>
  );
};
