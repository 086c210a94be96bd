import { BrandingInput } from "@tessera/domain";
import type { FieldErrors } from "../../components/use-form.ts";

/** The branding form's values as sent to the API, field by field. */
export type BrandingFields = Record<string, string | null>;

const schemaErrors = (fields: BrandingFields): FieldErrors => {
  const parsed = BrandingInput.safeParse(fields);
  const errors: FieldErrors = {};
  if (parsed.success) return errors;
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] = [...(errors[field] ?? []), issue.message];
  }
  return errors;
};

/**
 * The messages to show now. `errors` are what the last check (or the API) said of `checked`;
 * a field edited since then shows what the schema says of its value now, which is nothing once
 * it is fixed, so no message outlives the mistake. Untouched fields keep theirs, the API's too.
 */
export const currentErrors = (
  errors: FieldErrors,
  checked: BrandingFields | null,
  now: BrandingFields,
): FieldErrors => {
  if (!checked || Object.keys(errors).length === 0) return errors;
  const edited = (path: string) => {
    const field = path.split(".")[0] ?? path;
    return field in now && now[field] !== checked[field];
  };
  if (!Object.keys(errors).some(edited)) return errors;
  const live = schemaErrors(now);
  const shown: FieldErrors = {};
  for (const [path, messages] of Object.entries(errors)) {
    const current = edited(path) ? live[path] : messages;
    if (current?.length) shown[path] = current;
  }
  return shown;
};
