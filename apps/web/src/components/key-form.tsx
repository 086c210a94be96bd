import { type ReactNode, useId, useState } from "react";
import { Button } from "./button.tsx";
import { endOfDay } from "./end-of-day.ts";
import { ErrorAlert } from "./error-alert.tsx";
import { Field } from "./field.tsx";

/**
 * The parts the console's service-key form and the portal's API-key form share: the draft
 * (name, scopes, optional last day), its fields, the scopes fieldset and the submit row. Each
 * form keeps its own mutation and its own list of scopes.
 */
interface KeyDraft<S extends string> {
  name: string;
  scopes: S[];
  expiresOn: string;
}

export const useKeyDraft = <S extends string>() => {
  const empty: KeyDraft<S> = { name: "", scopes: [], expiresOn: "" };
  const [draft, setDraft] = useState(empty);
  const toggle = (scope: S, on: boolean) =>
    setDraft({
      ...draft,
      scopes: on ? [...draft.scopes, scope] : draft.scopes.filter((item) => item !== scope),
    });
  /** What the create input takes: the expiry as the end of the chosen day. */
  const input = () => {
    const expiresAt = endOfDay(draft.expiresOn);
    return { name: draft.name, scopes: draft.scopes, ...(expiresAt ? { expiresAt } : {}) };
  };
  return { draft, setDraft, toggle, input, reset: () => setDraft(empty) };
};

interface KeyFieldsProps<S extends string> {
  draft: KeyDraft<S>;
  onChange: (draft: KeyDraft<S>) => void;
  errors: Partial<Record<"name" | "expiresAt", string[]>>;
  /** Form-field names, distinct per form (`keyName`, `serviceKeyName` …). */
  names: { name: string; expiresOn: string };
  placeholder: string;
}

export const KeyFields = <S extends string>({
  draft,
  onChange,
  errors,
  names,
  placeholder,
}: KeyFieldsProps<S>) => (
  <div className="grid gap-4 md:grid-cols-2">
    <Field
      label="Name"
      name={names.name}
      value={draft.name}
      onChange={(name) => onChange({ ...draft, name })}
      error={errors.name}
      required
      placeholder={placeholder}
    />
    <Field
      label="Expires on (optional)"
      name={names.expiresOn}
      type="date"
      value={draft.expiresOn}
      onChange={(expiresOn) => onChange({ ...draft, expiresOn })}
      error={errors.expiresAt}
      hint="The key stops working at the end of this day. Leave empty for a key that does not expire."
    />
  </div>
);

/** The required "Scopes" group with its error; `children` lists the checkboxes. */
export const ScopesFieldset = ({ error, children }: { error: string[] | undefined; children: ReactNode }) => {
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
      {children}
      {error?.length ? (
        <p id={`${id}-error`} className="mt-1 text-xs font-medium text-red-700 dark:text-red-400">
          {error[0]}
        </p>
      ) : null}
    </fieldset>
  );
};

/** The server's refusal, if any, and the submit button. */
export const KeySubmitRow = ({ error, busy }: { error: unknown; busy: boolean }) => (
  <>
    <ErrorAlert error={error} title="Key not created" />
    <div className="flex justify-end">
      <Button type="submit" busy={busy}>
        {busy ? "Creating…" : "Create key"}
      </Button>
    </div>
  </>
);
