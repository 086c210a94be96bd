import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CreateOrganizationKeyInput, ORGANIZATION_KEY_SCOPES } from "@tessera/domain";
import type { FormEvent } from "react";
import { KeyFields, KeySubmitRow, ScopesFieldset, useKeyDraft } from "../components/key-form.tsx";
import { useSchemaForm } from "../components/use-form.ts";
import { useTRPC } from "../trpc.ts";

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
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const key = useKeyDraft<Scope>();
  const form = useSchemaForm(CreateOrganizationKeyInput);
  const create = useMutation(
    trpc.apiKeys.createMine.mutationOptions({
      onSuccess: async ({ key: created }) => {
        key.reset();
        onCreated(created);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.apiKeys.mine.queryKey() }),
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
    <form onSubmit={submit} noValidate aria-label="Create an API key" className="space-y-4">
      <KeyFields
        draft={key.draft}
        onChange={key.setDraft}
        errors={form.errors}
        names={{ name: "keyName", expiresOn: "keyExpiresOn" }}
        placeholder="e.g. Learning platform (production)"
      />
      <ScopesFieldset error={form.errors.scopes}>
        <div className="mt-2 space-y-2">
          {ORGANIZATION_KEY_SCOPES.map((scope) => (
            <label key={scope} className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                name="keyScopes"
                value={scope}
                checked={key.draft.scopes.includes(scope)}
                onChange={(event) => key.toggle(scope, event.target.checked)}
                className="mt-0.5 size-4"
              />
              <span>
                <span className="font-mono text-slate-900 dark:text-slate-100">{scope}</span>
                <span className="text-slate-600 dark:text-slate-300"> — {SCOPE_HELP[scope]}</span>
              </span>
            </label>
          ))}
        </div>
      </ScopesFieldset>
      <KeySubmitRow error={create.error} busy={create.isPending} />
    </form>
  );
};
