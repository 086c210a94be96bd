import { useMutation, useQueryClient } from "@tanstack/react-query";
import { SignInInput } from "@tessera/domain";
import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import { Button, ErrorAlert, Field } from "./components/ui.tsx";
import { useSchemaForm } from "./components/use-form.ts";
import { useTRPC } from "./trpc.ts";

export const SignInPage = () => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const form = useSchemaForm(SignInInput);
  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      onSuccess: async ({ user }) => {
        await queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
        await navigate(user.kind === "STAFF" ? "/console" : "/portal", { replace: true });
      },
      onError: form.showServerErrors,
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = form.parse({ email, password });
    if (input) signIn.mutate(input);
  };
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <h1 className="mb-1 text-center text-2xl font-bold text-brand-700">Tessera</h1>
        <p className="mb-6 text-center text-sm text-slate-600">
          Sign in to the staff console or your organisation's portal
        </p>
        <form
          onSubmit={submit}
          noValidate
          className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
        >
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
          <Field
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            error={form.errors.password}
            required
          />
          <ErrorAlert error={signIn.error} />
          <Button type="submit" busy={signIn.isPending} className="w-full">
            {signIn.isPending ? "Signing in…" : "Sign in"}
          </Button>
        </form>
      </div>
    </main>
  );
};
