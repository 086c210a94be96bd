import type { AppRouter } from "@tessera/api";
import { SSO_TEST_STATUS_LABELS } from "@tessera/domain";
import { Badge } from "@tessera/ui";
import type { inferRouterOutputs } from "@trpc/server";
import { ssoErrorMessage } from "../../auth/sso-sign-in.tsx";

export type SsoTest = NonNullable<inferRouterOutputs<AppRouter>["whiteLabel"]["ssoTest"]>;

const STEP_NAMES: Record<string, string> = {
  CONFIGURATION: "Provider configuration (discovery or metadata)",
  REDIRECT: "Redirect to the identity provider",
  RESPONSE: "Assertion or token",
  USER_MATCH: "User match",
};

const STATUS_TONE = { PENDING: "blue", SUCCEEDED: "green", FAILED: "red", ABANDONED: "amber" } as const;
const STATUS_WORDS = {
  PENDING: "Waiting for the identity provider…",
  SUCCEEDED: "Connection works",
  FAILED: "Connection failed",
  ABANDONED: "Not finished within ten minutes",
} as const;

/** A connection test's outcome and each step it reached, as the popup and the SSO page show it. */
export const SsoTestSteps = ({ test }: { test: SsoTest }) => (
  <div data-testid="sso-test-report" className="space-y-3">
    <p className="flex items-center gap-2 text-sm">
      <Badge tone={STATUS_TONE[test.status]}>{SSO_TEST_STATUS_LABELS[test.status]}</Badge>
      <span data-testid="sso-test-status">{STATUS_WORDS[test.status]}</span>
    </p>
    <ol className="space-y-2">
      {test.steps.map((step) => (
        <li key={step.step} data-testid="sso-test-step" className="text-sm">
          <span aria-hidden="true">{step.ok ? "✓" : "✗"}</span>{" "}
          <span className="font-medium">{STEP_NAMES[step.step] ?? step.step}</span>
          <span className="sr-only">{step.ok ? " passed" : " failed"}</span>
          <span className="block text-fg-muted">{step.detail}</span>
          {!step.ok && ssoErrorMessage(step.detail.split(":")[0] ?? "") && (
            <span className="block text-fg-muted">{ssoErrorMessage(step.detail.split(":")[0] ?? "")}</span>
          )}
        </li>
      ))}
    </ol>
  </div>
);
