import { useMutation } from "@tanstack/react-query";
import { RequestPasswordResetInput } from "@tessera/domain";
import { type FormEvent, useState } from "react";
import { Alert } from "../components/alert.tsx";
import { Button } from "../components/button.tsx";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Field } from "../components/field.tsx";
import { useSchemaForm } from "../components/use-form.ts";
import { useTRPC } from "../trpc.ts";
import { AccountFrame } from "./link-page-frame.tsx";

/** Ask for a reset link; the answer is the same whether or not the address has an account. */
export const ForgotPasswordPage = () => {
  const trpc = useTRPC();
  const [email, setEmail] = useState("");
  const form = useSchemaForm(RequestPasswordResetInput);
  const request = useMutation(
    trpc.auth.requestPasswordReset.mutationOptions({ onError: form.showServerErrors }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    request.reset();
    const input = form.parse({ email });
    if (input) request.mutate(input);
  };
  return (
    <AccountFrame title="Forgot your password?" intro="We'll mail you a link to choose a new one.">
      {request.isSuccess ? (
        <Alert tone="success" title="Check your mail">
          {request.data.message} The link works for one hour.
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate aria-label="Reset your password" className="space-y-4">
          <Field
            label="Email"
            name="email"
            type="email"
            autoComplete="username"
            value={email}
            onChange={setEmail}
            error={form.errors.email}
            required
          />
          <ErrorAlert error={request.error} title="Not sent" />
          <Button type="submit" busy={request.isPending} className="w-full">
            {request.isPending ? "Sending…" : "Send the link"}
          </Button>
        </form>
      )}
    </AccountFrame>
  );
};
