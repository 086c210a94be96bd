import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CreateServiceKeyInput, SERVICE_KEY_SCOPES } from "@tessera/domain";
import { type FormEvent, useId, useState } from "react";
import { Button } from "../components/button.tsx";
import { endOfDay } from "../components/end-of-day.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Field } from "../components/field.tsx";
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

const EMPTY = { name: "", scopes: [] as Scope[], expiresOn: "" };

const ScopeChoices = ({
  chosen,
  error,
  onToggle,
}: {
  chosen: Scope[];
  error: string[] | undefined;
  onToggle: (scope: Scope, on: boolean) => void;
}) => {
  const id = useId();
  return (
    <fieldset aria-describedby={error?.length ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">
        Scopes
        <span aria-hidden="true" className="text-red-700 dark:text-red-400">
          {" "}
          *
        </span>
      </legend>
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
      {error?.length ? (
        <p id={`${id}-error`} className="mt-1 text-xs font-medium text-red-700 dark:text-red-400">
          {error[0]}
        </p>
      ) : null}
    </fieldset>
  );
};

/** A staff service key for an internal system: name, scopes, optional expiry; the key is handed up once. */
export const CreateServiceKey = ({ onCreated }: { onCreated: (key: string) => void }) => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(EMPTY);
  const form = useSchemaForm(CreateServiceKeyInput);
  const create = useMutation(
    trpc.serviceKeys.create.mutationOptions({
      onSuccess: async ({ key }) => {
        setValues(EMPTY);
        onCreated(key);
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
  return (
    <form onSubmit={submit} noValidate aria-label="Create a service key" className="space-y-4">
      <div className="grid gap-4 md:grid-cols-2">
        <Field
          label="Name"
          name="serviceKeyName"
          value={values.name}
          onChange={(name) => setValues({ ...values, name })}
          error={form.errors.name}
          required
          placeholder="e.g. Billing (production)"
        />
        <Field
          label="Expires on (optional)"
          name="serviceKeyExpiresOn"
          type="date"
          value={values.expiresOn}
          onChange={(expiresOn) => setValues({ ...values, expiresOn })}
          error={form.errors.expiresAt}
          hint="The key stops working at the end of this day. Leave empty for a key that does not expire."
        />
      </div>
      <ScopeChoices chosen={values.scopes} error={form.errors.scopes} onToggle={toggle} />
      <ErrorAlert error={create.error} title="Key not created" />
      <div className="flex justify-end">
        <Button type="submit" busy={create.isPending}>
          {create.isPending ? "Creating…" : "Create key"}
        </Button>
      </div>
    </form>
  );
};
