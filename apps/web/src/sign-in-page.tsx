import { useMutation, useQueryClient } from "@tanstack/react-query";
import { SignInInput } from "@tessera/domain";
import { type FormEvent, useEffect, useState } from "react";
import { Navigate, useLocation, useNavigate } from "react-router";
import { homeOf, useMe } from "./auth/session.tsx";
import { Alert, Button, Field, Loading } from "./components/ui.tsx";
import { useSchemaForm } from "./components/use-form.ts";
import { apiProblem, useTRPC } from "./trpc.ts";

/** Seconds left until `until`, ticking once a second; 0 when there is nothing to wait for. */
const useCountdown = (until: number | null) => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  return until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
};

/** Where to go after signing in: back where the user was headed when it is in their area. */
const destination = (kind: "STAFF" | "CUSTOMER", from: unknown) => {
  const home = homeOf(kind);
  return typeof from === "string" && from.startsWith(home) ? from : home;
};

export const SignInPage = () => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: unknown } | null)?.from;
  const me = useMe();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const form = useSchemaForm(SignInInput);
  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      onSuccess: async ({ user }) => {
        queryClient.setQueryData(trpc.auth.me.queryKey(), user);
        await navigate(destination(user.kind, from), { replace: true });
      },
      onError: (error) => {
        const problem = apiProblem(error);
        setRetryAt(problem?.retryAfterSeconds ? Date.now() + problem.retryAfterSeconds * 1000 : null);
        if (problem?.code === "INVALID_CREDENTIALS") setPassword("");
      },
    }),
  );
  const waitSeconds = useCountdown(retryAt);
  const problem = apiProblem(signIn.error);

  if (me.isPending) return <Loading label="Checking your session…" />;
  if (me.data && !signIn.isPending && !signIn.isSuccess)
    return <Navigate to={homeOf(me.data.kind)} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.reset();
    const input = form.parse({ email, password });
    if (input) signIn.mutate(input);
  };
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-50 px-4">
      <div className="w-full max-w-sm">
        <p className="mb-2 text-center text-lg font-bold tracking-tight text-indigo-700">Tessera</p>
        <h1 className="mb-1 text-center text-2xl font-semibold text-slate-900">Sign in</h1>
        <p className="mb-6 text-center text-sm text-slate-600">
          To the staff console or your organisation's portal
        </p>
        <form
          onSubmit={submit}
          noValidate
          aria-label="Sign in"
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
          {problem && (
            <Alert title={problem.code === "RATE_LIMITED" ? "Too many attempts" : "Could not sign you in"}>
              <p data-error-code={problem.code}>{problem.message}</p>
              {problem.code === "RATE_LIMITED" && waitSeconds > 0 && (
                <p className="mt-1">You can try again in {waitSeconds} s.</p>
              )}
            </Alert>
          )}
          <Button type="submit" busy={signIn.isPending} disabled={waitSeconds > 0} className="w-full">
            {signIn.isPending ? "Signing in…" : waitSeconds > 0 ? `Try again in ${waitSeconds} s` : "Sign in"}
          </Button>
        </form>
      </div>
    </main>
  );
};
