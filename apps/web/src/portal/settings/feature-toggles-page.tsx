import { useMutation } from "@tanstack/react-query";
import { SetFeatureToggleInput } from "@tessera/domain";
import { type FormEvent, useState } from "react";
import { Alert } from "../../components/alert.tsx";
import { Button } from "../../components/button.tsx";
import { Card } from "../../components/card.tsx";
import { ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { Field } from "../../components/field.tsx";
import { formatDate } from "../../components/format-date.ts";
import { QueryState } from "../../components/query-state.tsx";
import { useSchemaForm } from "../../components/use-form.ts";
import { useTRPC } from "../../trpc.ts";
import { GateNotice } from "./tier-gate.tsx";
import {
  type Gate,
  useRefreshWhiteLabel,
  useWhiteLabelConfig,
  type WhiteLabelConfig,
} from "./white-label-data.ts";

type FeatureToggle = WhiteLabelConfig["featureToggles"][number];

const EMPTY = { key: "", description: "", enabled: true };

const AddToggle = ({ gate }: { gate: Gate }) => {
  const trpc = useTRPC();
  const refresh = useRefreshWhiteLabel();
  const [values, setValues] = useState(EMPTY);
  const [added, setAdded] = useState<string | null>(null);
  const form = useSchemaForm(SetFeatureToggleInput);
  const add = useMutation(
    trpc.whiteLabel.setFeatureToggle.mutationOptions({
      onSuccess: async (toggle) => {
        setValues(EMPTY);
        setAdded(toggle.key);
        await refresh();
      },
      onError: form.showServerErrors,
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.reset();
    setAdded(null);
    const input = form.parse({
      key: values.key,
      enabled: values.enabled,
      ...(values.description.trim() ? { description: values.description } : {}),
    });
    if (input) add.mutate(input);
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Add a feature toggle" className="space-y-4">
      <fieldset disabled={!gate.allowed} className="space-y-4">
        <div className="grid gap-4 md:grid-cols-2">
          <Field
            label="Key"
            name="toggleKey"
            value={values.key}
            onChange={(key) => setValues({ ...values, key })}
            error={form.errors.key}
            placeholder="e.g. new-course-editor"
            hint="Lower-case letters, digits, '.', '_' or '-'. Setting an existing key updates it."
            required
          />
          <Field
            label="Description (optional)"
            name="toggleDescription"
            value={values.description}
            onChange={(description) => setValues({ ...values, description })}
            error={form.errors.description}
          />
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={values.enabled}
            onChange={(event) => setValues({ ...values, enabled: event.target.checked })}
            className="size-4"
          />
          Enabled
        </label>
      </fieldset>
      <div aria-live="polite">{added && <Alert tone="success">{added} saved.</Alert>}</div>
      <ErrorAlert error={add.error} title="Toggle not saved" />
      <div className="flex justify-end">
        <Button type="submit" busy={add.isPending} disabled={!gate.allowed}>
          {add.isPending ? "Saving…" : "Add toggle"}
        </Button>
      </div>
    </form>
  );
};

const ToggleRow = ({
  toggle,
  gate,
  onDelete,
}: {
  toggle: FeatureToggle;
  gate: Gate;
  onDelete: (toggle: FeatureToggle) => void;
}) => {
  const trpc = useTRPC();
  const refresh = useRefreshWhiteLabel();
  const set = useMutation(trpc.whiteLabel.setFeatureToggle.mutationOptions({ onSuccess: refresh }));
  // Set in the change handler itself, so the controlled box shows the new state at once (the
  // mutation's own state arrives a render later); cleared once the refreshed list is in.
  const [requested, setRequested] = useState<boolean | null>(null);
  const enabled = requested ?? toggle.enabled;
  return (
    <tr className="align-top">
      <td className="py-2 pr-4 font-mono text-slate-900 dark:text-slate-100">{toggle.key}</td>
      <td className="py-2 pr-4 text-slate-700 dark:text-slate-300">{toggle.description ?? "—"}</td>
      <td className="py-2 pr-4">
        <input
          type="checkbox"
          role="switch"
          aria-label={`${toggle.key} enabled`}
          checked={enabled}
          aria-checked={enabled}
          disabled={!gate.allowed || set.isPending}
          aria-busy={set.isPending || undefined}
          onChange={(event) => {
            setRequested(event.target.checked);
            set.mutate(
              {
                key: toggle.key,
                enabled: event.target.checked,
                ...(toggle.description ? { description: toggle.description } : {}),
              },
              { onSettled: () => setRequested(null) },
            );
          }}
          className="size-4"
        />
        {set.error ? <ErrorAlert error={set.error} title="Not changed" /> : null}
      </td>
      <td className="whitespace-nowrap py-2 pr-4 text-slate-700 dark:text-slate-300">
        {formatDate(toggle.updatedAt)}
      </td>
      <td className="py-2 text-right">
        <Button variant="secondary" aria-label={`Delete ${toggle.key}`} onClick={() => onDelete(toggle)}>
          Delete
        </Button>
      </td>
    </tr>
  );
};

/** Boolean flags the learning platform reads in license validation answers and license tokens (`flags`). */
export const FeatureTogglesSettingsPage = () => {
  const trpc = useTRPC();
  const refresh = useRefreshWhiteLabel();
  const config = useWhiteLabelConfig();
  const [deleting, setDeleting] = useState<FeatureToggle | null>(null);
  const remove = useMutation(
    trpc.whiteLabel.deleteCustomization.mutationOptions({
      onSuccess: async () => {
        setDeleting(null);
        await refresh();
      },
    }),
  );
  return (
    <QueryState query={config}>
      {({ gates, featureToggles }) => (
        <>
          <GateNotice gate={gates.FEATURE} what="Feature toggles" />
          <Card title="Feature toggles">
            {featureToggles.length === 0 ? (
              <p className="text-sm text-slate-600 dark:text-slate-300">No feature toggles yet.</p>
            ) : (
              <div className="overflow-x-auto">
                <table className="w-full text-left text-sm">
                  <caption className="sr-only">Feature toggles</caption>
                  <thead className="border-b border-slate-200 dark:border-slate-700 text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
                    <tr>
                      <th scope="col" className="py-2 pr-4 font-medium">
                        Key
                      </th>
                      <th scope="col" className="py-2 pr-4 font-medium">
                        Description
                      </th>
                      <th scope="col" className="py-2 pr-4 font-medium">
                        Enabled
                      </th>
                      <th scope="col" className="py-2 pr-4 font-medium">
                        Updated
                      </th>
                      <th scope="col" className="py-2 font-medium">
                        <span className="sr-only">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                    {featureToggles.map((toggle) => (
                      <ToggleRow
                        key={toggle.id}
                        toggle={toggle}
                        gate={gates.FEATURE}
                        onDelete={setDeleting}
                      />
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Card>
          <Card title="Add a toggle">
            <AddToggle gate={gates.FEATURE} />
          </Card>
          <ConfirmDialog
            open={deleting !== null}
            title={`Delete ${deleting?.key ?? ""}?`}
            confirmLabel="Delete toggle"
            cancelLabel="Keep toggle"
            busy={remove.isPending}
            busyLabel="Deleting…"
            onCancel={() => {
              setDeleting(null);
              remove.reset();
            }}
            onConfirm={() => deleting && remove.mutate({ customizationId: deleting.id })}
          >
            <p>
              The flag disappears from license validation answers (<code>flags</code>) and from new license
              tokens.
            </p>
            <ErrorAlert error={remove.error} title="Toggle not deleted" />
          </ConfirmDialog>
        </>
      )}
    </QueryState>
  );
};
