import { useQueryClient } from "@tanstack/react-query";
import { SignInInput } from "@tessera/domain";
import { Alert, Button } from "@tessera/ui";
import { useState } from "react";
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from "react-router";
import { MfaCodeStep } from "./auth/mfa-code-step.tsx";
import { enrolmentPathOf, homeOf, landingOf, type UserKind, useMe } from "./auth/session.tsx";
import { SsoDiscoverForm, SsoErrorNotice } from "./auth/sso-sign-in.tsx";
import { useCountdown } from "./auth/use-countdown.ts";
import { BrandMark } from "./components/brand-mark.tsx";
import { FormField } from "./components/form-field.tsx";
import { Loading } from "./components/loading.tsx";
import { useZodForm } from "./components/zod-form.ts";
import { refreshTheme, type Theme, useTheme } from "./theme/theme-provider.tsx";
import { apiProblem, trpc } from "./trpc.ts";

/**
 * Where to go after signing in: the MFA enrolment when it must come first, else back where the
 * user was headed when it is in their area.
 */
const destination = (user: { kind: UserKind; role: string }, from: unknown, mustEnrol: boolean) => {
  if (mustEnrol) return enrolmentPathOf(user.kind);
  return typeof from === "string" && from.startsWith(homeOf(user.kind)) ? from : landingOf(user);
};

interface SignedIn {
  user: { kind: "STAFF" | "CUSTOMER" } | null;
  mfaEnrolmentRequired: boolean;
}

/** The organisation's own single sign-on, when the page is served on its verified domain. */
const OrganizationSso = ({ theme, sso }: { theme: Theme; sso: NonNullable<Theme["sso"]> }) => (
  <div className="mb-4 space-y-3">
    <Button asChild className="w-full">
      <a href={sso.startUrl}>Sign in with SSO</a>
    </Button>
    {sso.enforced && (
      <Alert tone="info">
        Password sign-in is off for {theme.branding.companyName}: its people sign in with single sign-on.
      </Alert>
    )}
  </div>
);

/** The brand mark and title: a customer's own domain says whose portal this is. */
const SignInHeading = ({ theme }: { theme: ReturnType<typeof useTheme> }) => (
  <>
    <div className="mb-4 flex min-h-10 justify-center text-brand-ink">
      {theme && (
        <BrandMark companyName={theme.branding.companyName} logoSrc={theme.branding.logoSrc} size="lg" />
      )}
    </div>
    <h1 className="mb-1 text-center text-2xl font-semibold text-fg">Sign in</h1>
    <p className="mb-6 text-center text-sm text-fg-muted">
      {theme?.source === "DOMAIN"
        ? `To ${theme.branding.companyName}'s portal`
        : "To the staff console or your organisation's portal"}
    </p>
  </>
);

/**
 * The password step and, for a user with MFA on, the code step: where each answer leads. The
 * session is opened by whichever step answers with a user.
 */
const useSignInSteps = (from: unknown) => {
  const utils = trpc.useUtils();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useZodForm({ schema: SignInInput, defaultValues: { email: "", password: "" } });
  const clearPassword = () => form.setValue("password", "");
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const [challenge, setChallenge] = useState<string | null>(null);
  const opened = async ({ user, mfaEnrolmentRequired }: SignedIn) => {
    if (!user) return;
    // Fetched afresh before leaving (not only marked stale): the shell routes by the role and the
    // enrolment flag, and must not start from the signed-out answer still in the cache.
    const me = await utils.auth.me.fetch(undefined, { staleTime: 0 });
    // The portal opens in the organisation's branding, not the sign-in page's.
    await refreshTheme(queryClient);
    await navigate(destination(me ?? { ...user, role: "" }, from, mfaEnrolmentRequired), { replace: true });
  };
  const signIn = trpc.auth.signIn.useMutation({
    onSuccess: async (result) => {
      if (result.mfaRequired) {
        clearPassword();
        setChallenge(result.challenge);
        return;
      }
      await opened(result);
    },
    onError: (error) => {
      const problem = apiProblem(error);
      setRetryAt(problem?.retryAfterSeconds ? Date.now() + problem.retryAfterSeconds * 1000 : null);
      if (problem?.code === "INVALID_CREDENTIALS") clearPassword();
    },
  });
  const restart = () => {
    setChallenge(null);
    signIn.reset();
  };
  return { form, retryAt, challenge, opened, signIn, restart };
};

export const SignInPage = () => {
  const location = useLocation();
  const from = (location.state as { from?: unknown } | null)?.from;
  const me = useMe();
  const theme = useTheme();
  const [searchParams] = useSearchParams();
  const ssoError = searchParams.get("sso_error");
  const [useSso, setUseSso] = useState(false);
  const { form, retryAt, challenge, opened, signIn, restart } = useSignInSteps(from);
  const waitSeconds = useCountdown(retryAt);
  const problem = apiProblem(signIn.error);

  if (me.isPending) return <Loading label="Checking your session…" />;
  if (me.data && !signIn.isPending && !signIn.isSuccess) return <Navigate to={landingOf(me.data)} replace />;

  const submit = form.handleSubmit(
    (input) => signIn.mutate(input),
    () => signIn.reset(),
  );
  return (
    <main className="flex min-h-screen items-center justify-center bg-surface-muted px-4 py-10">
      <div className="w-full max-w-sm">
        <SignInHeading theme={theme} />
        {ssoError && (
          <div className="mb-4">
            <SsoErrorNotice code={ssoError} />
          </div>
        )}
        {theme?.sso && <OrganizationSso theme={theme} sso={theme.sso} />}
        {challenge ? (
          <MfaCodeStep challenge={challenge} onSignedIn={opened} onRestart={restart} />
        ) : useSso ? (
          <SsoDiscoverForm onCancel={() => setUseSso(false)} />
        ) : (
          <>
            <form
              onSubmit={submit}
              noValidate
              aria-label="Sign in"
              className="space-y-4 rounded-lg border border-line bg-surface p-6 shadow-sm"
            >
              <FormField
                control={form.control}
                label="Email"
                name="email"
                type="email"
                autoComplete="username"
                required
              />
              <FormField
                control={form.control}
                label="Password"
                name="password"
                type="password"
                autoComplete="current-password"
                required
              />
              {problem && (
                <Alert
                  title={problem.code === "RATE_LIMITED" ? "Too many attempts" : "Could not sign you in"}
                >
                  <p data-error-code={problem.code}>{problem.message}</p>
                  {problem.code === "RATE_LIMITED" && waitSeconds > 0 && (
                    <p className="mt-1">You can try again in {waitSeconds} s.</p>
                  )}
                </Alert>
              )}
              <Button type="submit" busy={signIn.isPending} disabled={waitSeconds > 0} className="w-full">
                {signIn.isPending
                  ? "Signing in…"
                  : waitSeconds > 0
                    ? `Try again in ${waitSeconds} s`
                    : "Sign in"}
              </Button>
            </form>
            <div className="mt-4 text-center">
              <Link to="/forgot-password" className="mb-2 block text-sm font-medium text-brand-ink underline">
                Forgot password?
              </Link>
              <Button variant="ghost" onClick={() => setUseSso(true)}>
                Use single sign-on
              </Button>
            </div>
          </>
        )}
      </div>
    </main>
  );
};
