import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ChangePasswordInput } from "@tessera/domain";
import { type FormEvent, useState } from "react";
import { Alert } from "../components/alert.tsx";
import { Button } from "../components/button.tsx";
import { Card } from "../components/card.tsx";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Field } from "../components/field.tsx";
import { useSchemaForm } from "../components/use-form.ts";
import { useTRPC } from "../trpc.ts";
import { fieldProblem } from "./field-problem.ts";

/** A new password, with the current one; every other session of the user ends. */
export const ChangePasswordCard = () => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const form = useSchemaForm(ChangePasswordInput);
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: async () => {
        setCurrentPassword("");
        setNewPassword("");
        await queryClient.invalidateQueries({ queryKey: trpc.auth.sessions.list.queryKey() });
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.reset();
    const input = form.parse({ currentPassword, newPassword });
    if (input) change.mutate(input);
  };
  const currentError = form.errors.currentPassword ?? fieldProblem(change.error, "currentPassword");
  const newError = form.errors.newPassword ?? fieldProblem(change.error, "newPassword");
  return (
    <Card title="Password">
      <form onSubmit={submit} noValidate aria-label="Change password" className="max-w-sm space-y-4">
        <Field
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={setCurrentPassword}
          error={currentError}
          required
        />
        <Field
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          value={newPassword}
          onChange={setNewPassword}
          error={newError}
          hint="At least 10 characters; a few unrelated words are strong and easy to remember."
          required
        />
        {change.error && !currentError && !newError ? (
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
