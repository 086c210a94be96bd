import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CreateScimTokenInput } from "@tessera/domain";
import { type FormEvent, useState } from "react";
import { Field } from "../../components/field.tsx";
import { KeySubmitRow } from "../../components/key-form.tsx";
import { useSchemaForm } from "../../components/use-form.ts";
import { useTRPC } from "../../trpc.ts";

/** Create a SCIM token; the page shows the new token once. */
export const CreateScimToken = ({
  onCreated,
  disabled,
}: {
  onCreated: (token: string) => void;
  disabled: boolean;
}) => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const form = useSchemaForm(CreateScimTokenInput);
  const create = useMutation(
    trpc.scimTokens.create.mutationOptions({
      onSuccess: async ({ token }) => {
        setName("");
        onCreated(token);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.scimTokens.list.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() }),
        ]);
      },
      onError: form.showServerErrors,
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.reset();
    const input = form.parse({ name });
    if (input) create.mutate(input);
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Create a SCIM token" className="space-y-4">
      <Field
        label="Name"
        name="scimTokenName"
        value={name}
        onChange={setName}
        error={form.errors.name}
        required
        disabled={disabled}
        placeholder="e.g. Okta (production)"
        hint="Which directory uses it, so you can tell tokens apart."
      />
      <KeySubmitRow error={create.error} busy={create.isPending} />
    </form>
  );
};
