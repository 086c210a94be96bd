import type { FormEvent } from "react";
import { Button } from "./button.tsx";
import { Card } from "./card.tsx";
import { ErrorAlert } from "./error-alert.tsx";
import { Field } from "./field.tsx";
import { Select } from "./select.tsx";
import type { FieldErrors } from "./use-form.ts";

export interface InviteValues<Role extends string> {
  email: string;
  name: string;
  role: Role;
}

interface InviteFormProps<Role extends string> {
  /** The card's title and the form's accessible name, e.g. "Invite a member". */
  title: string;
  /** Prefix of the inputs' names, unique on the page. */
  name: string;
  values: InviteValues<Role>;
  onChange: (values: InviteValues<Role>) => void;
  roles: readonly { value: Role; label: string }[];
  errors: FieldErrors;
  error: unknown;
  busy: boolean;
  onSubmit: (event: FormEvent) => void;
}

/** Email, optional name and role: the one invitation form, for customer teams and staff alike. */
export const InviteForm = <Role extends string>(props: InviteFormProps<Role>) => {
  const { title, name, values, onChange, roles, errors, error, busy, onSubmit } = props;
  return (
    <Card title={title}>
      <form onSubmit={onSubmit} noValidate aria-label={title} className="grid gap-4 md:grid-cols-3">
        <Field
          label="Email"
          name={`${name}Email`}
          type="email"
          autoComplete="off"
          value={values.email}
          onChange={(email) => onChange({ ...values, email })}
          error={errors.email}
          required
        />
        <Field
          label="Name (optional)"
          name={`${name}Name`}
          value={values.name}
          onChange={(person) => onChange({ ...values, name: person })}
          error={errors.name}
        />
        <Select
          label="Role"
          name={`${name}Role`}
          value={values.role}
          onChange={(role) => onChange({ ...values, role: role as Role })}
          options={[...roles]}
          error={errors.role}
        />
        <p className="text-sm text-slate-600 dark:text-slate-300 md:col-span-3">
          We'll email them a link to choose their own password; it works once, for 7 days.
        </p>
        <div className="md:col-span-3">
          <ErrorAlert error={error} title="Not invited" />
        </div>
        <div className="flex justify-end md:col-span-3">
          <Button type="submit" busy={busy}>
            {busy ? "Sending…" : "Invite"}
          </Button>
        </div>
      </form>
    </Card>
  );
};
