import type { IncomingMessage, ServerResponse } from "node:http";
import type { SsoTestStep } from "@tessera/db/schema";
import { readCookie, SESSION_COOKIE } from "../auth/cookie.ts";
import { resolveSession } from "../auth/service.ts";
import type { AppDeps, ServiceContext } from "../context.ts";
import { pendingTestOf, recordTestStep } from "./sso-connection-test.ts";
import { redirect, refuse } from "./sso-http.ts";

/**
 * The connection-test side of the SSO flows. A test runs the very sign-in everyone uses, in
 * the admin's own browser, but where a sign-in would open a session or send the browser back
 * with an error, a test records the step and shows its report.
 */
type TestDeps = Pick<AppDeps, "db" | "clock" | "config">;

const systemContext = (deps: TestDeps): ServiceContext => ({
  db: deps.db,
  clock: deps.clock,
  actor: null,
  ip: null,
  system: "sso-test",
});

const testReportPath = (testId: string) => `/portal/settings/sso/test/${testId}`;

/**
 * For `/auth/sso/start?…&test=<id>`: the test, when this browser's session belongs to the
 * admin who started it and it is still pending; `invalid` otherwise (someone else's link).
 * Null when the start is an ordinary sign-in.
 */
export const testOfStart = async (
  deps: TestDeps,
  req: IncomingMessage,
  url: URL,
  organizationId: string,
): Promise<{ testId: string } | { invalid: true } | null> => {
  const testId = url.searchParams.get("test");
  if (testId === null) return null;
  if (!/^[0-9a-f-]{36}$/.test(testId)) return { invalid: true };
  const token = readCookie(req.headers.cookie, SESSION_COOKIE);
  const actor = token ? await resolveSession(deps, token) : null;
  if (!actor) return { invalid: true };
  const test = await pendingTestOf(deps.db, testId, organizationId, actor.userId, deps.clock.now());
  return test ? { testId: test.id } : { invalid: true };
};

/** Record a step of a test; a failed one settles it and sends the popup to the report. */
const recordStep = (
  deps: TestDeps,
  test: { testId: string; organizationId: string },
  step: SsoTestStep,
  options: { last?: boolean; assertedEmail?: string } = {},
) =>
  // one transaction: the PENDING row stays locked while the step is appended and the test settles
  deps.db.transaction((tx) =>
    recordTestStep(
      tx,
      systemContext(deps),
      { id: test.testId, organizationId: test.organizationId },
      step,
      options,
    ),
  );

/** What a sign-in flow does once it knows whether it is a test. */
export interface SsoConclusion {
  /** Whether this flow is a connection test (it must then open no session and create no one). */
  testing: boolean;
  /** A test records a step that passed; a sign-in ignores it. */
  passedStep(step: SsoTestStep, assertedEmail?: string): Promise<void>;
  /** Refuse with a code the sign-in page explains (a test records it as `step` failing). */
  refuse(code: string, step?: SsoTestStep["step"]): Promise<void>;
  /** A test's last step passed: record it and show the report. */
  finishTest(step: SsoTestStep): Promise<void>;
}

const DETAILS: Record<string, string> = {
  SSO_DOMAIN_NOT_ALLOWED: "the email's domain is not listed, or not verified by DNS, for this organisation",
  SSO_UNKNOWN_USER: "no user of this organisation has that email (and just-in-time accounts are off)",
  USER_DISABLED: "that user is deactivated",
};

/** How a refusal reads in a test report. */
const refusalDetail = (code: string) => (DETAILS[code] ? `${code}: ${DETAILS[code]}` : code);

export const concludeSso = (
  deps: TestDeps,
  res: ServerResponse,
  test: { testId: string; organizationId: string } | null,
): SsoConclusion => ({
  testing: test !== null,
  passedStep: async (step, assertedEmail) => {
    if (test) await recordStep(deps, test, step, assertedEmail ? { assertedEmail } : {});
  },
  refuse: async (code, step = "RESPONSE") => {
    if (!test) return refuse(res, code);
    await recordStep(deps, test, { step, ok: false, detail: refusalDetail(code) });
    return redirect(res, testReportPath(test.testId));
  },
  finishTest: async (step) => {
    if (!test) return;
    await recordStep(deps, test, step, { last: true });
    return redirect(res, testReportPath(test.testId));
  },
});
