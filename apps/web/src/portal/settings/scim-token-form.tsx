import { CreateScimTokenInput } from "@tessera/domain";
import { FormField } from "../../components/form-field.tsx";
import { KeySubmitRow } from "../../components/key-form.tsx";
import { useZodForm } from "../../components/zod-form.ts";
import { trpc } from "../../trpc.ts";

/** Create a SCIM token; the page shows the new token once. */
export const CreateScimToken = ({
  onCreated,
  disabled,
}: {
  onCreated: (token: string) => void;
  disabled: boolean;
}) => {
  const utils = trpc.useUtils();
  const form = useZodForm({ schema: CreateScimTokenInput, defaultValues: { name: "" } });
  const create = trpc.scimTokens.create.useMutation({
    onSuccess: async ({ token }) => {
      form.reset();
      onCreated(token);
      await Promise.all([utils.scimTokens.list.invalidate(), utils.audit.invalidate()]);
    },
    onError: form.showServerErrors,
  });
  const submit = form.handleSubmit(
    (input) => create.mutate(input),
    () => create.reset(),
  );
  return (
    <form onSubmit={submit} noValidate aria-label="Create a SCIM token" className="space-y-4">
      <FormField
        control={form.control}
        label="Name"
        name="name"
        htmlName="scimTokenName"
        required
        disabled={disabled}
        placeholder="e.g. Okta (production)"
        hint="Which directory uses it, so you can tell tokens apart."
      />
      <KeySubmitRow error={create.error} busy={create.isPending} />
    </form>
  );
};
