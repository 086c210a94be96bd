import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CreateOrganizationKeyInput, ORGANIZATION_KEY_SCOPES } from "@tessera/domain";
import { type FormEvent, useId, useState } from "react";
import { Button } from "../components/button.tsx";
import { endOfDay } from "../components/end-of-day.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Field } from "../components/field.tsx";
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

const EMPTY = { name: "", scopes: [] as Scope[], expiresOn: "" };

export const CreateKey = ({ onCreated }: { onCreated: (key: string) => void }) => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const scopesId = useId();
  const [values, setValues] = useState(EMPTY);
  const form = useSchemaForm(CreateOrganizationKeyInput);
  const create = useMutation(
    trpc.apiKeys.createMine.mutationOptions({
      onSuccess: async ({ key }) => {
        setValues(EMPTY);
        onCreated(key);
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
    const expiresAt = endOfDay(values.expiresOn);
    const input = form.parse({
      name: values.name,
      scopes: values.scopes,
      ...(expiresAt ? { expiresAt } : {}),
    });
    if (input) create.mutate(input);
  };
  const toggle = (scope: Scope, on: boolean) =>
    setValues({
      ...values,
      scopes: on ? [...values.scopes, scope] : values.scopes.filter((item) => item !== scope),
    });
  const scopeError = form.errors.scopes;
  return (
    <form onSubmit={submit} noValidate aria-label="Create an API key" className="space-y-4">
      <div className="grid gap-4 md:grid-cols-2">
        <Field
          label="Name"
          name="keyName"
          value={values.name}
          onChange={(name) => setValues({ ...values, name })}
          error={form.errors.name}
          required
          placeholder="e.g. Learning platform (production)"
        />
        <Field
          label="Expires on (optional)"
          name="keyExpiresOn"
          type="date"
          value={values.expiresOn}
          onChange={(expiresOn) => setValues({ ...values, expiresOn })}
          error={form.errors.expiresAt}
          hint="The key stops working at the end of this day. Leave empty for a key that does not expire."
        />
      </div>
      <fieldset aria-describedby={scopeError?.length ? `${scopesId}-error` : undefined}>
        <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">
          Scopes
          <span aria-hidden="true" className="text-red-700 dark:text-red-400">
            {" "}
            *
          </span>
        </legend>
        <div className="mt-2 space-y-2">
          {ORGANIZATION_KEY_SCOPES.map((scope) => (
            <label key={scope} className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                name="keyScopes"
                value={scope}
                checked={values.scopes.includes(scope)}
                onChange={(event) => toggle(scope, event.target.checked)}
                className="mt-0.5 size-4"
              />
              <span>
                <span className="font-mono text-slate-900 dark:text-slate-100">{scope}</span>
                <span className="text-slate-600 dark:text-slate-300"> — {SCOPE_HELP[scope]}</span>
              </span>
            </label>
          ))}
        </div>
        {scopeError?.length ? (
          <p id={`${scopesId}-error`} className="mt-1 text-xs font-medium text-red-700 dark:text-red-400">
            {scopeError[0]}
          </p>
        ) : null}
      </fieldset>
      <ErrorAlert error={create.error} title="Key not created" />
      <div className="flex justify-end">
        <Button type="submit" busy={create.isPending}>
          {create.isPending ? "Creating…" : "Create key"}
        </Button>
      </div>
    </form>
  );
};
