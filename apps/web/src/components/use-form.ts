import { useState } from "react";
import type { z } from "zod";
import { apiProblem } from "../trpc.ts";

export type FieldErrors = Record<string, string[]>;

const zodFieldErrors = (error: z.ZodError): FieldErrors => {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "form";
    errors[path] = [...(errors[path] ?? []), issue.message];
  }
  return errors;
};

/** Messages for a field and anything nested in it (`metadata`, `metadata.plan` …). */
export const errorsUnder = (errors: FieldErrors, field: string): string[] | undefined => {
  const messages = Object.entries(errors)
    .filter(([path]) => path === field || path.startsWith(`${field}.`))
    .flatMap(([path, list]) => (path === field ? list : list.map((message) => `${path}: ${message}`)));
  return messages.length ? messages : undefined;
};

/**
 * Form state checked with the same zod schema the API uses: `parse` checks the values and
 * shows per-field messages before any request; the API's field errors land on the same fields.
 */
export const useSchemaForm = <Schema extends z.ZodType>(schema: Schema) => {
  const [errors, setErrors] = useState<FieldErrors>({});
  return {
    errors,
    /** The parsed input, or null with the field errors shown. */
    parse: (values: unknown, extraErrors: FieldErrors = {}): z.output<Schema> | null => {
      const result = schema.safeParse(values);
      if (result.success && Object.keys(extraErrors).length === 0) {
        setErrors({});
        return result.data;
      }
      setErrors({ ...(result.success ? {} : zodFieldErrors(result.error)), ...extraErrors });
      return null;
    },
    /** Show what the API said about the fields. */
    showServerErrors: (error: unknown) => setErrors(apiProblem(error)?.fieldErrors ?? {}),
    clear: () => setErrors({}),
  };
};
