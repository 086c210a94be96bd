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

/**
 * Form state checked with the same zod schema the API uses: `submit` parses the values and
 * shows per-field messages before any request; the API's field errors land on the same fields.
 */
export const useSchemaForm = <Schema extends z.ZodType>(schema: Schema) => {
  const [errors, setErrors] = useState<FieldErrors>({});
  return {
    errors,
    /** The parsed input, or null with the field errors shown. */
    parse: (values: unknown): z.output<Schema> | null => {
      const result = schema.safeParse(values);
      if (result.success) {
        setErrors({});
        return result.data;
      }
      setErrors(zodFieldErrors(result.error));
      return null;
    },
    /** Show what the API said about the fields. */
    showServerErrors: (error: unknown) => setErrors(apiProblem(error)?.fieldErrors ?? {}),
    clear: () => setErrors({}),
  };
};
