import { CreateMacroInput, MACRO_PLACEHOLDERS, MACRO_STATUSES } from "@tessera/domain";
import { Alert, Button } from "@tessera/ui";
import { useState } from "react";
import type { z } from "zod";
import { ErrorAlert } from "../components/error-alert.tsx";
import { FormError, FormField, FormSelect } from "../components/form-field.tsx";
import { PRIORITY_OPTIONS, STATUS_LABELS } from "../components/ticket-parts.tsx";
import { useZodForm } from "../components/zod-form.ts";

/** What the form sends: the API's own input shape, parsed. */
type MacroValues = z.output<typeof CreateMacroInput>;
/** A stored macro to edit (its status column is any ticket status). */
interface StoredMacro {
  title: string;
  body: string;
  setStatus: string | null;
  setPriority: string | null;
}

const KEEP = "";
const STATUS_CHOICES = [
  { value: KEEP, label: "Leave as the reply leaves it" },
  ...MACRO_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] })),
];
const PRIORITY_CHOICES = [{ value: KEEP, label: "Leave unchanged" }, ...PRIORITY_OPTIONS];

const placeholderHint = (
  <>
    Placeholders: {MACRO_PLACEHOLDERS.map((name) => `{{${name}}}`).join(", ")}. Each is filled in from the
    ticket when an agent applies the macro.
  </>
);

/**
 * A macro's title, body and what it sets, checked with the API's own schema (an unknown
 * placeholder is named under the body before anything is sent).
 */
export const MacroForm = ({
  initial,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  initial?: StoredMacro;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: MacroValues) => Promise<unknown>;
  onCancel?: () => void;
}) => {
  const [saved, setSaved] = useState<string | null>(null);
  const form = useZodForm({
    schema: CreateMacroInput,
    defaultValues: {
      title: initial?.title ?? "",
      body: initial?.body ?? "",
      setStatus: initial?.setStatus ?? KEEP,
      setPriority: initial?.setPriority ?? KEEP,
    },
    toInput: (values) => ({
      input: {
        ...values,
        setStatus: values.setStatus === KEEP ? null : values.setStatus,
        setPriority: values.setPriority === KEEP ? null : values.setPriority,
      },
    }),
  });
  const submit = form.handleSubmit(
    async (values) => {
      setSaved(null);
      try {
        await onSubmit(values);
        setSaved(`Macro “${values.title}” saved.`);
        if (!initial) form.reset();
      } catch (failure) {
        form.showServerErrors(failure);
      }
    },
    () => setSaved(null),
  );
  return (
    <form onSubmit={submit} noValidate aria-label={submitLabel} className="space-y-4">
      <FormField control={form.control} label="Title" name="title" required />
      <FormField control={form.control} label="Reply" name="body" hint={placeholderHint} multiline required />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormSelect
          control={form.control}
          label="Then set status"
          name="setStatus"
          options={STATUS_CHOICES}
        />
        <FormSelect
          control={form.control}
          label="Then set priority"
          name="setPriority"
          options={PRIORITY_CHOICES}
        />
      </div>
      <div aria-live="polite" className="space-y-2">
        <FormError control={form.control} />
        <ErrorAlert error={error} title="Not saved" />
        {saved && <Alert tone="success">{saved}</Alert>}
      </div>
      <div className="flex justify-end gap-2">
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        )}
        <Button type="submit" busy={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
      </div>
    </form>
  );
};
