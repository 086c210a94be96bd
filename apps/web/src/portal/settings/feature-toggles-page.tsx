import { SetFeatureToggleInput } from "@tessera/domain";
import { Alert, Button, Card, ConfirmDialog } from "@tessera/ui";
import { useState } from "react";
import { TableEmpty } from "../../components/data-table/table-empty.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { FormField } from "../../components/form-field.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { useZodForm } from "../../components/zod-form.ts";
import { trpc } from "../../trpc.ts";
import { type FeatureToggle, FeatureTogglesTable } from "./feature-toggles-table.tsx";
import { GateNotice } from "./tier-gate.tsx";
import { type Gate, useRefreshWhiteLabel, useWhiteLabelConfig } from "./white-label-data.ts";

const AddToggle = ({ gate }: { gate: Gate }) => {
  const refresh = useRefreshWhiteLabel();
  const [added, setAdded] = useState<string | null>(null);
  const form = useZodForm({
    schema: SetFeatureToggleInput,
    defaultValues: { key: "", description: "", enabled: true },
    toInput: ({ description, ...values }) => ({
      input: { ...values, ...(description.trim() ? { description } : {}) },
    }),
  });
  const add = trpc.whiteLabel.setFeatureToggle.useMutation({
    onSuccess: async (toggle) => {
      form.reset();
      setAdded(toggle.key);
      await refresh();
    },
    onError: form.showServerErrors,
  });
  const submit = form.handleSubmit(
    (input) => {
      setAdded(null);
      add.mutate(input);
    },
    () => {
      add.reset();
      setAdded(null);
    },
  );
  return (
    <form onSubmit={submit} noValidate aria-label="Add a feature toggle" className="space-y-4">
      <fieldset disabled={!gate.allowed} className="space-y-4">
        <div className="grid gap-4 md:grid-cols-2">
          <FormField
            control={form.control}
            label="Key"
            name="key"
            htmlName="toggleKey"
            placeholder="e.g. new-course-editor"
            hint="Lower-case letters, digits, '.', '_' or '-'. Setting an existing key updates it."
            required
          />
          <FormField
            control={form.control}
            label="Description (optional)"
            name="description"
            htmlName="toggleDescription"
          />
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" {...form.register("enabled")} className="size-4" />
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

/** Boolean flags the learning platform reads in license validation answers and license tokens (`flags`). */
export const FeatureTogglesSettingsPage = () => {
  const refresh = useRefreshWhiteLabel();
  const config = useWhiteLabelConfig();
  const [deleting, setDeleting] = useState<FeatureToggle | null>(null);
  const remove = trpc.whiteLabel.deleteCustomization.useMutation({
    onSuccess: async () => {
      setDeleting(null);
      await refresh();
    },
  });
  return (
    <QueryState query={config}>
      {({ gates, featureToggles }) => (
        <>
          <GateNotice gate={gates.FEATURE} what="Feature toggles" />
          <Card title="Feature toggles">
            {featureToggles.length === 0 ? (
              <TableEmpty filtered={false} empty="No feature toggles yet." noMatch="" />
            ) : (
              <FeatureTogglesTable toggles={featureToggles} gate={gates.FEATURE} onDelete={setDeleting} />
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
