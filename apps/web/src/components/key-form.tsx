import { Button } from "@tessera/ui";
import { type ReactNode, useId } from "react";
import { type Control, useController } from "react-hook-form";
import type { z } from "zod";
import { useDateFormat } from "./dates/use-date-format.ts";
import { ErrorAlert } from "./error-alert.tsx";
import { FormField } from "./form-field.tsx";
import { useZodForm } from "./zod-form.ts";

/**
 * The parts the console's service-key form and the portal's API-key form share: the values
 * (name, scopes, optional last day), their fields, the scopes fieldset and the submit row. Each
 * form keeps its own mutation and its own list of scopes.
 */
export interface KeyValues<S extends string> {
  name: string;
  scopes: S[];
  expiresOn: string;
}

/** A key form checked with the create input's schema; the expiry is the end of the chosen day. */
export const useKeyForm = <S extends string, Schema extends z.ZodType<unknown, unknown>>(schema: Schema) => {
  const dates = useDateFormat();
  return useZodForm({
    schema,
    defaultValues: { name: "", scopes: [], expiresOn: "" } as KeyValues<S>,
    // The end of the chosen day in the person's zone.
    toInput: (values) => {
      const expiresAt = dates.dayBound(values.expiresOn, true);
      return { input: { name: values.name, scopes: values.scopes, ...(expiresAt ? { expiresAt } : {}) } };
    },
    aliases: { expiresAt: "expiresOn" },
  });
};

// biome-ignore lint/suspicious/noExplicitAny: the parsed output type does not matter to the fields
type KeyControl = Control<KeyValues<string>, unknown, any>;

interface KeyFieldsProps {
  control: KeyControl;
  /** Form-field names, distinct per form (`keyName`, `serviceKeyName` …). */
  names: { name: string; expiresOn: string };
  placeholder: string;
}

export const KeyFields = ({ control, names, placeholder }: KeyFieldsProps) => {
  const { timeZone } = useDateFormat();
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <FormField
        control={control}
        label="Name"
        name="name"
        htmlName={names.name}
        required
        placeholder={placeholder}
      />
      <FormField
        control={control}
        label="Expires on (optional)"
        name="expiresOn"
        htmlName={names.expiresOn}
        type="date"
        hint={`The key stops working at the end of this day (${timeZone} time). Leave empty for a key that does not expire.`}
      />
    </div>
  );
};

/**
 * The required "Scopes" group with its error; `children` lists the checkboxes, given the chosen
 * scopes and a toggle. The group itself takes focus when it is the first invalid field.
 */
export const ScopesFieldset = ({
  control,
  children,
}: {
  control: KeyControl;
  children: (chosen: string[], toggle: (scope: string, on: boolean) => void) => ReactNode;
}) => {
  const id = useId();
  const { field, fieldState } = useController({ control, name: "scopes" });
  const error = fieldState.error?.message;
  const toggle = (scope: string, on: boolean) =>
    field.onChange(on ? [...field.value, scope] : field.value.filter((item) => item !== scope));
  return (
    <fieldset ref={field.ref} tabIndex={-1} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium text-fg">
        Scopes
        <span aria-hidden="true" className="text-red-700 dark:text-red-400">
          {" "}
          *
        </span>
      </legend>
      {children(field.value, toggle)}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-xs font-medium text-red-700 dark:text-red-400">
          {error}
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
