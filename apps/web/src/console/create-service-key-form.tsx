import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CreateServiceKeyInput, SERVICE_KEY_SCOPES } from "@tessera/domain";
import type { FormEvent } from "react";
import { KeyFields, KeySubmitRow, ScopesFieldset, useKeyDraft } from "../components/key-form.tsx";
import { useSchemaForm } from "../components/use-form.ts";
import { useTRPC } from "../trpc.ts";

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
  chosen: Scope[];
  onToggle: (scope: Scope, on: boolean) => void;
}) => (
  <div className="mt-2 divide-y divide-slate-100 dark:divide-slate-800">
    {RESOURCES.map(({ resource, scopes }) => (
      <div key={resource} className="flex flex-wrap items-center gap-x-6 gap-y-1 py-2 text-sm">
        <span className="w-72 text-slate-700 dark:text-slate-300">
          <span className="font-medium capitalize text-slate-900 dark:text-slate-100">{resource}</span> —{" "}
          {RESOURCE_HELP[resource] ?? ""}
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
            <span className="font-mono text-slate-900 dark:text-slate-100">{scope}</span>
          </label>
        ))}
      </div>
    ))}
  </div>
);

/** A staff service key for an internal system: name, scopes, optional expiry; the key is handed up once. */
export const CreateServiceKey = ({ onCreated }: { onCreated: (key: string) => void }) => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const key = useKeyDraft<Scope>();
  const form = useSchemaForm(CreateServiceKeyInput);
  const create = useMutation(
    trpc.serviceKeys.create.mutationOptions({
      onSuccess: async ({ key: created }) => {
        key.reset();
        onCreated(created);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.serviceKeys.list.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() }),
        ]);
      },
      onError: form.showServerErrors,
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.reset();
    const input = form.parse(key.input());
    if (input) create.mutate(input);
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Create a service key" className="space-y-4">
      <KeyFields
        draft={key.draft}
        onChange={key.setDraft}
        errors={form.errors}
        names={{ name: "serviceKeyName", expiresOn: "serviceKeyExpiresOn" }}
        placeholder="e.g. Billing (production)"
      />
      <ScopesFieldset error={form.errors.scopes}>
        <ScopeChoices chosen={key.draft.scopes} onToggle={key.toggle} />
      </ScopesFieldset>
      <KeySubmitRow error={create.error} busy={create.isPending} />
    </form>
  );
};
