import { ChangePasswordInput } from "@tessera/domain";
import { Alert, Button, Card } from "@tessera/ui";
import { ErrorAlert } from "../components/error-alert.tsx";
import { FormField } from "../components/form-field.tsx";
import { useZodForm } from "../components/zod-form.ts";
import { trpc } from "../trpc.ts";

/** A new password, with the current one; every other session of the user ends. */
export const ChangePasswordCard = () => {
  const utils = trpc.useUtils();
  const form = useZodForm({
    schema: ChangePasswordInput,
    defaultValues: { currentPassword: "", newPassword: "" },
  });
  const change = trpc.auth.changePassword.useMutation({
    onSuccess: async () => {
      form.reset();
      await utils.auth.sessions.list.invalidate();
    },
    onError: form.showServerErrors,
  });
  const submit = form.handleSubmit(
    (input) => change.mutate(input),
    () => change.reset(),
  );
  const { errors } = form;
  return (
    <Card title="Password">
      <form onSubmit={submit} noValidate aria-label="Change password" className="max-w-sm space-y-4">
        <FormField
          control={form.control}
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
        />
        <FormField
          control={form.control}
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          hint="At least 10 characters; a few unrelated words are strong and easy to remember."
          required
        />
        {change.error && !errors.currentPassword && !errors.newPassword ? (
          <ErrorAlert error={change.error} title="Could not change your password" />
        ) : null}
        {change.data && (
          <Alert tone="success">
            Password changed.{" "}
            {change.data.otherSessionsEnded > 0
              ? `${change.data.otherSessionsEnded} other session(s) were signed out.`
              : ""}
          </Alert>
        )}
        <Button type="submit" busy={change.isPending}>
          {change.isPending ? "Changing…" : "Change password"}
        </Button>
      </form>
    </Card>
  );
};
