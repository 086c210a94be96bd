import { NativeSelect } from "@tessera/ui";
import type { ComponentProps } from "react";
import { type Control, type FieldValues, type Path, useController, useFormState } from "react-hook-form";
import { Field, type FieldProps } from "./field.tsx";

export interface Bound<Values extends FieldValues> {
  // biome-ignore lint/suspicious/noExplicitAny: the parsed output type does not matter to a field
  control: Control<Values, unknown, any>;
  name: Path<Values>;
  /** The input's `name` attribute when it must differ from the field's path (two forms on a page). */
  htmlName?: string;
}

/** One form value bound to its input: value, change, focus target and message. */
export const useBound = <Values extends FieldValues>({ control, name, htmlName }: Bound<Values>) => {
  const { field, fieldState } = useController({ control, name });
  const message = fieldState.error?.message;
  return {
    name: htmlName ?? name,
    value: (field.value ?? "") as string,
    onChange: field.onChange,
    onBlur: field.onBlur,
    inputRef: field.ref,
    error: message ? [message] : undefined,
  };
};

export type Unbound<Props> = Omit<Props, "name" | "value" | "onChange" | "onBlur" | "inputRef" | "error">;

export const FormField = <Values extends FieldValues>(props: Bound<Values> & Unbound<FieldProps>) => {
  const { control, name, htmlName, ...rest } = props;
  return <Field {...rest} {...useBound({ control, name, htmlName })} />;
};

export const FormSelect = <Values extends FieldValues>(
  props: Bound<Values> & Unbound<ComponentProps<typeof NativeSelect>>,
) => {
  const { control, name, htmlName, ...rest } = props;
  return <NativeSelect {...rest} {...useBound({ control, name, htmlName })} />;
};

/** A message about the form as a whole (no one field), shown above its submit button. */
export const FormError = <Values extends FieldValues>({
  control,
}: {
  // biome-ignore lint/suspicious/noExplicitAny: the parsed output type does not matter here
  control: Control<Values, unknown, any>;
}) => {
  const message = useFormState({ control }).errors.root?.message;
  return message ? (
    <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
      {message}
    </p>
  ) : null;
};

/**
 * A form's control as a group of its fields sees it (the contact fields of an organisation
 * form): react-hook-form's `Control` type is invariant, but a form holding more values serves.
 */
export const controlFor = <Part extends FieldValues, Whole extends Part>(
  // biome-ignore lint/suspicious/noExplicitAny: the parsed output type does not matter to fields
  control: Control<Whole, unknown, any>,
  // biome-ignore lint/suspicious/noExplicitAny: as above
) => control as unknown as Control<Part, unknown, any>;
