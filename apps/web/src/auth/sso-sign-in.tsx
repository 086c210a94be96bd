import { SsoDiscoverInput } from "@tessera/domain";
import { Alert, Button } from "@tessera/ui";
import { ErrorAlert } from "../components/error-alert.tsx";
import { FormField } from "../components/form-field.tsx";
import { useZodForm } from "../components/zod-form.ts";
import { trpc } from "../trpc.ts";

/** Why single sign-on sent the person back (`/sign-in?sso_error=CODE`), in words, with what to do. */
const SSO_ERRORS: Record<string, string> = {
  SSO_NOT_CONFIGURED:
    "Single sign-on is not set up for this organisation, or its plan no longer includes it. Sign in with your password or ask your administrator.",
  SSO_PROVIDER_UNREACHABLE:
    "Your organisation's identity provider could not be reached. Try again in a moment; if it keeps happening, tell your administrator.",
  SSO_STATE_INVALID: "That sign-in attempt expired or was already used. Start single sign-on again.",
  SSO_BROWSER_MISMATCH:
    "That sign-in was started in another browser, or this browser lost its sign-in cookie. Start single sign-on again here; if you did not start it, someone may have sent you the link on purpose.",
  SSO_RATE_LIMITED:
    "Too many single sign-on attempts in the last minute, from here or for this organisation. Wait a minute and try again.",
  SSO_TOO_MANY_PENDING:
    "Too many single sign-on attempts for this organisation are still waiting to finish. Wait a few minutes and try again; if it keeps happening, tell your administrator.",
  SSO_DENIED_BY_PROVIDER:
    "Your identity provider did not let you in: access was denied or the sign-in was cancelled.",
  SSO_EMAIL_MISSING:
    "Your identity provider did not share a verified email address, so we could not tell who you are. Ask your administrator to release the email claim.",
  SSO_EXCHANGE_FAILED:
    "The sign-in could not be completed with your identity provider. Start again; if it keeps happening, tell your administrator.",
  SSO_DOMAIN_NOT_ALLOWED:
    "Your email's domain is not one this organisation allows to sign in through single sign-on.",
  SSO_UNKNOWN_USER:
    "Your identity provider knows you, but this organisation has no Tessera account for that email. Ask an administrator to add you.",
  SAML_RESPONSE_MISSING: "Your identity provider sent no sign-in response. Start single sign-on again.",
  SAML_RESPONSE_INVALID:
    "Your identity provider's sign-in response could not be read. Start single sign-on again.",
  SAML_SIGNATURE_INVALID:
    "Your identity provider's sign-in response was not signed with the certificate on file. Ask your administrator to check the SAML settings.",
  SAML_AUDIENCE_MISMATCH:
    "That sign-in response was meant for another service. Ask your administrator to check the SAML settings.",
  SAML_EXPIRED: "That sign-in response has expired (or your clocks disagree). Start single sign-on again.",
  SAML_REPLAYED: "That sign-in response was already used. Start single sign-on again.",
  SAML_REQUEST_UNKNOWN:
    "That sign-in response does not answer a sign-in started in this browser, or it expired. Start single sign-on again.",
  USER_DISABLED: "Your account is disabled. Ask an administrator of your organisation to enable it.",
  SSO_TEST_INVALID:
    "That connection test was started by someone else, has finished or has expired. Start it again from the single sign-on settings.",
};

/** The words for an SSO refusal code, or null for a code this page does not know. */
export const ssoErrorMessage = (code: string): string | null => SSO_ERRORS[code] ?? null;

export const SsoErrorNotice = ({ code }: { code: string }) => (
  <Alert title="Single sign-on did not sign you in">
    <p data-error-code={code}>
      {SSO_ERRORS[code] ?? `Single sign-on stopped with the code ${code}. Try again.`}
    </p>
  </Alert>
);

/** The email-first way in: the API finds the organisation whose SSO covers the email's domain. */
export const SsoDiscoverForm = ({ onCancel }: { onCancel: () => void }) => {
  const form = useZodForm({ schema: SsoDiscoverInput, defaultValues: { email: "" } });
  const discover = trpc.auth.discoverSso.useMutation({
    onSuccess: ({ startUrl }) => window.location.assign(startUrl),
    onError: form.showServerErrors,
  });
  const submit = form.handleSubmit(
    (input) => discover.mutate(input),
    () => discover.reset(),
  );
  const redirecting = discover.isSuccess;
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label="Single sign-on"
      className="space-y-4 rounded-lg border border-line bg-surface p-6 shadow-sm"
    >
      <FormField
        control={form.control}
        label="Work email"
        name="email"
        htmlName="ssoEmail"
        type="email"
        autoComplete="username"
        hint="We send you to your organisation's identity provider."
        required
      />
      <ErrorAlert error={discover.error} title="No single sign-on for this email" />
      <Button type="submit" busy={discover.isPending || redirecting} className="w-full">
        {redirecting ? "Redirecting…" : discover.isPending ? "Looking up…" : "Continue with single sign-on"}
      </Button>
      <Button variant="ghost" onClick={onCancel} className="w-full">
        Use a password instead
      </Button>
    </form>
  );
};
