import { CreateMacroInput, MACRO_PLACEHOLDERS, MACRO_STATUSES } from "@tessera/domain";
import { type FormEvent, useState } from "react";
import type { z } from "zod";
import { Alert } from "../components/alert.tsx";
import { Button } from "../components/button.tsx";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Field } from "../components/field.tsx";
import { Select } from "../components/select.tsx";
import { PRIORITY_OPTIONS, STATUS_LABELS } from "../components/ticket-parts.tsx";
import { useSchemaForm } from "../components/use-form.ts";

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
  const [title, setTitle] = useState(initial?.title ?? "");
  const [body, setBody] = useState(initial?.body ?? "");
  const [setStatus, setSetStatus] = useState<string>(initial?.setStatus ?? KEEP);
  const [setPriority, setSetPriority] = useState<string>(initial?.setPriority ?? KEEP);
  const [saved, setSaved] = useState<string | null>(null);
  const form = useSchemaForm(CreateMacroInput);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const values = form.parse({
      title,
      body,
      setStatus: setStatus === KEEP ? null : setStatus,
      setPriority: setPriority === KEEP ? null : setPriority,
    });
    if (!values) return;
    try {
      await onSubmit(values);
      setSaved(`Macro “${values.title}” saved.`);
      if (!initial) {
        setTitle("");
        setBody("");
        setSetStatus(KEEP);
        setSetPriority(KEEP);
      }
    } catch (failure) {
      form.showServerErrors(failure);
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-label={submitLabel} className="space-y-4">
      <Field
        label="Title"
        name="title"
        value={title}
        onChange={setTitle}
        error={form.errors.title}
        required
      />
      <Field
        label="Reply"
        name="body"
        value={body}
        onChange={setBody}
        error={form.errors.body}
        hint={placeholderHint}
        multiline
        required
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Select
          label="Then set status"
          name="setStatus"
          value={setStatus}
          onChange={setSetStatus}
          options={STATUS_CHOICES}
          error={form.errors.setStatus}
        />
        <Select
          label="Then set priority"
          name="setPriority"
          value={setPriority}
          onChange={setSetPriority}
          options={PRIORITY_CHOICES}
          error={form.errors.setPriority}
        />
      </div>
      <div aria-live="polite" className="space-y-2">
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
