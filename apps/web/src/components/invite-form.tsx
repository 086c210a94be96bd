import { Button, Card } from "@tessera/ui";
import type { FormEvent } from "react";
import type { Control } from "react-hook-form";
import type { z } from "zod";
import { ErrorAlert } from "./error-alert.tsx";
import { FormField, FormSelect } from "./form-field.tsx";
import { useZodForm } from "./zod-form.ts";

export interface InviteValues<Role extends string> {
  email: string;
  name: string;
  role: Role;
}

/** An invitation form checked with the invite input's schema; an empty name is no name. */
export const useInviteForm = <Role extends string, Schema extends z.ZodType<unknown, unknown>>(
  schema: Schema,
  role: Role,
) =>
  useZodForm({
    schema,
    defaultValues: { email: "", name: "", role } as InviteValues<Role>,
    toInput: (values) => ({ input: { ...values, name: values.name.trim() || undefined } }),
  });

interface InviteFormProps<Role extends string> {
  /** The card's title and the form's accessible name, e.g. "Invite a member". */
  title: string;
  /** Prefix of the inputs' names, unique on the page. */
  name: string;
  // biome-ignore lint/suspicious/noExplicitAny: the parsed output type does not matter to the fields
  control: Control<InviteValues<string>, unknown, any>;
  roles: readonly { value: Role; label: string }[];
  error: unknown;
  busy: boolean;
  onSubmit: (event: FormEvent) => void;
}

/** Email, optional name and role: the one invitation form, for customer teams and staff alike. */
export const InviteForm = <Role extends string>(props: InviteFormProps<Role>) => {
  const { title, name, control, roles, error, busy, onSubmit } = props;
  return (
    <Card title={title}>
      <form onSubmit={onSubmit} noValidate aria-label={title} className="grid gap-4 md:grid-cols-3">
        <FormField
          control={control}
          label="Email"
          name="email"
          htmlName={`${name}Email`}
          type="email"
          autoComplete="off"
          required
        />
        <FormField control={control} label="Name (optional)" name="name" htmlName={`${name}Name`} />
        <FormSelect
          control={control}
          label="Role"
          name="role"
          htmlName={`${name}Role`}
          options={[...roles]}
        />
        <p className="text-sm text-fg-muted md:col-span-3">
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
